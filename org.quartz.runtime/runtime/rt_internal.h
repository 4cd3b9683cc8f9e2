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

/* rt_string.c. A NULL String reads as "". */
static inline int64_t rt_str_len(const struct qz_string *s) { return s ? s->len : 0; }
static inline const char *rt_str_bytes(const struct qz_string *s) { return s ? s->bytes : ""; }
struct qz_string *rt_str_new(int64_t len);      /* bytes uninitialised, NUL in place */
qz_val rt_str_from(const char *bytes, int64_t len);
int rt_str_equal(const struct qz_string *a, const struct qz_string *b);
int rt_str_compare(const struct qz_string *a, const struct qz_string *b);
uint64_t rt_hash_bytes(const char *p, int64_t len);
uint64_t rt_hash_int(int64_t v);
int rt_int_len(int64_t v);                      /* characters in v's decimal form */
void rt_int_write(char *dst, int64_t v, int len);   /* writes exactly len = rt_int_len(v) */

/* rt_io.c: the runtime-wide output lock, held around every write to stdout or
 * stderr (and by a panic while it flushes and reports), so tasks on worker
 * threads never interleave within a line or between a flush and its write. */
void rt_out_lock(void);
void rt_out_unlock(void);

/* ---------------------------------------------------------------------------
 * Concurrency: rt_wait.c, rt_chan.c, rt_select.c, rt_task.c, rt_sched.c,
 * rt_timer.c, rt_cancel.c, rt_mutex.c, rt_group.c, rt_poll.c, rt_net.c. Lock
 * order (outer first): channel locks (several at once only in ascending address
 * order) -> timer heap lock; the poller's table lock -> a descriptor's lock. A
 * task's own lock (await), a mutex's lock, a group's lock and a synchronous
 * waiter's lock are leaves, as are the scheduler's queue locks.
 * Nobody wakes a waiter (enqueues a task, signals a thread) while holding a
 * channel, task, mutex, group, timer or poller lock: claimers collect wake-ups
 * in a list and call rt_wake_all after unlocking.
 * ------------------------------------------------------------------------- */
#include <pthread.h>
#include <stdatomic.h>

struct rt_task;
struct rt_chan;
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
 * mu, then cv is signalled. Tasks need none of it, so rt_task does not carry it. */
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

/* rt_wait.c */
void rt_wait_reset(struct rt_wait *w, struct rt_task *task);  /* before each op */
void rt_wait_init_sync(struct rt_sync_wait *s);
void rt_wait_destroy_sync(struct rt_sync_wait *s);
int rt_wait_claim(struct rt_wait *w);                          /* 1 = won the CAS */
void rt_wait_publish_parked(struct rt_wait *w);                /* the owner, once registered */
int rt_wait_claim_parked(struct rt_wait *w);                   /* claims only a published park */
void rt_wait_deliver(struct rt_wnode *n, qz_val value, int ok, struct rt_wait **wake_list);
void rt_wake_all(struct rt_wait *list);                        /* no locks held */
void rt_wake_one(struct rt_wait *w);                           /* no locks held */
int rt_sync_park(struct rt_sync_wait *s, int64_t deadline);    /* 0 = timed out and self-claimed */
void rt_wq_push(struct rt_wq *q, struct rt_wnode *n);
void rt_wq_unlink(struct rt_wnode *n);
struct rt_wnode *rt_wq_claim(struct rt_wq *q);                 /* drops stale nodes */

