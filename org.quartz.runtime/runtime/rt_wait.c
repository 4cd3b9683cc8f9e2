/*
 * rt_wait.c - waiters, wait queues and the exactly-once wake-up.
 *
 * A waiter (struct rt_wait) is one blocking operation of one task or one
 * synchronous thread. It may be registered in several wait queues at once (a
 * select registers one rt_wnode per channel arm) and may have a timer. Whoever
 * wants to complete it (a channel peer, a closer, a finishing task, the timer)
 * must first set the CLAIMED bit of its phase by CAS (rt_wait_claim). The winner
 * alone writes arm/ok/value and wakes the waiter; losers leave it alone. So a
 * parked task is resumed exactly once and select's registrations cannot race.
 * A cancellation claims through rt_wait_claim_parked (rt_cancel.c).
 *
 * A task's wait lives in its park record (struct rt_park), which the wait source
 * that parks it owns; rt_park_prepare hands out the task's last record again when
 * it is large enough. Reuse is safe because a record's nodes are unlinked and its
 * timer cancelled (kind->finish) before the task runs again, and a canceller that
 * still holds an older record finds its wait claimed or not parked.
 *
 * Invariants
 *   - A node is linked (queue != NULL) only under the lock of its queue's holder
 *     (a channel, an awaited task, a mutex, a group, a descriptor); rt_wq_claim
 *     unlinks every node it looks at, claimed or stale.
 *   - The owner unlinks all its remaining nodes and cancels its timer (a park
 *     kind's finish) after the wake-up and before it reuses the rt_wait.
 *   - Wake-ups are collected into a list through wake_next while locks are held
 *     and delivered by rt_wake_all with no lock held. wake_next is read before
 *     the wake-up: after it the owner may reuse (or, for a synchronous waiter on
 *     a stack, discard) the rt_wait.
 *   - A synchronous waiter is signalled under its own mu, and it returns only
 *     after seeing woken under that mu, so the signaller never touches a dead
 *     waiter.
 */
#include "rt_internal.h"

#include <errno.h>
#include <time.h>

/* Every field but phase. */
static void wait_clear(struct rt_wait *w, struct rt_task *task)
{
    w->cancelled = 0;
    w->task = task;
    w->arm = -1;
    w->ok = 0;
    w->value = 0;
    w->wake_next = NULL;
    w->has_timer = 0;
    w->timer.deadline = 0;
    w->timer.index = -1;
    w->timer.wait = w;
    w->timer.arm = -1;
}

void rt_wait_reset(struct rt_wait *w, struct rt_task *task)
{
    long long gen = atomic_load(&w->phase) >> 2;
    atomic_store(&w->phase, (gen + 1) << 2);
    wait_clear(w, task);
}

/* Static initialisers, no calls: every operation of synchronous code that may wait
 * makes one of these, most of which never sleep. The deadline's clock is given at
 * the wait (pthread_cond_clockwait), so the condition variable needs no attribute. */
void rt_wait_init_sync(struct rt_sync_wait *s)
{
    s->mu = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    s->cv = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
    s->woken = 0;
    /* What a reset makes, without its barrier: no other thread sees this wait yet (a
     * sequentially consistent store here was a quarter of main's channel operations). */
    atomic_init(&s->w.phase, 1 << 2);
    wait_clear(&s->w, NULL);
}

int rt_wait_claim(struct rt_wait *w)
{
    long long v = atomic_load(&w->phase);
    while (!(v & RT_WAIT_CLAIMED))
        if (atomic_compare_exchange_weak(&w->phase, &v, v | RT_WAIT_CLAIMED))
            return 1;
    return 0;
}

void rt_wait_publish_parked(struct rt_wait *w)
{
    atomic_fetch_or(&w->phase, RT_WAIT_PARKED);
}

int rt_wait_claim_parked(struct rt_wait *w)
{
    long long v = atomic_load(&w->phase);
    return (v & (RT_WAIT_PARKED | RT_WAIT_CLAIMED)) == RT_WAIT_PARKED
        && atomic_compare_exchange_strong(&w->phase, &v, v | RT_WAIT_CLAIMED);
}

/* The claimer (n's wait already claimed) records the outcome and queues the wake-up. */
void rt_wait_deliver(struct rt_wnode *n, qz_val value, int ok, struct rt_wait **wake_list)
{
    struct rt_wait *w = n->wait;
    w->arm = n->arm;
    w->value = value;
    w->ok = ok;
    w->wake_next = *wake_list;
    *wake_list = w;
}

