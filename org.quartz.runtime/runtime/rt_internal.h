/*
 * rt_internal.h - what the runtime's files share with each other. None of it is
 * part of the compiler interface (that is quartz_rt.h).
 *
 * Every runtime file includes this header before anything else, because it picks
 * the glibc feature set (memmem, writev, flockfile, fwrite_unlocked) and that must
 * happen before the first system header.
 */
#ifndef QZ_RT_INTERNAL_H
#define QZ_RT_INTERNAL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/uio.h>

#include "quartz_rt.h"

/* The collector's header, with GC_THREADS, before any use of pthread_create: it
 * makes every thread the runtime starts known to the collector (rt_alloc.c).
 * A value must never live only in a _Thread_local: the collector does not scan
 * thread-locals. */
#ifndef QZ_NO_GC
#define GC_THREADS
#include <gc.h>
#endif

/* The program's main, emitted by the compiler; the runtime's C main calls it. */
extern qz_val quartz_main(void);

/* Values are words; these are the only casts between words and pointers. */
static inline void *rt_ptr(qz_val v) { return (void *)(intptr_t)v; }
static inline qz_val rt_val(const void *p) { return (qz_val)(intptr_t)p; }

/* rt_alloc.c: the collector's heap (see there); allocation never returns NULL,
 * it panics instead. */
void *rt_alloc(size_t n);               /* collected, scanned for pointers, zeroed */
void *rt_alloc_bytes(size_t n);         /* collected, holds no pointer, uninitialised */
void *rt_alloc_fixed(size_t n);         /* scanned, never collected: rt_free it */
void *rt_realloc(void *p, size_t n);    /* keeps p's kind; from NULL: rt_alloc's */
void rt_free(void *p);                  /* memory nothing else can reference */
int64_t rt_gc_collections(void);        /* collections so far (0 without the collector) */
size_t rt_words(int64_t n);             /* n * 8 bytes; panics if n < 0 or too large */

/* rt_panic.c */
QZ_NORETURN void rt_panic_msg(const char *msg, size_t len);
QZ_NORETURN void rt_panic_cstr(const char *msg);
QZ_NORETURN void rt_panic_index(int64_t index, int64_t size);
QZ_NORETURN void rt_panic_oom(void);
QZ_NORETURN void rt_fatal(const char *msg, int exit_code);   /* "fatal error: msg" */

/* rt_io.c */
void rt_io_init(void);
void rt_run_at_exit(void);   /* rt_exit.c: the at_exit handlers, newest first */
void rt_write_fd(int fd, struct iovec *iov, int n);

/* rt_signal.c: fatal signals (stack overflow, other faults) on an alternate
 * stack. Every thread the runtime starts calls the thread pair around its work. */
void rt_signal_init(void);              /* main, before quartz_main */
void rt_signal_thread_start(void);
void rt_signal_thread_stop(void);

/* rt_string.c. A NULL String reads as "". */
static inline const struct qz_string *rt_str(qz_val v) { return rt_ptr(v); }
static inline int64_t rt_str_len(const struct qz_string *s) { return s ? s->len : 0; }
static inline const char *rt_str_bytes(const struct qz_string *s) { return s ? s->bytes : ""; }
struct qz_string *rt_str_new(int64_t len);      /* bytes uninitialised, NUL in place */
qz_val rt_str_from(const char *bytes, int64_t len);
uint64_t rt_hash_bytes(const char *p, int64_t len);
uint64_t rt_hash_int(int64_t v);
int rt_int_len(int64_t v);                      /* characters in v's decimal form */
void rt_int_write(char *dst, int64_t v, int len);   /* writes exactly len = rt_int_len(v) */
/* Bytes of the well-formed UTF-8 sequence at p (n >= 1 available), or 1 for a byte
 * that starts none (a stray byte counts as one character). */
int64_t rt_utf8_len(const unsigned char *p, int64_t n);