/* rt_chan.c: the channel, locked by mu. */
struct rt_chan {
    pthread_mutex_t mu;
    int64_t cap, len, head;     /* ring buffer of cap words at buf; owner: mu */
    qz_val *buf;
    int closed;                 /* owner: mu */
    struct rt_wq recvq, sendq;  /* owner: mu; non-empty only while buf is empty / full */
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
struct rt_select {
    int64_t n, cap;
    qz_val value;               /* the received value of the chosen arm */
    struct rt_arm arms[];
};
/* >= 0: chosen arm, done (w->value/ok set). -1: registered, the caller parks
 * (only with may_park). -2: nothing ready and may_park is 0. */
int rt_arms_try(struct rt_arm *arms, int n, struct rt_wait *w, int may_park);
void rt_arms_cleanup(struct rt_arm *arms, int n, struct rt_wait *w);
/* The blocking form for synchronous code: returns the chosen arm, the result in *w. */
int rt_arms_sync(struct rt_arm *arms, int n, struct rt_sync_wait *s);

/*
 * rt_cancel.c: the context of a task: its task-locals, its go_scope and its
 * cancellation (every frame of the task shares them).
 */
struct rt_group;
struct rt_ctx {
    atomic_int cancelled;               /* set once by a cancellation */
    qz_val locals;                      /* task-locals Map (0 until set); owner: the running task */
    struct rt_group *scope;             /* innermost go_scope; owner: the running task */
};
struct rt_ctx *rt_current_ctx(void);    /* the running task's, or the main thread's */
struct rt_task *rt_current_task(void);  /* NULL outside tasks */
void rt_task_cancel(struct rt_task *t);
/* Before a task op registers: 1 = the task is cancelled, it is now interrupted
 * instead (io 0) and the op must return 0 at once without doing anything. */
int rt_task_precheck(struct rt_task *t);
/* After a task op registered and unlocked: publishes the park and honours a
 * cancellation that raced with it. */
void rt_task_parked(struct rt_task *t);

/* rt_task.c */
enum rt_run { RT_NEW, RT_RUNNABLE, RT_RUNNING, RT_PARKED, RT_NOTIFIED, RT_FINISHED };
enum rt_op {
    RT_OP_NONE, RT_OP_AWAIT, RT_OP_RECV, RT_OP_RECV_OPT, RT_OP_RECV_TIMEOUT,
    RT_OP_SEND, RT_OP_SLEEP, RT_OP_YIELD, RT_OP_SELECT, RT_OP_LOCK,
    RT_OP_GROUP_WAIT, RT_OP_GROUP_FIRST, RT_OP_IO
};
/* rt_net.c: a task's pending I/O operation (RT_OP_IO); owner: the task. */
struct rt_pdesc;
struct rt_netop {
    int kind;                   /* which operation (rt_net.c) */
    int fd;                     /* connect: the socket being connected, -1 between addresses */
    int dir;                    /* the readiness it waits for: RT_POLL_READ or RT_POLL_WRITE */
    struct rt_pdesc *desc;      /* fd's poller registration, once it had to wait */
    qz_val str;                 /* write: the String */
    int64_t max, off;           /* read: the byte limit; write: bytes written so far */
    void *addrs, *next;         /* connect: the getaddrinfo list, the next address to try */
};

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

struct rt_task {
    struct rt_frame *top;       /* the frame running or parked; NULL for a promise */
    atomic_int run;             /* enum rt_run; see rt_task.c */
    qz_val io;                  /* owner: the task while it runs */
    int depth;                  /* frames called directly on this worker's stack; owner: the task */
    struct rt_task *run_next;   /* owner: the run queue holding it */
    int op;                     /* enum rt_op the task is parked in; owner: the task */
    struct rt_select *sel;      /* RT_OP_SELECT */
    struct rt_arm own[2];       /* arms of a single channel op / the node of a one-queue op */
    pthread_mutex_t *park_lock; /* one-queue ops: the lock of the queue own[0].node is in */
    struct rt_netop *net;       /* RT_OP_IO: made by the task's first I/O wait, then reused */
    struct rt_wait wait;
    struct rt_ctx ctx;          /* its task-locals, go_scope and cancellation */
    int interrupted;            /* the last op was cancelled; owner: the task */
    int waits_outside;          /* parked on a timer or the poller (rt_sched_outside_wait) */
    int streak;                 /* operations completed at once since it last parked (rt_task_complete) */
    int yielded;                /* it yields (sched_yield, budget, preemption): re-queued globally */
    unsigned preempt_checks;    /* loop back-edges passed (qz_preempt_begin); owner: the task */
    int64_t slice_start;        /* ns of its first budget or preemption check since it was resumed, 0: none yet */
    atomic_int unwinding;       /* it stopped for a cancellation and runs its defers */
    struct rt_group *group;     /* the group it was started in, or NULL */
    struct rt_task *group_next; /* owner: group->mu */
    pthread_mutex_t mu;         /* guards result and awaiters */
    atomic_int done;
    qz_val result;
    struct rt_wq awaiters;
};
void rt_task_wake(struct rt_task *t);
void rt_task_run(struct rt_task *t);   /* one resume, on a worker */
/* A wait source's operation completed at once, result in io: what its _begin returns
 * (1, or 0 when the task used up its budget and yields first, the result kept). */
qz_val rt_task_complete(struct rt_task *t);
/* Starts op over t->own (or t->sel's arms): 1 = done, io set; 0 = parked. */
qz_val rt_task_op(struct rt_task *t, int op);
/* Registers t's own[0].node in q (whose holder's lock is lock, held by the caller) for op. */
void rt_task_enqueue_waiter(struct rt_task *t, int op, struct rt_wq *q, pthread_mutex_t *lock);
struct rt_task *rt_task_of(qz_val task);   /* panics on nil */
qz_val rt_task_start(struct rt_task *t);   /* spawns a new task, ignoring scopes */

/* rt_group.c */
void rt_group_task_finished(struct rt_task *t);   /* t->group != NULL; no locks held */
qz_val rt_group_spawn(struct rt_group *g, struct rt_task *t);

/* rt_sched.c */
void rt_sched_spawn(struct rt_task *t);     /* a new task, RT_RUNNABLE; starts the scheduler */
void rt_sched_enqueue(struct rt_task *t);   /* a woken task, RT_RUNNABLE */
void rt_sched_enqueue_global(struct rt_task *t);   /* a yielding task: behind all waiting ones */
void rt_sched_task_exited(void);            /* after a resume returned QZ_DONE */
void *rt_sched_alloc(size_t n);             /* scheduler-owned memory, counted */
void rt_sched_free(void *p);
int64_t rt_sched_live_allocs(void);         /* for tests: 0 after shutdown */
int rt_sched_running(void);
int rt_sched_on_worker(void);
/* A parked task that a timer or the poller will wake: +1 when it parks, -1 when it runs. */
void rt_sched_outside_wait(int delta);
int rt_sched_stuck(void);   /* no task can run again unless main wakes one (rt_deadlock.c) */

/* rt_timer.c: the timer heap and its thread, owned by the scheduler. */
void rt_timers_start(void);
void rt_timers_stop(void);
void rt_timer_add(struct rt_timer *t);
void rt_timer_cancel(struct rt_timer *t);
int64_t rt_deadline_after(int64_t ms);      /* now + ms, in ns, saturating */

/* rt_poll.c: readiness of descriptors for tasks, through one epoll thread that
 * starts with the first task that has to wait and stops with the scheduler. */
enum { RT_POLL_READ, RT_POLL_WRITE };
struct rt_pdesc *rt_poll_desc(int fd);      /* fd's registration (made now if needed); NULL: errno */
unsigned rt_poll_seq(struct rt_pdesc *d, int dir);   /* readiness edges seen so far */
/* Parks t (RT_OP_IO) until dir is ready: 1 = parked; 0 = readiness arrived since
 * seq, retry the syscall; -1 = the descriptor was closed. */
int rt_poll_park(struct rt_task *t, struct rt_pdesc *d, int dir, unsigned seq);
void rt_poll_close(int fd);                 /* before close(fd): wakes its waiters, unregisters */
void rt_poll_stop(void);                    /* the scheduler's shutdown: no task is running */

/* rt_deadlock.c: main waiting forever on tasks that can never run. */
void rt_deadlock_main_waits(struct rt_wait *w);     /* main, before parking without a deadline */
void rt_deadlock_main_woke(void);
void rt_deadlock_main_in_shutdown(int waiting);     /* under the scheduler's mu */
void rt_deadlock_check(int64_t live_tasks);         /* a worker, the last to go idle, under mu */
void rt_foreign_thread_enter(void);                 /* a thread the runtime did not start */
void rt_foreign_thread_exit(void);

/* rt_net.c: the next step of t's I/O after its wake-up: 1 = done, io set; 0 = parked again. */
int rt_net_resume(struct rt_task *t);

#endif
