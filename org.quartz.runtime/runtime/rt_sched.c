/*
 * rt_sched.c - the M:N scheduler: worker threads that resume tasks.
 *
 * Design
 *   Workers. N pthreads (qz_sched_init(N); 0 or the implicit start by the first
 *   spawn = QUARTZ_WORKERS from the environment, else one per online CPU). Each
 *   runs: pop its own run queue, else the global queue, else steal from another
 *   worker (starting at a random victim), else park; every 61st task comes from
 *   the global queue first, so its tasks are never starved.
 *   Fairness. A task runs until it parks, yields or finishes; a task whose
 *   operations all complete at once yields after a budget of them
 *   (rt_task_complete), and a loop in a task form checks for preemption at its
 *   back-edge (qz_preempt_begin).
 *   Running a task = one call of its resume function (rt_task_run).
 *   Queues. Each worker has a FIFO run queue (intrusive list through
 *   task->run_next, its own mutex; only that worker pushes to it, anybody pops
 *   from the head, so a thief takes the oldest task). Tasks spawned on a worker
 *   go to that worker's queue (locality). A task woken on a worker goes to the
 *   worker's next slot and runs as soon as the waker parks (a hand-off stays on
 *   one thread and wakes no other worker); the task it displaces, and every
 *   NEXT_RUN_LIMIT-th one in a row, goes to the queue instead. A task in the slot
 *   is not stolen: it waits at most until the running task parks, yields or is
 *   preempted (its budget, the loop time slice). A task that yields
 *   (sched_yield, preemption) goes to the global queue, behind everything
 *   already waiting, as in Go; one out of budget goes behind its worker's queue
 *   and wakes nobody (Tokio's), so tasks that keep each other busy stay on one
 *   worker. Tasks spawned or woken elsewhere (synchronous code on other
 *   threads, the timer thread) go to the global injection queue. Main has a
 *   queue and a next slot of its own (its spawns and the tasks it wakes go
 *   there; thieves take them in batches) and runs tasks while it waits (the
 *   section on main). A thief takes half of a queue, at most STEAL_BATCH.
 *   Waking. Only spawns and pushes to the global queue wake an idle worker, and
 *   only when none is searching for work already (Tokio's searching workers): a
 *   burst of pushes wakes one worker, and a searcher that finds a task wakes the
 *   next while more are queued. A task queued behind a running one (displaced from
 *   next, out of budget) wakes nobody: it likely shares a channel with the task
 *   that woke it. The sysmon thread wakes a worker for a queue that made no progress
 *   for a tick (its section below).
 *   Parking. An idle worker sleeps on a futex word of its own (Go's notes) - no
 *   busy waiting. Before it sleeps it ends its search (nsearching), pushes itself
 *   on the idle stack under the scheduler's mu, increments nidle and re-checks
 *   every queue; a pusher appends, then reads nidle and nsearching and, when a
 *   worker is idle and none searching, takes one off the stack under mu and wakes
 *   it after unlocking (all sequentially consistent, so one side sees the other: no
 *   lost wake-up). The woken worker takes no lock to get going.
 *   Timers. One timer thread (rt_timer.c) owns a binary heap of deadlines
 *   (sleep, timeout arms, recv_timeout in tasks); it claims the expired waiter
 *   and enqueues its task. Synchronous code never uses it: it waits on its own
 *   condition variable with a deadline.
 *   I/O. Tasks waiting for a descriptor park on the poller (rt_poll.c): an
 *   epoll thread started by the first such wait and stopped at shutdown.
 *   Deadlock. Tasks parked on a timer, the poller or the blocking pool are counted (outside_waits);
 *   the last worker to go idle with nothing queued and none of those checks
 *   whether main waits forever (rt_deadlock.c).
 *   Shutdown. qz_sched_shutdown waits (done_cv) until no spawned task is
 *   unfinished, then sets stopping, wakes and joins the workers, stops the
 *   service threads the wait sources started (the timer thread and the poller,
 *   through rt_sched_at_shutdown) and frees every scheduler allocation (counted: rt_sched_live_allocs).
 *   The next spawn starts a fresh scheduler. Tasks themselves are program values
 *   and outlive the scheduler (await / task_result on them keep working).
 *
 * Invariants and ownership
 *   - sched (the current scheduler) changes only under life_mu, which start and
 *     shutdown hold throughout; spawns from outside workers also take it, so they
 *     never meet a scheduler being torn down. Code running on a worker, and any
 *     wake-up of a parked task, implies a live scheduler (live > 0).
 *   - A task is in at most one run queue or next slot, and only while RT_RUNNABLE.
 *     A worker's next slot is its own; it is empty whenever the worker parks.
 *     any_work sees every queue and next slot. Main's next slot is main's, or
 *     sysmon's when it moves a deferred task to the global queue (by exchange, under
 *     mu: the deadlock check, also under mu, sees the task in one place or the other).
 *   - live counts spawned, unfinished tasks; it drops after the worker's resume
 *     call returned QZ_DONE, so shutdown never frees under a running task.
 *   - Lock order: life_mu -> sched mu; a worker queue lock and sysmon_mu are
 *     leaves (never held with another). No queue lock is held while a task runs.
 */