static inline int rt_str_equal(const struct qz_string *a, const struct qz_string *b)
{
    if (a == b)
        return 1;
    int64_t n = rt_str_len(a);
    return n == rt_str_len(b) && memcmp(rt_str_bytes(a), rt_str_bytes(b), (size_t)n) == 0;
}

/* -1, 0 or 1, bytewise. */
static inline int rt_str_compare(const struct qz_string *a, const struct qz_string *b)
{
    int64_t la = rt_str_len(a), lb = rt_str_len(b);
    int c = memcmp(rt_str_bytes(a), rt_str_bytes(b), (size_t)(la < lb ? la : lb));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (la > lb) - (la < lb);
}

/* rt_io.c: the runtime-wide output lock, held around every write to stdout or
 * stderr (and by a panic while it flushes and reports), so tasks on worker
 * threads never interleave within a line or between a flush and its write. */
void rt_out_lock(void);
void rt_out_unlock(void);
void rt_out_flush_locked(void);         /* under the lock; a failure is ignored (abnormal ends) */
void rt_out_flush_if_terminal(void);    /* takes the lock: flushes when stdout is a terminal */
/* For a fatal signal handler: the lock unless this thread holds it already, and a
 * flush with write(2) only. */
void rt_out_lock_for_signal(void);
void rt_out_flush_for_signal(void);

/* ---------------------------------------------------------------------------
 * Concurrency, in layers. A file uses only files of its own layer or of the
 * layers before it, and the only dependency cycle is the core's, whose files
 * depend on each other (waking a task enqueues it; running it finishes its wait;
 * a wait's park checks for a deadlock). run-tests.sh checks both with nm.
 *   base:         rt_lock.c, and every file outside this section
 *   core:         rt_wait.c (waiters, wait queues, park records), rt_task.c
 *                 (tasks, frames, await, yield, preemption), rt_cancel.c
 *                 (contexts, cancellation), rt_sched.c (workers, run queues),
 *                 rt_deadlock.c
 *   wait sources: rt_timer.c, rt_chan.c, rt_select.c (select, the channel
 *                 operations, sleep), rt_mutex.c, rt_group.c (groups, go,
 *                 go_scope), rt_poll.c, rt_net.c, rt_blocking.c (the pool of
 *                 threads for blocking calls), rt_file.c (files, stdin)
 * The core knows no particular operation: a wait source parks a task with a park
 * record it owns (struct rt_park) whose kind finishes the operation before the
 * task's next resume.
 * LAYER core: rt_wait rt_task rt_cancel rt_sched rt_deadlock
 * LAYER sources: rt_timer rt_chan rt_select rt_mutex rt_group rt_poll rt_net rt_blocking rt_file
 *
 * Lock order (outer first): channel locks (several at once only in ascending
 * address order) -> the timer heap's lock or its start lock; the poller's table
 * lock -> a descriptor's lock; the timer's start lock, the poller's table lock
 * and the blocking pool's lock -> the scheduler's hook lock; standard input's
 * lock (rt_file.c) -> the output lock. A task's own lock (await), a mutex's lock,
 * a group's lock, a synchronous waiter's lock and the scheduler's queue locks
 * are leaves. Nobody wakes a waiter (enqueues a task, signals a thread) while
 * holding a channel, task, mutex, group, timer, poller or pool lock: claimers collect
 * wake-ups in a list and call rt_wake_all after unlocking.
 * ------------------------------------------------------------------------- */
#include <pthread.h>
#include <stdatomic.h>

/* rt_lock.c: the lock of the runtime's objects (channels, tasks, mutexes, groups,
 * descriptors): one word, zero = unlocked, so zeroed memory needs no init. */
