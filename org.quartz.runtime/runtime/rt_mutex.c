/*
 * rt_mutex.c - the async mutex (mutex_*) and atomics (atomic_*).
 *
 * A mutex is a flag and a queue of waiters under one lock (a leaf), with Go's
 * sync.Mutex policy: throughput first, bounded unfairness.
 *   - Lock takes a free mutex at once, even while others wait (barging: the
 *     unlocker's task usually runs on, so handing over to a parked waiter would
 *     make every lock a park and a wake-up - a lock convoy).
 *   - Unlock with waiters wakes the first one to compete for the mutex, which it
 *     frees; a waiter that loses goes back to the head of the queue. Once the
 *     first waiter has waited STARVING_NS, unlock hands the mutex straight to it
 *     instead (it stays locked), so no waiter waits much longer than that plus
 *     the critical sections queued ahead of it.
 *   - Waiters are woken in arrival order. A waiter claimed by a cancellation is
 *     skipped (rt_wq_claim drops it) and never gets the lock.
 * A task waiting for the lock is parked, not its worker; synchronous code blocks
 * its thread. A waiter's node records when it started waiting (elem).
 *
 * The protected value is read and written with relaxed atomics: mutex_get and
 * mutex_set are meant for the holder (the lock orders them); without the lock a
 * read is unsynchronised but not a data race.
 */
#include "rt_internal.h"

struct rt_mutex {
    struct rt_lock lock;
    int locked;                 /* owner: lock */
    struct rt_wq waiters;       /* owner: lock */
    _Atomic qz_val value;
};

static struct rt_mutex *mutex_of(qz_val m)
{
    struct rt_mutex *mutex = rt_ptr(m);
    if (mutex == NULL)
        rt_panic_cstr("mutex is nil");
    return mutex;
}

qz_val qz_mutex_new(qz_val v)
{
    struct rt_mutex *m = rt_alloc(sizeof *m);
    atomic_init(&m->value, v);
    return rt_val(m);
}

qz_val qz_mutex_try_lock(qz_val mutex)
{
    struct rt_mutex *m = mutex_of(mutex);
    rt_lock(&m->lock);
    int got = !m->locked;
    m->locked = 1;
    rt_unlock(&m->lock);
    return got;
}

static const int64_t STARVING_NS = 1000 * 1000;

static struct rt_mutex *mutex_of_lock(struct rt_lock *l)
{
    return (struct rt_mutex *)((char *)l - offsetof(struct rt_mutex, lock));
}

/* Under m->lock, the mutex taken: queues n, a newcomer at the tail (it starts
 * waiting now), a woken waiter that lost at the head (it keeps its start). */
static void queue_waiter(struct rt_mutex *m, struct rt_wnode *n, int retry)
{
    if (retry) {
        rt_wq_push_front(&m->waiters, n);
    } else {
        n->elem = qz_time_now_ns();
        rt_wq_push(&m->waiters, n);
    }
}

/* Takes the mutex (1) or parks t in its queue (0). */
static int task_lock_or_park(struct rt_task *t, struct rt_mutex *m, struct rt_queue_park *p, int retry)
{
    qz_val since = p->node.elem;
    rt_lock(&m->lock);
    if (!m->locked) {
        m->locked = 1;
        rt_unlock(&m->lock);
        return 1;
    }
    rt_queue_park_push(p, &m->waiters, &m->lock);
    rt_wq_unlink(&p->node);
    p->node.elem = since;
    queue_waiter(m, &p->node, retry);
    rt_unlock(&m->lock);
    rt_task_parked(t);
    return 0;
}

/* Woken: with the mutex (handed over), to compete for it, or cancelled. */
static int lock_finish(struct rt_task *t, struct rt_park *park)
{
    struct rt_queue_park *p = (struct rt_queue_park *)park;
    rt_queue_park_unlink(p);
    t->io = 0;
    if (park->wait.cancelled || park->wait.ok)
        return 1;
    return task_lock_or_park(t, mutex_of_lock(p->lock), p, 1);
}

static const struct rt_park_kind lock_kind = { lock_finish, 0 };

qz_val qz_mutex_lock_begin(qz_val task, qz_val mutex)
{
    struct rt_task *t = rt_task_of(task);
    struct rt_mutex *m = mutex_of(mutex);
    if (rt_task_precheck(t))
        return 0;
    struct rt_queue_park *p = rt_park_prepare(t, &lock_kind, sizeof *p);
    if (task_lock_or_park(t, m, p, 0))
        return rt_task_complete(t);
    return 0;
}

void qz_mutex_lock_sync(qz_val mutex)
{
    struct rt_mutex *m = mutex_of(mutex);
    struct rt_sync_wait w;
    struct rt_wnode node = { 0 };
    for (int retry = 0;; retry = 1) {
        rt_lock(&m->lock);
        if (!m->locked) {
            m->locked = 1;
            rt_unlock(&m->lock);
            return;
        }
        rt_wait_init_sync(&w);
        node.wait = &w.w;
        queue_waiter(m, &node, retry);
        rt_unlock(&m->lock);
        rt_sync_park(&w, -1);
        if (w.w.ok)
            return;   /* handed over */
    }
}

void qz_mutex_unlock(qz_val mutex)
{
    struct rt_mutex *m = mutex_of(mutex);
    struct rt_wait *wake = NULL;
    rt_lock(&m->lock);
    if (!m->locked) {
        rt_unlock(&m->lock);
        rt_panic_cstr("mutex_unlock of a mutex that is not locked");
    }
    struct rt_wnode *n = rt_wq_claim(&m->waiters);
    int hand_over = n != NULL && qz_time_now_ns() - n->elem >= STARVING_NS;
    if (n != NULL)
        rt_wait_deliver(n, 0, hand_over, &wake);
    if (!hand_over)
        m->locked = 0;
    rt_unlock(&m->lock);
    rt_wake_all(wake);
}

qz_val qz_mutex_get(qz_val mutex)
{
    return atomic_load_explicit(&mutex_of(mutex)->value, memory_order_relaxed);
}

void qz_mutex_set(qz_val mutex, qz_val v)
{
    atomic_store_explicit(&mutex_of(mutex)->value, v, memory_order_relaxed);
}

/* ---- atomics: one sequentially consistent word ---- */

static _Atomic qz_val *atomic_of(qz_val a)
{
    if (a == 0)
        rt_panic_cstr("atomic is nil");
    return rt_ptr(a);
}

qz_val qz_atomic_new(qz_val v)
{
    _Atomic qz_val *a = rt_alloc(sizeof *a);
    atomic_init(a, v);
    return rt_val(a);
}

qz_val qz_atomic_load(qz_val a)
{
    return atomic_load(atomic_of(a));
}

void qz_atomic_store(qz_val a, qz_val v)
{
    atomic_store(atomic_of(a), v);
}

qz_val qz_atomic_add(qz_val a, qz_val delta)
{
    return atomic_fetch_add(atomic_of(a), delta);
}

qz_val qz_atomic_cas(qz_val a, qz_val expected, qz_val desired)
{
    return atomic_compare_exchange_strong(atomic_of(a), &expected, desired);
}