#include "rt_internal.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct rt_worker {
    struct rt_sched *s;
    pthread_t thread;
    struct rt_lock lock;            /* guards head/tail (spins before it sleeps: held briefly) */
    struct rt_task *head, *tail;
    atomic_long n;                  /* queue length, readable without the lock */
    unsigned ticks;                 /* tasks it ran; owner: the worker */
    struct rt_task *_Atomic next;   /* runs next (a task woken here); owner: the worker (main's: see below) */
    unsigned next_runs;             /* tasks run in a row from next; owner: the worker */
    atomic_ulong taken;             /* tasks taken from the queue so far (sysmon sees a stall) */
    unsigned long taken_seen;       /* taken at sysmon's last look; owner: sysmon */
    atomic_int wake;                /* why it was woken (enum wake); its parking's futex word */
    struct rt_worker *idle_next;    /* on the idle stack; owner: the scheduler's mu */
};

enum wake { WAKE_NONE, WAKE_SEARCH, WAKE_STOP };

struct rt_sched {
    int nworkers;                   /* worker threads */
    struct rt_worker *workers;      /* nworkers + 1: the last is main's (no thread of its own) */
    pthread_mutex_t mu;             /* guards the global queue, idle, stopping */
    struct rt_worker *idle;         /* parked workers, a stack through idle_next */
    pthread_cond_t done_cv;         /* shutdown waits here for live == 0 */
    struct rt_task *ghead, *gtail;
    atomic_long gn;
    atomic_int nidle;               /* workers on the idle stack */
    atomic_int nsearching;          /* workers woken to look for work that have not found any yet */
    int stopping;
    atomic_long live;
    atomic_int main_helping;        /* main runs tasks while it waits (rt_sched_main_helps) */
    atomic_long main_deferrals;     /* tasks main put in its next slot; written by main only */
    pthread_t sysmon;               /* the monitor thread (the section on sysmon) */
    pthread_mutex_t sysmon_mu;      /* a leaf; guards sysmon_quit */
    pthread_cond_t sysmon_cv;
    int sysmon_quit;
    atomic_int sysmon_asleep;       /* it waits for a push that woke nobody */
};

static struct rt_worker *main_worker(struct rt_sched *s)
{
    return &s->workers[s->nworkers];
}

enum { GLOBAL_QUEUE_INTERVAL = 61 };
/* After this many tasks in a row from next, the queue's head goes first (a chain of
 * hand-offs, such as a ring of tasks, would otherwise keep it waiting). */
enum { NEXT_RUN_LIMIT = 16 };
/* A thief takes at most this many tasks at once. */
enum { STEAL_BATCH = 32 };

static pthread_mutex_t life_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rt_sched *_Atomic sched;
static int default_workers;                 /* from qz_sched_init; owner: life_mu */
static _Thread_local struct rt_worker *current_worker;
static _Thread_local int thread_kind;       /* on_main_thread: 0 not known yet */
static atomic_long sched_allocs;
static atomic_long outside_waits;           /* tasks parked on a timer, the poller or the blocking pool */

void *rt_sched_alloc(size_t n)
{
    atomic_fetch_add(&sched_allocs, 1);
    return rt_alloc_fixed(n);
}