struct rt_lock {
    atomic_int state;           /* 0 unlocked, 1 locked, 2 locked and maybe contended */
};
void rt_lock_contended(struct rt_lock *l);
void rt_lock_wake(struct rt_lock *l);
/* Sleeps while *word == expected (or until a wake); may return spuriously. */
void rt_futex_wait(atomic_int *word, int expected);
void rt_futex_wake(atomic_int *word);
static inline void rt_lock(struct rt_lock *l)
{
    int unlocked = 0;
    if (!atomic_compare_exchange_strong_explicit(&l->state, &unlocked, 1, memory_order_acquire,
                                                 memory_order_relaxed))
        rt_lock_contended(l);
}
static inline void rt_unlock(struct rt_lock *l)
{
    if (atomic_exchange_explicit(&l->state, 0, memory_order_release) == 2)
        rt_lock_wake(l);
}

struct rt_task;
struct rt_wait;

/* A deadline for a task waiter, kept in the timer heap (rt_timer.c). */
struct rt_timer {
    int64_t deadline;       /* CLOCK_MONOTONIC ns; owner: the waiter until added */
    int64_t index;          /* heap slot, -1 when not in the heap; owner: timer lock */
    struct rt_wait *wait;   /* the waiter it claims when it fires */
    int arm;                /* the arm index it records when it wins */
};

/*
 * One blocking operation of one waiter (a task or a synchronous thread). Its
 * registrations (rt_wnode, one per channel arm), its timer and the
 * wake-up all refer to it. Exactly-once: whoever sets the CLAIMED bit of phase
 * by CAS owns the result fields and must wake the waiter; everybody else leaves
 * it. phase = generation << 2 | PARKED | CLAIMED: each rt_wait_reset starts a
 * new generation, and a task sets PARKED once it is fully registered, so a
 * canceller (which finds the task, not a registration) claims only an operation
 * that is really parked, never a later one (rt_cancel.c).
 */
#define RT_WAIT_CLAIMED 1
#define RT_WAIT_PARKED 2
struct rt_wait {
    atomic_llong phase;         /* see above */
    int cancelled;              /* the claimer was a cancellation (no result) */
    struct rt_task *task;       /* the parked task, or NULL: a synchronous waiter */
    /* Written by the claimer before the wake-up, read by the owner after it. */
    int arm;                    /* chosen arm */
    int ok;                     /* recv: got a value (0: closed); send: delivered */
    qz_val value;               /* received value or awaited result */
    struct rt_wait *wake_next;  /* the claimer's pending wake-up list */
    int has_timer;              /* owner only: a timeout arm is part of this op */
    struct rt_timer timer;      /* tasks: in the heap while parked; sync: the deadline */
};

/* A synchronous waiter (a thread blocked in a _sync operation, on its stack): a
 * waiter whose task is NULL is always the w of one of these. woken is set under
 * mu, then cv is signalled. */
struct rt_sync_wait {
    struct rt_wait w;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int woken;
};

/* A registration in a wait queue (a channel's recvq/sendq, a task's awaiters).
 * prev/next/queue are owned by the lock of the queue's holder. */
struct rt_wq;
struct rt_wnode {
    struct rt_wnode *prev, *next;
    struct rt_wq *queue;        /* non-NULL exactly while linked */
    struct rt_wait *wait;
    qz_val elem;                /* a sender's value */
    int arm;
};
struct rt_wq {
    struct rt_wnode *head, *tail;
};

/*
 * The park record: a task's pending operation (Go's sudog, with the operation's
 * own state after it). A wait source gets one with rt_park_prepare, registers
 * its wait, and calls rt_task_parked; the task core calls kind->finish before
 * the task's next resume. A task keeps its last record and reuses it for its
 * next operation when it is large enough, so a task that waits in a loop
 * allocates once. Records are collected, scanned memory, reachable from the
 * task (park) and, while registered, from the wait queues and the timer heap.
 */
struct rt_park;
struct rt_park_kind {
    /* After the wake-up: removes the operation's remaining registrations and its
     * timer and puts its outcome in t->io (a cancelled wait: anything; the core
     * then makes it 0). 0 = the operation parked the task again instead (an I/O
     * retry that would block). */
    int (*finish)(struct rt_task *t, struct rt_park *p);
    int outside;                /* woken from outside the tasks (the poller, the blocking pool): rt_sched_outside_wait */
};
struct rt_park {
    const struct rt_park_kind *kind;
    size_t size;                /* bytes of the record */
    int pending;                /* parked in it, finish not run yet */
    struct rt_wait wait;
};
/* A record of at least size bytes for t's next operation, its kind set (its wait
 * is not reset: the operation does that before it registers). */
