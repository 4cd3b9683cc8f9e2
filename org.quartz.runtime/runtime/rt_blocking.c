/*
 * rt_blocking.c - the blocking pool: threads that make blocking system calls
 * (files, standard input: rt_file.c) for tasks, so that a task waiting for one
 * parks and its worker runs other tasks (like Go's and Tokio's blocking pools).
 * Synchronous code never comes here: it makes the call on its own thread.
 *
 * A task's operation (rt_blocking_begin) puts the call - a C function and two
 * Quartz values - in its park record (struct blocking_park), queues the record's
 * node in the pool's FIFO queue and parks. A pool thread claims the node's wait
 * (rt_wq_claim, under pool_mu), makes the call with no lock held, records the
 * result in the wait (rt_wait_deliver) and wakes the task with no lock held. The
 * park's finish moves the result into the task's io word.
 *
 * Threads. The first call starts the pool (and registers its stop with
 * rt_sched_at_shutdown, as the timer thread and the poller do); a call queued
 * when no thread is idle starts a thread, up to MAX_THREADS; past that, calls
 * wait in the queue for a thread to come free. Idle threads sleep on cv and live
 * until the scheduler's shutdown, which happens only once no task is alive, so
 * no call is queued or running then: stop sets stop, wakes and joins them.
 *
 * Cancellation. A call that a thread has claimed runs to its end and is
 * delivered (a blocking system call cannot be interrupted): the cancelled task
 * stops at its next wait. A call still in the queue is claimed by the
 * cancellation instead; the task's finish unlinks its node (under pool_mu), so
 * it never runs and no thread ever sees the record again, which the task then
 * reuses.
 *
 * Invariants and ownership
 *   - pool, and in it queue, idle, signalled, nthreads and stop, are owned by
 *     pool_mu. A node is linked in the queue only under pool_mu; a thread claims
 *     a node and unlinks it in one step under pool_mu (rt_wq_claim), so a record
 *     is in the queue, or owned by exactly one thread, or neither.
 *   - idle counts threads waiting on cv; signalled counts wake-ups sent to them
 *     and not yet taken. A call is queued only when an idle thread is signalled
 *     (idle > signalled), a thread is started, or all MAX_THREADS threads exist
 *     (each looks at the queue again before it sleeps), so no call is stranded.
 *   - The claimer of a wait owns its result fields until the wake-up.
 *   - A parked task's park kind is outside: it counts as waiting for something
 *     outside the tasks (rt_sched_outside_wait), so the deadlock check never
 *     takes it for asleep.
 *
 * What the collector sees. The park record is collected, scanned memory
 * (rt_park_prepare): its fields a and b hold the call's Quartz values (a path,
 * the text to write) and its wait holds the result once the call returned. The
 * record stays reachable throughout: while queued, from the pool (scheduler
 * memory: scanned, never collected) through the queue's nodes, which point into
 * records (interior pointers count); while a thread runs the call, from that
 * thread's stack (pool threads are started through gc.h's pthread_create, so
 * the collector scans them); and from the parked task (t->park), itself reached
 * from the record (wait.task) and, once woken, from a run queue. finish clears a
 * and b, so a record kept for reuse holds no old values.
 *
 * Lock order: pool_mu -> the scheduler's hook lock (the first call registers
 * stop). Otherwise pool_mu is a leaf: no wake-up, thread start or call happens
 * under it.
 */
#include "rt_internal.h"

#include <stddef.h>

enum { MAX_THREADS = RT_BLOCKING_MAX_THREADS };

struct rt_pool {
    pthread_cond_t cv;              /* idle threads wait here, under pool_mu */
    struct rt_wq queue;             /* calls waiting for a thread */
    int idle, signalled, nthreads, stop;
    pthread_t threads[MAX_THREADS]; /* [0, nthreads): joined by stop */
};

struct blocking_park {
    struct rt_park park;
    struct rt_wnode node;           /* in the queue until a thread or a cancellation claims it */
    rt_blocking_fn fn;
    qz_val a, b;                    /* the call's arguments; cleared by finish */
};

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rt_pool *pool;        /* owner: pool_mu; NULL until the first call, and after stop */