void rt_sched_free(void *p)
{
    if (p != NULL) {
        atomic_fetch_sub(&sched_allocs, 1);
        rt_free(p);
    }
}

int64_t rt_sched_live_allocs(void)
{
    return atomic_load(&sched_allocs);
}

int rt_sched_running(void)
{
    return atomic_load(&sched) != NULL;
}

/* ---- queues ---- */

static void list_push(struct rt_task **head, struct rt_task **tail, struct rt_task *t)
{
    t->run_next = NULL;
    if (*tail != NULL)
        (*tail)->run_next = t;
    else
        *head = t;
    *tail = t;
}

static struct rt_task *list_pop(struct rt_task **head, struct rt_task **tail)
{
    struct rt_task *t = *head;
    if (t != NULL) {
        *head = t->run_next;
        if (*head == NULL)
            *tail = NULL;
        t->run_next = NULL;
    }
    return t;
}

/* Under mu: takes an idle worker off the stack to look for work, unless one is
 * looking already (Tokio's searching workers): a burst of pushes wakes one worker,
 * not one each; a searcher that finds work wakes the next one when more is queued.
 * The caller wakes it after unlocking mu. */
static struct rt_worker *take_idle_locked(struct rt_sched *s)
{
    struct rt_worker *w = s->idle;
    if (w == NULL || atomic_load(&s->nsearching) != 0)
        return NULL;
    s->idle = w->idle_next;
    atomic_fetch_sub(&s->nidle, 1);
    atomic_fetch_add(&s->nsearching, 1);
    return w;
}

static void wake_worker(struct rt_worker *w, enum wake why)
{
    if (w != NULL) {
        atomic_store(&w->wake, why);
        rt_futex_wake(&w->wake);
    }
}

static void wake_idle(struct rt_sched *s)
{
    if (atomic_load(&s->nidle) > 0 && atomic_load(&s->nsearching) == 0) {
        pthread_mutex_lock(&s->mu);
        struct rt_worker *w = take_idle_locked(s);
        pthread_mutex_unlock(&s->mu);
        wake_worker(w, WAKE_SEARCH);
    }
}

static void sysmon_wake(struct rt_sched *s);

/* Wakes nobody: the worker runs it itself, or sysmon wakes a thief once it has
 * waited a whole tick. */
static void queue_local(struct rt_worker *w, struct rt_task *t)
{
    rt_lock(&w->lock);
    list_push(&w->head, &w->tail, t);
    atomic_fetch_add(&w->n, 1);
    rt_unlock(&w->lock);
    sysmon_wake(w->s);
}

static void push_local(struct rt_worker *w, struct rt_task *t)
{
    queue_local(w, t);
    wake_idle(w->s);   /* another worker may steal it */
}

/* A task woken by the one running here runs next on this worker (Go's runnext,
 * Tokio's LIFO slot): a hand-off between tasks stays on one thread, with no
 * wake-up of another worker. The task it displaces goes to the queue, and wakes
 * nobody either: tasks that wake each other share a channel or a mutex, and a
 * second worker would only take its lock in turn from another core (fan-in 4 -> 1
 * used 0.86 s of CPU so, 0.11 s without; into main, 0.33 s and 0.11 s). */
static void push_next(struct rt_worker *w, struct rt_task *t)
{
    struct rt_task *displaced = atomic_exchange(&w->next, t);
    if (displaced != NULL)
        queue_local(w, displaced);
}

static struct rt_task *take_next(struct rt_worker *w)
{
    if (atomic_load_explicit(&w->next, memory_order_relaxed) == NULL)
        return NULL;
    struct rt_task *t = atomic_exchange(&w->next, NULL);   /* main's: sysmon may take it first */
    if (t == NULL)
        return NULL;
    if (++w->next_runs > NEXT_RUN_LIMIT && atomic_load(&w->n) > 0) {
        w->next_runs = 0;
        queue_local(w, t);   /* behind the queue it kept waiting */
        return NULL;
    }
    return t;
}