void *rt_park_prepare(struct rt_task *t, const struct rt_park_kind *kind, size_t size);

/* A park in one wait queue (a task's awaiters, a mutex, a group, a descriptor). */
struct rt_queue_park {
    struct rt_park park;
    struct rt_wnode node;
    struct rt_lock *lock;       /* the lock of the queue node is in */
};
/* Resets p's wait and registers it in q; the caller holds lock, q's holder's. */
void rt_queue_park_push(struct rt_queue_park *p, struct rt_wq *q, struct rt_lock *lock);
/* In finish: takes the node out of its queue unless its claimer already did
 * (a cancellation or a timer claimed the wait instead). */
void rt_queue_park_unlink(struct rt_queue_park *p);

/* rt_wait.c */
void rt_wait_reset(struct rt_wait *w, struct rt_task *task);  /* before each op */
void rt_wait_init_sync(struct rt_sync_wait *s);
int rt_wait_claim(struct rt_wait *w);                          /* 1 = won the CAS */
void rt_wait_publish_parked(struct rt_wait *w);                /* the owner, once registered */
int rt_wait_claim_parked(struct rt_wait *w);                   /* claims only a published park */
void rt_wait_deliver(struct rt_wnode *n, qz_val value, int ok, struct rt_wait **wake_list);
void rt_wake_all(struct rt_wait *list);                        /* no locks held */
void rt_wake_one(struct rt_wait *w);                           /* no locks held */
int rt_sync_park(struct rt_sync_wait *s, int64_t deadline);    /* 0 = timed out and self-claimed */
void rt_wq_push(struct rt_wq *q, struct rt_wnode *n);
void rt_wq_push_front(struct rt_wq *q, struct rt_wnode *n);
void rt_wq_unlink(struct rt_wnode *n);
struct rt_wnode *rt_wq_claim(struct rt_wq *q);                 /* drops stale nodes */

/*
 * rt_cancel.c: the context of a task: its task-locals and its go_scope, made at
 * its first use (every frame of the task shares it); the main thread has one.
 */
struct rt_group;
struct rt_ctx {
    qz_val locals;                      /* task-locals Map (0 until set); owner: the running task */
    struct rt_group *scope;             /* innermost go_scope; owner: the running task */
};
struct rt_ctx *rt_current_ctx(void);    /* the running task's (made now if needed), or main's */
struct rt_group *rt_current_scope(void);   /* the running context's innermost go_scope, or NULL */
struct rt_task *rt_current_task(void);  /* NULL outside tasks */
void rt_task_cancel(struct rt_task *t);
/* Before a task op registers: 1 = the task is cancelled, it is now interrupted
 * instead (io 0) and the op must return 0 at once without doing anything. */
int rt_task_precheck(struct rt_task *t);
/* After a task op registered its park record (t->park) and unlocked: marks it
 * pending, publishes the park and honours a cancellation that raced with it. */
void rt_task_parked(struct rt_task *t);

/* rt_task.c */
enum rt_run { RT_NEW, RT_RUNNABLE, RT_RUNNING, RT_PARKED, RT_NOTIFIED, RT_FINISHED };

/*
 * A frame: one activation of a task form (rt_task.c). The compiled code owns
 * words; it reaches its own through qz_task_frame while it is the task's top
 * frame. A call of a waiting function pushes the callee's frame (caller set),
 * and its return pops it. A frame value in the compiler interface is the
 * address of words (rt_frame_of finds the frame).
 */
struct rt_frame {
    qz_val (*resume)(qz_val task);
    struct rt_frame *caller;    /* the frame to go on with when it returns; NULL: the task's first */
    qz_val state;               /* the resume point (0: start) */
    int caller_unwinding;       /* the task was already unwinding when this frame was called */
    int64_t nwords;
    qz_val words[];
};