void rt_wake_one(struct rt_wait *w)
{
    if (w->task != NULL) {
        rt_task_wake(w->task);
        return;
    }
    struct rt_sync_wait *s = (struct rt_sync_wait *)w;   /* task == NULL: see rt_internal.h */
    pthread_mutex_lock(&s->mu);
    s->woken = 1;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

void rt_wake_all(struct rt_wait *list)
{
    while (list != NULL) {
        struct rt_wait *next = list->wake_next;
        rt_wake_one(list);
        list = next;
    }
}

/*
 * Blocks a synchronous waiter until it is woken, or until deadline (ns,
 * CLOCK_MONOTONIC; < 0 = none). On time-out it tries to claim itself: if that
 * wins it returns 0 (nobody else will touch the result); if a claimer won first,
 * it waits for that claimer's wake-up, which is imminent, and returns 1.
 */
int rt_sync_park(struct rt_sync_wait *s, int64_t deadline)
{
    /* Code running as a task waits through the task forms (qz_X_begin), which park the
     * task and free the worker; a blocking wait here would hold the worker (and with one
     * worker, hang the program), so it is a bug in whatever called it. */
    if (rt_sched_on_worker())
        rt_fatal("a blocking wait ran on a worker thread (a task must park instead)", 2);
    rt_sched_main_helps(&s->w, deadline);
    /* Main waiting forever for tasks that can never run is a deadlock. */
    int watched = deadline < 0 && !(atomic_load(&s->w.phase) & RT_WAIT_CLAIMED);
    if (watched)
        rt_deadlock_main_waits(&s->w);
    pthread_mutex_lock(&s->mu);
    while (!s->woken) {
        if (deadline < 0) {
            pthread_cond_wait(&s->cv, &s->mu);
            continue;
        }
        struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
        int r = pthread_cond_clockwait(&s->cv, &s->mu, CLOCK_MONOTONIC, &ts);
        if (r == ETIMEDOUT && !s->woken) {
            if (rt_wait_claim(&s->w)) {
                pthread_mutex_unlock(&s->mu);
                return 0;
            }
            deadline = -1;
        }
    }
    pthread_mutex_unlock(&s->mu);
    if (watched)
        rt_deadlock_main_woke();
    return 1;
}

void rt_wq_push(struct rt_wq *q, struct rt_wnode *n)
{
    n->queue = q;
    n->next = NULL;
    n->prev = q->tail;
    if (q->tail != NULL)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
}

void rt_wq_push_front(struct rt_wq *q, struct rt_wnode *n)
{
    n->queue = q;
    n->prev = NULL;
    n->next = q->head;
    if (q->head != NULL)
        q->head->prev = n;
    else
        q->tail = n;
    q->head = n;
}

void rt_wq_unlink(struct rt_wnode *n)
{
    struct rt_wq *q = n->queue;
    if (q == NULL)
        return;
    if (n->prev != NULL)
        n->prev->next = n->next;
    else
        q->head = n->next;
    if (n->next != NULL)
        n->next->prev = n->prev;
    else
        q->tail = n->prev;
    n->prev = n->next = NULL;
    n->queue = NULL;
}

/* The first node whose waiter this call claims, unlinked; nodes of waiters already
 * claimed elsewhere (a select that another arm or its timer won) are dropped. */
struct rt_wnode *rt_wq_claim(struct rt_wq *q)
{
    struct rt_wnode *n;
    while ((n = q->head) != NULL) {
        rt_wq_unlink(n);
        if (rt_wait_claim(n->wait))
            return n;
    }
    return NULL;
}

/* ---- park records ---- */

void *rt_park_prepare(struct rt_task *t, const struct rt_park_kind *kind, size_t size)
{
    struct rt_park *p = atomic_load_explicit(&t->park, memory_order_relaxed);
    if (p == NULL || p->size < size) {
        /* Grow monotonically, so a task that alternates operations settles on one record. */
        if (p != NULL && p->size > size)
            size = p->size;
        p = rt_alloc(size);
        p->size = size;
        atomic_init(&p->wait.phase, 0);
        atomic_store_explicit(&t->park, p, memory_order_release);
    }
    p->kind = kind;
    p->wait.task = t;
    return p;
}

void rt_queue_park_push(struct rt_queue_park *p, struct rt_wq *q, struct rt_lock *lock)
{
    rt_wait_reset(&p->park.wait, p->park.wait.task);
    p->node.wait = &p->park.wait;
    p->node.arm = 0;
    p->node.elem = 0;
    p->lock = lock;
    rt_wq_push(q, &p->node);
}

void rt_queue_park_unlink(struct rt_queue_park *p)
{
    struct rt_wait *w = &p->park.wait;
    /* A claim through the node unlinked it; a cancellation or the timer did not. */
    if (w->cancelled || (w->has_timer && w->arm == w->timer.arm)) {
        rt_lock(p->lock);
        rt_wq_unlink(&p->node);
        rt_unlock(p->lock);
    }
}