static struct rt_task *pop_worker(struct rt_worker *w)
{
    if (atomic_load(&w->n) == 0)
        return NULL;
    rt_lock(&w->lock);
    struct rt_task *t = list_pop(&w->head, &w->tail);
    if (t != NULL) {
        atomic_fetch_sub(&w->n, 1);
        atomic_fetch_add_explicit(&w->taken, 1, memory_order_relaxed);
    }
    rt_unlock(&w->lock);
    return t;
}

static void push_global(struct rt_sched *s, struct rt_task *t)
{
    pthread_mutex_lock(&s->mu);
    list_push(&s->ghead, &s->gtail, t);
    atomic_fetch_add(&s->gn, 1);
    struct rt_worker *w = take_idle_locked(s);
    pthread_mutex_unlock(&s->mu);
    wake_worker(w, WAKE_SEARCH);
}

static struct rt_task *pop_global(struct rt_sched *s)
{
    if (atomic_load(&s->gn) == 0)
        return NULL;
    pthread_mutex_lock(&s->mu);
    struct rt_task *t = list_pop(&s->ghead, &s->gtail);
    if (t != NULL)
        atomic_fetch_sub(&s->gn, 1);
    pthread_mutex_unlock(&s->mu);
    return t;
}

/* Takes half of v's queue, at most STEAL_BATCH tasks (Go's runqsteal): the first to
 * run now, the others into self's queue, so a thief behind a busy spawner takes its
 * locks once per batch instead of once per task. NULL when v's queue is empty. */
static struct rt_task *steal_from(struct rt_worker *self, struct rt_worker *v)
{
    if (atomic_load(&v->n) == 0)
        return NULL;
    rt_lock(&v->lock);
    long n = atomic_load(&v->n), k = n - n / 2;
    if (k > STEAL_BATCH)
        k = STEAL_BATCH;
    struct rt_task *first = v->head, *last = first;
    for (long i = 1; i < k; i++)
        last = last->run_next;
    if (first != NULL) {
        v->head = last->run_next;
        if (v->head == NULL)
            v->tail = NULL;
        last->run_next = NULL;
        atomic_fetch_sub(&v->n, k);
        atomic_fetch_add_explicit(&v->taken, (unsigned long)k, memory_order_relaxed);
    }
    rt_unlock(&v->lock);
    if (first == NULL || first == last)
        return first;
    rt_lock(&self->lock);
    if (self->tail != NULL)
        self->tail->run_next = first->run_next;
    else
        self->head = first->run_next;
    self->tail = last;
    atomic_fetch_add(&self->n, k - 1);
    rt_unlock(&self->lock);
    first->run_next = NULL;
    return first;
}

static struct rt_task *steal(struct rt_sched *s, struct rt_worker *self, unsigned *seed)
{
    int n = s->nworkers + 1;
    *seed = *seed * 1103515245u + 12345u;
    int start = (int)((*seed >> 16) % (unsigned)n);
    for (int k = 0; k < n; k++) {
        struct rt_worker *v = &s->workers[(start + k) % n];
        if (v == self)
            continue;
        struct rt_task *t = steal_from(self, v);
        if (t != NULL)
            return t;
    }
    return NULL;
}

static int any_work(struct rt_sched *s)
{
    if (atomic_load(&s->gn) > 0)
        return 1;
    for (int i = 0; i <= s->nworkers; i++)
        if (atomic_load(&s->workers[i].n) > 0 || atomic_load(&s->workers[i].next) != NULL)
            return 1;
    return 0;
}

static void main_defers(struct rt_sched *s, struct rt_task *t);
static int on_main_thread(void);
static void sysmon_start(struct rt_sched *s);
static void sysmon_stop(struct rt_sched *s);

void rt_sched_enqueue(struct rt_task *t)
{
    struct rt_worker *w = current_worker;
    if (w != NULL)
        push_next(w, t);
    else if (on_main_thread())
        main_defers(atomic_load(&sched), t);
    else
        push_global(atomic_load(&sched), t);
}

/* A task out of budget: behind this worker's queue. It wakes no idle worker, so a
 * producer and its consumer that keep each other busy stay on one worker instead of
 * taking the channel's lock in turn from two cores (bench/concurrency: a buffered
 * channel between two tasks used 0.44 s of CPU with a global re-queue, 0.10 s so). */