/* What runs when a task finishes, after its awaiters are woken (a group's count). */
struct rt_task_hook {
    void (*finished)(struct rt_task_hook *h, struct rt_task *t);
};

/* The task header: what every task needs, nothing of any one operation (a test
 * keeps it at 128 bytes or less). */
struct rt_task {                /* ordered by size: 120 bytes */
    struct rt_frame *top;       /* the frame running or parked; NULL for a promise */
    struct rt_task *run_next;   /* owner: the run queue holding it */
    qz_val io;                  /* an operation's result; owner: the task while it runs */
    struct rt_park *_Atomic park;   /* its pending or last operation; written by the task, read by a canceller */
    int64_t slice_start;        /* ns of its first budget or preemption check since it was resumed, 0: none yet */
    struct rt_ctx *ctx;         /* task-locals and go_scope, NULL until first used */
    struct rt_task_hook *on_finish;   /* NULL, or set once before the task starts */
    qz_val result;
    struct rt_frame *spare;     /* the last frame that returned, for the next call of its size; owner: the task */
    struct rt_wq awaiters;
    atomic_int run;             /* enum rt_run; see rt_task.c */
    atomic_int cancelled;       /* set once by a cancellation (rt_cancel.c) */
    atomic_int unwinding;       /* it stopped for a cancellation and runs its defers */
    atomic_int done;
    struct rt_lock lock;        /* guards result and awaiters */
    unsigned preempt_checks;    /* loop back-edges passed (qz_preempt_begin); owner: the task */
    uint16_t depth;             /* frames called directly on this worker's stack (< MAX_DIRECT_DEPTH); owner: the task */
    uint16_t streak;            /* operations completed at once since it last parked (< RT_BUDGET; rt_task_complete) */
    unsigned char interrupted;  /* the last op was cancelled; owner: the task */
    unsigned char waits_outside;    /* parked on a timer or the poller (rt_sched_outside_wait) */
    unsigned char yielded;      /* it yields: RT_YIELD_GLOBAL or RT_YIELD_LOCAL (rt_task.c), else 0 */
};
/* Where a yielding task goes: behind everything waiting anywhere (sched_yield,
 * preemption: Go's Gosched), or behind its worker's queue (its budget: Tokio's). */
enum { RT_YIELD_GLOBAL = 1, RT_YIELD_LOCAL = 2 };
void rt_task_wake(struct rt_task *t);
void rt_task_run(struct rt_task *t);   /* one resume, on a worker */
/* A wait source's operation completed at once, result in io: what its _begin returns
 * (1, or 0 when the task used up its budget and yields first, the result kept). */
qz_val rt_task_complete(struct rt_task *t);
struct rt_task *rt_task_of(qz_val task);   /* panics on nil */
qz_val rt_task_start(struct rt_task *t);   /* spawns a new task, ignoring scopes */

/* rt_sched.c */
void rt_sched_spawn(struct rt_task *t);     /* a new task, RT_RUNNABLE; starts the scheduler */
void rt_sched_enqueue(struct rt_task *t);   /* a woken task, RT_RUNNABLE */
void rt_sched_enqueue_global(struct rt_task *t);   /* a yielding task: behind all waiting ones */
void rt_sched_enqueue_local(struct rt_task *t);    /* behind this worker's queue, waking nobody */
void rt_sched_task_exited(void);            /* after a resume returned QZ_DONE */
void *rt_sched_alloc(size_t n);             /* scheduler-owned memory, counted */
void rt_sched_free(void *p);
int64_t rt_sched_live_allocs(void);         /* for tests: 0 after shutdown */
int rt_sched_running(void);
int rt_sched_on_worker(void);
/* A service thread a wait source started (the timer thread, the poller): stop runs at
 * the scheduler's shutdown, after its workers stopped, newest first. */