static struct blocking_park *park_of(struct rt_wnode *n)
{
    return (struct blocking_park *)((char *)n - offsetof(struct blocking_park, node));
}

static void *pool_main(void *arg)
{
    struct rt_pool *p = arg;
    rt_signal_thread_start();
    pthread_mutex_lock(&pool_mu);
    for (;;) {
        struct rt_wnode *n = rt_wq_claim(&p->queue);
        if (n == NULL) {
            if (p->stop)
                break;
            p->idle++;
            pthread_cond_wait(&p->cv, &pool_mu);
            p->idle--;
            if (p->signalled > 0)
                p->signalled--;
            continue;
        }
        pthread_mutex_unlock(&pool_mu);
        struct blocking_park *b = park_of(n);
        qz_val result = b->fn(b->a, b->b);
        struct rt_wait *wake = NULL;
        rt_wait_deliver(n, result, 1, &wake);
        rt_wake_all(wake);
        pthread_mutex_lock(&pool_mu);
    }
    pthread_mutex_unlock(&pool_mu);
    rt_signal_thread_stop();
    return NULL;
}

static void stop(void);

/* Under pool_mu. */
static struct rt_pool *start(void)
{
    struct rt_pool *p = rt_sched_alloc(sizeof *p);
    pthread_cond_init(&p->cv, NULL);
    rt_sched_at_shutdown(stop);
    pool = p;
    return p;
}

/* At the scheduler's shutdown: no task is alive, so the queue is empty and no call runs. */
static void stop(void)
{
    pthread_mutex_lock(&pool_mu);
    struct rt_pool *p = pool;
    pool = NULL;
    if (p != NULL) {
        p->stop = 1;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&pool_mu);
    if (p == NULL)
        return;
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    pthread_cond_destroy(&p->cv);
    rt_sched_free(p);
}

/* The cancellation claimed the call while it was queued: it never runs. */
static int blocking_finish(struct rt_task *t, struct rt_park *park)
{
    struct blocking_park *b = (struct blocking_park *)park;
    if (park->wait.cancelled) {
        pthread_mutex_lock(&pool_mu);
        rt_wq_unlink(&b->node);
        pthread_mutex_unlock(&pool_mu);
    }
    t->io = park->wait.value;
    b->a = b->b = 0;
    return 1;
}

/* Woken by a pool thread, not by a task: an outside wait (deadlock check). */
static const struct rt_park_kind blocking_kind = { blocking_finish, 1 };

qz_val rt_blocking_begin(struct rt_task *t, rt_blocking_fn fn, qz_val a, qz_val b)
{
    struct blocking_park *bp = rt_park_prepare(t, &blocking_kind, sizeof *bp);
    bp->fn = fn;
    bp->a = a;
    bp->b = b;
    rt_wait_reset(&bp->park.wait, t);
    bp->node.wait = &bp->park.wait;
    bp->node.arm = 0;
    bp->node.elem = 0;
    int new_thread = -1;
    pthread_mutex_lock(&pool_mu);
    struct rt_pool *p = pool != NULL ? pool : start();
    rt_wq_push(&p->queue, &bp->node);
    if (p->idle > p->signalled) {
        p->signalled++;
        pthread_cond_signal(&p->cv);
    } else if (p->nthreads < MAX_THREADS) {
        new_thread = p->nthreads++;
    }
    pthread_mutex_unlock(&pool_mu);
    /* Only stop reads threads[], and only once no task is alive. */
    if (new_thread >= 0 && pthread_create(&p->threads[new_thread], NULL, pool_main, p) != 0)
        rt_panic_cstr("cannot start a thread of the blocking pool");
    rt_task_parked(t);
    return 0;
}

int rt_blocking_threads(void)
{
    pthread_mutex_lock(&pool_mu);
    int n = pool != NULL ? pool->nthreads : 0;
    pthread_mutex_unlock(&pool_mu);
    return n;
}