void rt_sched_enqueue_local(struct rt_task *t)
{
    queue_local(current_worker, t);
}

void rt_sched_enqueue_global(struct rt_task *t)
{
    push_global(atomic_load(&sched), t);
}

void rt_sched_task_exited(void)
{
    struct rt_sched *s = current_worker->s;
    if (atomic_fetch_sub(&s->live, 1) == 1) {
        pthread_mutex_lock(&s->mu);
        pthread_cond_broadcast(&s->done_cv);
        pthread_mutex_unlock(&s->mu);
    }
}

/* ---- deadlock detection (rt_deadlock.c) ---- */

int rt_sched_on_worker(void)
{
    return current_worker != NULL;
}

void rt_sched_outside_wait(int delta)
{
    atomic_fetch_add(&outside_waits, delta);
}

/* Under s->mu: no task runs, is queued, or waits for a timer or I/O. idle is the
 * number of workers known idle (the caller may be about to be one). */
static int quiescent(struct rt_sched *s, int idle)
{
    return idle == s->nworkers && !any_work(s) && atomic_load(&outside_waits) == 0;
}

int rt_sched_stuck(void)
{
    /* A worker that is not idle will check when it goes idle (it sees main's wait,
     * published before this), so a busy scheduler needs no locking here. */
    struct rt_sched *busy = atomic_load(&sched);
    if (busy != NULL && atomic_load(&busy->nidle) < busy->nworkers)
        return 0;
    pthread_mutex_lock(&life_mu);
    struct rt_sched *s = atomic_load(&sched);
    int stuck = 1;   /* no scheduler: no task can run */
    if (s != NULL) {
        pthread_mutex_lock(&s->mu);
        stuck = quiescent(s, atomic_load(&s->nidle));
        pthread_mutex_unlock(&s->mu);
    }
    pthread_mutex_unlock(&life_mu);
    return stuck;
}

/* ---- workers ---- */

/* The task w runs next, or NULL when none is runnable anywhere. */
static struct rt_task *find_task(struct rt_sched *s, struct rt_worker *w, unsigned *seed)
{
    struct rt_task *t = NULL;
    /* Now and then the global queue first, so tasks woken by timers, the poller or
     * main are not starved by a worker whose own queue never empties (Go: 61). */
    if (++w->ticks % GLOBAL_QUEUE_INTERVAL == 0)
        t = pop_global(s);
    if (t == NULL)
        t = take_next(w);
    if (t == NULL) {
        w->next_runs = 0;
        t = pop_worker(w);
    }
    if (t == NULL)
        t = pop_global(s);
    if (t == NULL)
        t = steal(s, w, seed);
    return t;
}

static void *worker_main(void *arg)
{
    struct rt_worker *w = arg;
    struct rt_sched *s = w->s;
    unsigned seed = (unsigned)(w - s->workers) * 2654435761u + 1;
    current_worker = w;
    rt_signal_thread_start();
    int searching = 0;   /* woken to search (take_idle_locked), no task found yet */
    for (;;) {
        struct rt_task *t = find_task(s, w, &seed);
        if (searching) {
            /* Before any_work below: a pusher that saw this search still on is seen by it. */
            searching = 0;
            if (atomic_fetch_sub(&s->nsearching, 1) == 1 && t != NULL && any_work(s))
                wake_idle(s);
        }
        if (t != NULL) {
            rt_task_run(t);
            continue;
        }
        pthread_mutex_lock(&s->mu);
        if (s->stopping) {
            pthread_mutex_unlock(&s->mu);
            break;
        }
        atomic_store(&w->wake, WAKE_NONE);
        w->idle_next = s->idle;
        s->idle = w;
        atomic_fetch_add(&s->nidle, 1);
        if (any_work(s)) {
            s->idle = w->idle_next;   /* still on top: mu was held since */
            atomic_fetch_sub(&s->nidle, 1);
            pthread_mutex_unlock(&s->mu);
            continue;
        }
        if (quiescent(s, atomic_load(&s->nidle)))
            rt_deadlock_check(atomic_load(&s->live));
        pthread_mutex_unlock(&s->mu);
        enum wake why;
        while ((why = atomic_load(&w->wake)) == WAKE_NONE)
            rt_futex_wait(&w->wake, WAKE_NONE);
        if (why == WAKE_STOP)
            break;
        searching = 1;
    }
    rt_signal_thread_stop();
    current_worker = NULL;
    return NULL;
}