void rt_sched_at_shutdown(void (*stop)(void));
/* A parked task that a timer or the poller will wake: +1 when it parks, -1 when it runs. */
void rt_sched_outside_wait(int delta);
int rt_sched_stuck(void);   /* no task can run again unless main wakes one (rt_deadlock.c) */
/* Main, about to wait for w: runs tasks on its own thread until w is claimed, the
 * deadline passes (ns; < 0: none) or nothing is runnable. Other threads: nothing. */
void rt_sched_main_helps(struct rt_wait *w, int64_t deadline);

/* rt_deadlock.c: main waiting forever on tasks that can never run. */
void rt_deadlock_main_waits(struct rt_wait *w);     /* main, before parking without a deadline */
void rt_deadlock_main_woke(void);
void rt_deadlock_main_in_shutdown(int waiting);     /* under the scheduler's mu */
void rt_deadlock_check(int64_t live_tasks);         /* a worker, the last to go idle, under mu */
void rt_foreign_thread_enter(void);                 /* a thread the runtime did not start */
void rt_foreign_thread_exit(void);

/* ---- wait sources ---- */

/* rt_timer.c: the timer heap and its thread, started by the first timer. */
void rt_timer_add(struct rt_timer *t);
void rt_timer_cancel(struct rt_timer *t);
int64_t rt_deadline_after(int64_t ms);      /* now + ms, in ns, saturating */

/* rt_chan.c: the channel, locked by lock. */
struct rt_chan {
    struct rt_lock lock;
    int closed;                 /* owner: lock */
    int64_t cap, len, head;     /* ring buffer of cap words at buf; owner: lock */
    qz_val *buf;
    struct rt_wq recvq, sendq;  /* owner: lock; non-empty only while buf is empty / full */
};
int rt_chan_poll_recv(struct rt_chan *c, qz_val *value, int *ok, struct rt_wait **wake_list);
int rt_chan_poll_send(struct rt_chan *c, qz_val v, int *ok, struct rt_wait **wake_list);

/* rt_select.c: every channel operation is a select over arms. */
enum rt_arm_kind { RT_ARM_RECV = 1, RT_ARM_SEND, RT_ARM_TIMEOUT, RT_ARM_DEFAULT };
struct rt_arm {
    int kind;
    struct rt_chan *ch;
    qz_val v;                   /* send value */
    int64_t ms;                 /* timeout */
    struct rt_wnode node;       /* the registration while parked */
};

/* rt_poll.c: readiness of descriptors for tasks, through one epoll thread that
 * starts with the first task that has to wait and stops with the scheduler. */
enum { RT_POLL_READ, RT_POLL_WRITE };
struct rt_pdesc;
struct rt_pdesc *rt_poll_desc(int fd);      /* fd's registration (made now if needed); NULL: errno */
unsigned rt_poll_seq(struct rt_pdesc *d, int dir);   /* readiness edges seen so far */
/* Parks t with p (its kind set by the caller) until dir is ready: 1 = parked; 0 =
 * readiness arrived since seq, retry the syscall; -1 = the descriptor was closed. */
int rt_poll_park(struct rt_task *t, struct rt_queue_park *p, struct rt_pdesc *d, int dir, unsigned seq);
void rt_poll_close(int fd);                 /* before close(fd): wakes its waiters, unregisters */

/* rt_blocking.c: a pool of threads that make blocking system calls for tasks
 * (started by the first call, stopped with the scheduler). */
#define RT_BLOCKING_MAX_THREADS 64
typedef qz_val (*rt_blocking_fn)(qz_val a, qz_val b);
/* Parks t while a pool thread runs fn(a, b), which must not touch t (a and b stay
 * reachable meanwhile). Returns what a task form returns: 0, parked; the result
 * is in t->io at the next resume. */
qz_val rt_blocking_begin(struct rt_task *t, rt_blocking_fn fn, qz_val a, qz_val b);
int rt_blocking_threads(void);              /* threads the pool has started (for tests) */

#endif
