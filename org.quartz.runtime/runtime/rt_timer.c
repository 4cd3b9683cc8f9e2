/*
 * rt_timer.c - timers for tasks: sleep, timeout arms, recv_timeout.
 *
 * One timer thread per scheduler (started by the first timer, stopped with the
 * scheduler through rt_sched_at_shutdown) owns a binary
 * min-heap of struct rt_timer, ordered by deadline (CLOCK_MONOTONIC ns). It
 * sleeps on a condition variable until the earliest deadline or until a new
 * earliest timer arrives. An expired timer is removed and tries to claim its
 * waiter (rt_wait_claim); if it wins it records its arm as the outcome and the
 * task is woken after the lock is dropped. If it loses, the operation already
 * completed another way and the timer is simply dropped.
 *
 * Invariants
 *   - A timer is in the heap iff index >= 0; index, the heap and stop are owned
 *     by mu. rt_timer_add is called with the waiter's channel locks held (so it
 *     is registered before any completion can happen); mu nests inside them.
 *   - The owner cancels its timer (rt_timer_cancel) after its wake-up and before
 *     it reuses the rt_wait, so the heap never holds a timer of a later op.
 *   - The heap array is scheduler memory (rt_sched_alloc); rt_timers_stop frees
 *     it. Synchronous code never comes here (it waits with a deadline itself).
 */
#include "rt_internal.h"

#include <time.h>

struct rt_timers {
    pthread_mutex_t mu;
    pthread_cond_t cv;              /* CLOCK_MONOTONIC */
    struct rt_timer **heap;         /* owner: mu */
    int64_t n, cap;
    int stop;
    pthread_t thread;
};

static struct rt_timers *_Atomic timers;   /* set under start_mu; cleared at the scheduler's shutdown */
static pthread_mutex_t start_mu = PTHREAD_MUTEX_INITIALIZER;

int64_t rt_deadline_after(int64_t ms)
{
    int64_t now = qz_time_now_ns();
    if (ms <= 0)
        return now;
    if (ms > (INT64_MAX - now) / 1000000)
        return INT64_MAX;
    return now + ms * 1000000;
}

static struct rt_timers *start(void);

static void set_at(struct rt_timers *h, int64_t i, struct rt_timer *t)
{
    h->heap[i] = t;
    t->index = i;
}

static void sift_up(struct rt_timers *h, int64_t i)
{
    struct rt_timer *t = h->heap[i];
    while (i > 0) {
        int64_t p = (i - 1) / 2;
        if (h->heap[p]->deadline <= t->deadline)
            break;
        set_at(h, i, h->heap[p]);
        i = p;
    }
    set_at(h, i, t);
}

static void sift_down(struct rt_timers *h, int64_t i)
{
    struct rt_timer *t = h->heap[i];
    for (;;) {
        int64_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && h->heap[c + 1]->deadline < h->heap[c]->deadline)
            c++;
        if (t->deadline <= h->heap[c]->deadline)
            break;
        set_at(h, i, h->heap[c]);
        i = c;
    }
    set_at(h, i, t);
}

static void remove_at(struct rt_timers *h, int64_t i)
{
    struct rt_timer *t = h->heap[i];
    h->n--;
    if (i != h->n) {
        set_at(h, i, h->heap[h->n]);
        sift_down(h, i);
        sift_up(h, h->heap[i]->index);
    }
    h->heap[h->n] = NULL;
    t->index = -1;
}

void rt_timer_add(struct rt_timer *t)
{
    struct rt_timers *h = atomic_load(&timers);
    if (h == NULL)
        h = start();
    pthread_mutex_lock(&h->mu);
    if (h->n == h->cap) {
        int64_t cap = h->cap ? h->cap * 2 : 64;
        struct rt_timer **heap = rt_sched_alloc((size_t)cap * sizeof *heap);
        for (int64_t i = 0; i < h->n; i++)
            heap[i] = h->heap[i];
        rt_sched_free(h->heap);
        h->heap = heap;
        h->cap = cap;
    }
    h->heap[h->n] = t;
    t->index = h->n++;
    sift_up(h, t->index);
    if (t->index == 0)
        pthread_cond_signal(&h->cv);   /* a new earliest deadline */
    pthread_mutex_unlock(&h->mu);
}

void rt_timer_cancel(struct rt_timer *t)
{
    struct rt_timers *h = atomic_load(&timers);
    if (h == NULL)
        return;
    pthread_mutex_lock(&h->mu);
    if (t->index >= 0)
        remove_at(h, t->index);
    pthread_mutex_unlock(&h->mu);
}

static void *timer_main(void *arg)
{
    struct rt_timers *h = arg;
    rt_signal_thread_start();
    pthread_mutex_lock(&h->mu);
    while (!h->stop) {
        if (h->n == 0) {
            pthread_cond_wait(&h->cv, &h->mu);
            continue;
        }
        int64_t now = qz_time_now_ns();
        int64_t first = h->heap[0]->deadline;
        if (first > now) {
            struct timespec ts = { (time_t)(first / 1000000000), (long)(first % 1000000000) };
            pthread_cond_timedwait(&h->cv, &h->mu, &ts);
            continue;
        }
        struct rt_wait *wake = NULL;
        while (h->n > 0 && h->heap[0]->deadline <= now) {
            struct rt_timer *t = h->heap[0];
            remove_at(h, 0);
            struct rt_wait *w = t->wait;
            if (rt_wait_claim(w)) {
                w->arm = t->arm;
                w->ok = 0;
                w->value = 0;
                w->wake_next = wake;
                wake = w;
            }
        }
        pthread_mutex_unlock(&h->mu);
        rt_wake_all(wake);
        pthread_mutex_lock(&h->mu);
    }
    pthread_mutex_unlock(&h->mu);
    rt_signal_thread_stop();
    return NULL;
}

static void stop(void);

/* Only a task adds timers, so the scheduler is running and outlives this call. */
static struct rt_timers *start(void)
{
    pthread_mutex_lock(&start_mu);
    struct rt_timers *h = atomic_load(&timers);
    if (h != NULL) {
        pthread_mutex_unlock(&start_mu);
        return h;
    }
    h = rt_sched_alloc(sizeof *h);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&h->cv, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&h->mu, NULL);
    if (pthread_create(&h->thread, NULL, timer_main, h) != 0)
        rt_panic_cstr("cannot start the timer thread");
    rt_sched_at_shutdown(stop);
    atomic_store(&timers, h);
    pthread_mutex_unlock(&start_mu);
    return h;
}

static void stop(void)
{
    struct rt_timers *h = atomic_load(&timers);
    if (h == NULL)
        return;
    pthread_mutex_lock(&h->mu);
    h->stop = 1;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->thread, NULL);
    atomic_store(&timers, NULL);
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
    rt_sched_free(h->heap);
    h->heap = NULL;
    rt_sched_free(h);
}