/* The default worker count: QUARTZ_WORKERS when it is a positive number (like Go's
 * GOMAXPROCS; anything else is ignored), else one per online CPU. */
static int default_worker_count(void)
{
    const char *env = getenv("QUARTZ_WORKERS");
    if (env != NULL) {
        char *end;
        long n = strtol(env, &end, 10);
        if (end != env && *end == '\0' && n > 0)
            return n > 1024 ? 1024 : (int)n;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus > 0 ? (int)cpus : 1;
}

/* Under life_mu. */
static struct rt_sched *start(int nworkers)
{
    if (nworkers <= 0)
        nworkers = default_worker_count();
    if (nworkers > 1024)
        nworkers = 1024;
    struct rt_sched *s = rt_sched_alloc(sizeof *s);
    s->nworkers = nworkers;
    s->workers = rt_sched_alloc((size_t)(nworkers + 1) * sizeof *s->workers);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->done_cv, NULL);
    for (int i = 0; i <= nworkers; i++) {
        struct rt_worker *w = &s->workers[i];
        w->s = s;
    }
    for (int i = 0; i < nworkers; i++)
        if (pthread_create(&s->workers[i].thread, NULL, worker_main, &s->workers[i]) != 0)
            rt_panic_cstr("cannot start a scheduler worker thread");
    sysmon_start(s);
    atomic_store(&sched, s);
    return s;
}

void qz_sched_init(qz_val workers)
{
    pthread_mutex_lock(&life_mu);
    if (atomic_load(&sched) == NULL) {
        default_workers = workers < 0 ? 0 : (int)(workers > 1024 ? 1024 : workers);
        start(default_workers);
    }
    pthread_mutex_unlock(&life_mu);
}

void rt_sched_spawn(struct rt_task *t)
{
    struct rt_worker *w = current_worker;
    if (w != NULL) {
        atomic_fetch_add(&w->s->live, 1);
        push_local(w, t);
        return;
    }
    pthread_mutex_lock(&life_mu);
    struct rt_sched *s = atomic_load(&sched);
    if (s == NULL)
        s = start(default_workers);
    atomic_fetch_add(&s->live, 1);
    if (on_main_thread())
        push_local(main_worker(s), t);   /* main's queue: workers steal it in batches */
    else
        push_global(s, t);
    pthread_mutex_unlock(&life_mu);
}

/* The service threads' stops (rt_sched_at_shutdown), newest first. */
enum { MAX_SHUTDOWN_HOOKS = 8 };
static pthread_mutex_t hooks_mu = PTHREAD_MUTEX_INITIALIZER;   /* a leaf */
static void (*shutdown_hooks[MAX_SHUTDOWN_HOOKS])(void);
static int nhooks;

void rt_sched_at_shutdown(void (*stop)(void))
{
    pthread_mutex_lock(&hooks_mu);
    if (nhooks == MAX_SHUTDOWN_HOOKS)
        rt_panic_cstr("too many scheduler services");
    shutdown_hooks[nhooks++] = stop;
    pthread_mutex_unlock(&hooks_mu);
}

static void run_shutdown_hooks(void)
{
    pthread_mutex_lock(&hooks_mu);
    int n = nhooks;
    nhooks = 0;
    pthread_mutex_unlock(&hooks_mu);
    while (n > 0)
        shutdown_hooks[--n]();
}

void qz_sched_shutdown(void)
{
    if (current_worker != NULL)
        rt_panic_cstr("sched_shutdown called from a task");
    pthread_mutex_lock(&life_mu);
    struct rt_sched *s = atomic_load(&sched);
    if (s == NULL) {
        pthread_mutex_unlock(&life_mu);
        return;
    }
    struct rt_task *deferred = atomic_exchange(&main_worker(s)->next, NULL);
    if (deferred != NULL)
        push_global(s, deferred);
    pthread_mutex_lock(&s->mu);
    if (atomic_load(&s->live) > 0) {
        rt_deadlock_main_in_shutdown(1);
        if (quiescent(s, atomic_load(&s->nidle)))
            rt_deadlock_check(atomic_load(&s->live));
        while (atomic_load(&s->live) > 0)
            pthread_cond_wait(&s->done_cv, &s->mu);
        rt_deadlock_main_in_shutdown(0);
    }
    s->stopping = 1;
    struct rt_worker *idle = s->idle;
    s->idle = NULL;
    atomic_store(&s->nidle, 0);
    pthread_mutex_unlock(&s->mu);
    while (idle != NULL) {
        struct rt_worker *next = idle->idle_next;
        wake_worker(idle, WAKE_STOP);
        idle = next;
    }
    for (int i = 0; i < s->nworkers; i++)
        pthread_join(s->workers[i].thread, NULL);
    sysmon_stop(s);
    run_shutdown_hooks();
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->done_cv);
    rt_sched_free(s->workers);
    s->workers = NULL;
    atomic_store(&sched, NULL);
    rt_sched_free(s);
    pthread_mutex_unlock(&life_mu);
}

/* ---- main: runs tasks while it waits ----
 *
 * Main is a thread of its own, not a task, so every hand-off between main and a task
 * would cost a futex wake and sleep on each side. Instead main has a worker slot
 * without a thread (the last of workers): a task main wakes goes to that slot's next
 * (deferred: no other worker is woken for it), and when main has to wait it runs
 * tasks on its own thread - its next, its queue, the global queue, stolen ones -
 * until its wait is claimed or nothing is runnable; only then it sleeps. So
 * "main sends, then receives the reply" runs the receiver on main's thread with no
 * system call, as the next slot does between tasks on a worker.
 *
 * A deferred task must not wait for main's next wait: plain code between two waits
 * may run for long. Sysmon (below) hands it on.
 *
 * Main's queue and next are seen by thieves and any_work like a worker's; sysmon
 * takes main's next only by exchange, so exactly one of main and sysmon gets it.
 */

/* The process's first thread (its thread id is the process id on Linux). */
static int on_main_thread(void)
{
    if (thread_kind == 0)
        thread_kind = gettid() == getpid() ? 1 : 2;
    return thread_kind == 1;
}

/* ---- sysmon: the tasks nobody was woken for ----
 *
 * Waking another worker for every task queued would spread tasks that share a
 * channel over two cores (push_next), so most pushes wake nobody. The sysmon thread
 * (Go's sysmon), one per scheduler, makes sure no task waits long for it: every
 * SYSMON_TICK_NS it looks at
 *   - main's next: a task main deferred before the last look and still there while
 *     main is not helping goes to the global queue, which wakes a worker;
 *   - every queue: one that is not empty and from which nothing was taken since the
 *     last look (its worker runs one task for long) wakes an idle worker to steal.
 * So a task waits at most about two ticks while a worker is idle. After
 * SYSMON_IDLE_TICKS looks with main's next and every queue empty it sleeps without
 * a timeout; a deferral or a queue_local wakes it (sysmon_notice).
 */
enum { SYSMON_IDLE_TICKS = 100 };
static const int64_t SYSMON_TICK_NS = 1000 * 1000;

/* Moves main's deferred task t to the global queue, unless main took it first. Under
 * mu, as push_global, but with the exchange inside: the deadlock check (quiescent,
 * under mu) then sees t in main's next or in the global queue, never between them. */
static void hand_on_deferred(struct rt_sched *s, struct rt_worker *mw, struct rt_task *t)
{
    struct rt_worker *w = NULL;
    pthread_mutex_lock(&s->mu);
    if (atomic_compare_exchange_strong(&mw->next, &t, NULL)) {
        list_push(&s->ghead, &s->gtail, t);
        atomic_fetch_add(&s->gn, 1);
        w = take_idle_locked(s);
    }
    pthread_mutex_unlock(&s->mu);
    wake_worker(w, WAKE_SEARCH);
}

/* Wakes an idle worker when a queue made no progress since the last look. */
static void wake_for_stalled_queues(struct rt_sched *s)
{
    int stalled = 0;
    for (int i = 0; i <= s->nworkers; i++) {
        struct rt_worker *w = &s->workers[i];
        unsigned long taken = atomic_load_explicit(&w->taken, memory_order_relaxed);
        if (atomic_load(&w->n) > 0 && taken == w->taken_seen)
            stalled = 1;
        w->taken_seen = taken;
    }
    if (stalled)
        wake_idle(s);
}

static void *sysmon_main(void *arg)
{
    struct rt_sched *s = arg;
    struct rt_worker *mw = main_worker(s);
    long seen = -1;
    int idle = 0;
    pthread_mutex_lock(&s->sysmon_mu);
    while (!s->sysmon_quit) {
        if (idle >= SYSMON_IDLE_TICKS) {
            /* A pusher stores, then reads asleep; sysmon stores asleep, then reads the
             * queues (all sequentially consistent): no push is missed. */
            atomic_store(&s->sysmon_asleep, 1);
            if (!any_work(s))
                pthread_cond_wait(&s->sysmon_cv, &s->sysmon_mu);
            atomic_store(&s->sysmon_asleep, 0);
            idle = 0;
            continue;
        }
        int64_t deadline = qz_time_now_ns() + SYSMON_TICK_NS;
        struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
        pthread_cond_timedwait(&s->sysmon_cv, &s->sysmon_mu, &ts);
        idle = any_work(s) ? 0 : idle + 1;
        long deferrals = atomic_load(&s->main_deferrals);
        struct rt_task *t = atomic_load(&mw->next);
        pthread_mutex_unlock(&s->sysmon_mu);
        if (t != NULL && !atomic_load(&s->main_helping) && deferrals == seen)
            hand_on_deferred(s, mw, t);
        wake_for_stalled_queues(s);
        pthread_mutex_lock(&s->sysmon_mu);
        seen = deferrals;
    }
    pthread_mutex_unlock(&s->sysmon_mu);
    return NULL;
}

static void sysmon_start(struct rt_sched *s)
{
    pthread_mutex_init(&s->sysmon_mu, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&s->sysmon_cv, &attr);
    pthread_condattr_destroy(&attr);
    if (pthread_create(&s->sysmon, NULL, sysmon_main, s) != 0)
        rt_panic_cstr("cannot start the scheduler's monitor thread");
}

static void sysmon_stop(struct rt_sched *s)
{
    pthread_mutex_lock(&s->sysmon_mu);
    s->sysmon_quit = 1;
    pthread_cond_signal(&s->sysmon_cv);
    pthread_mutex_unlock(&s->sysmon_mu);
    pthread_join(s->sysmon, NULL);
    pthread_cond_destroy(&s->sysmon_cv);
    pthread_mutex_destroy(&s->sysmon_mu);
}

/* After a push that woke nobody. */
static void sysmon_wake(struct rt_sched *s)
{
    if (atomic_load(&s->sysmon_asleep)) {
        pthread_mutex_lock(&s->sysmon_mu);
        pthread_cond_signal(&s->sysmon_cv);
        pthread_mutex_unlock(&s->sysmon_mu);
    }
}

/* Main (not helping) woke t: it runs at main's next wait, or sysmon hands it on. */
static void main_defers(struct rt_sched *s, struct rt_task *t)
{
    push_next(main_worker(s), t);
    atomic_store_explicit(&s->main_deferrals, atomic_load_explicit(&s->main_deferrals, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    sysmon_wake(s);
}

void rt_sched_main_helps(struct rt_wait *w, int64_t deadline)
{
    struct rt_sched *s = atomic_load(&sched);
    if (s == NULL || !on_main_thread())
        return;
    struct rt_worker *mw = main_worker(s);
    unsigned seed = 2654435761u;
    current_worker = mw;
    atomic_store(&s->main_helping, 1);
    while (!(atomic_load(&w->phase) & RT_WAIT_CLAIMED)) {
        if (deadline >= 0 && qz_time_now_ns() >= deadline)
            break;
        struct rt_task *t = find_task(s, mw, &seed);
        if (t == NULL)
            break;
        rt_task_run(t);
    }
    atomic_store(&s->main_helping, 0);
    current_worker = NULL;
}
