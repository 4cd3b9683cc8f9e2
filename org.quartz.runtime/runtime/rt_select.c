/*
 * rt_select.c - select, and the engine every channel operation runs on.
 *
 * An operation is a list of arms (recv, send, timeout, default). One round
 * (rt_arms_try), like Go's selectgo:
 *   1. lock every distinct channel of the arms in ascending address order;
 *   2. poll the channel arms in a fresh random order; the first that can proceed
 *      is performed (a recv on a closed, drained channel and a send on a closed
 *      channel count as ready) - random order means no ready arm starves;
 *   3. nothing ready: the default arm if there is one; otherwise (when the caller
 *      may park) register one node per channel arm in the channels' wait queues
 *      and, for a task, put its timeout in the timer heap - all before unlocking,
 *      so no completion can slip between the check and the registration;
 *   4. unlock in reverse order, then deliver the wake-ups collected in step 2.
 * A parked operation is completed by whoever claims its rt_wait first (a peer,
 * close, the timer; rt_wait.c); the owner then unlinks its other nodes and
 * cancels its timer (rt_arms_cleanup) before it looks at the result.
 *
 * Synchronous code parks its thread (rt_arms_sync: condition variable, with the
 * deadline of the timeout arm, no timer heap, no scheduler). Tasks park through
 * rt_task.c and are resumed by the scheduler.
 *
 * The select descriptor (qz_select_new) is a program value: the arms, filled in
 * source order, and the value of the chosen recv arm.
 */
#include "rt_internal.h"

#include <time.h>

enum { SMALL = 16 };   /* arms handled with stack scratch; more allocate */

static _Thread_local uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    if (x == 0)
        x = (uint64_t)qz_time_now_ns() ^ (uint64_t)(uintptr_t)&rng_state ^ 0x9e3779b97f4a7c15u;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    rng_state = x;
    return x;
}

int64_t rt_deadline_after(int64_t ms)
{
    int64_t now = qz_time_now_ns();
    if (ms <= 0)
        return now;
    if (ms > (INT64_MAX - now) / 1000000)
        return INT64_MAX;
    return now + ms * 1000000;
}

static void lock_all(struct rt_chan **locks, int n)
{
    for (int i = 0; i < n; i++)
        pthread_mutex_lock(&locks[i]->mu);
}

static void unlock_all(struct rt_chan **locks, int n)
{
    for (int i = n - 1; i >= 0; i--)
        pthread_mutex_unlock(&locks[i]->mu);
}

/* Sorts by address and drops duplicates; returns the new count. */
static int sort_dedupe(struct rt_chan **a, int n)
{
    for (int i = 1; i < n; i++) {
        struct rt_chan *x = a[i];
        int j = i - 1;
        while (j >= 0 && (uintptr_t)a[j] > (uintptr_t)x) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = x;
    }
    int m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || a[m - 1] != a[i])
            a[m++] = a[i];
    return m;
}

int rt_arms_try(struct rt_arm *arms, int n, struct rt_wait *w, int may_park)
{
    if (n <= 0)
        rt_panic_cstr("select with no arms");
    struct rt_chan *locks_small[SMALL];
    int order_small[SMALL];
    struct rt_chan **locks = n <= SMALL ? locks_small : rt_alloc((size_t)n * sizeof *locks);
    int *order = n <= SMALL ? order_small : rt_alloc_bytes((size_t)n * sizeof *order);
    int nlocks = 0, nchan = 0, dflt = -1, tmo = -1;

    for (int i = 0; i < n; i++) {
        switch (arms[i].kind) {
        case RT_ARM_RECV:
        case RT_ARM_SEND:
            locks[nlocks++] = arms[i].ch;
            /* Fisher-Yates, inside-out: a uniformly random poll order. */
            int j = (int)(rng_next() % (uint64_t)(nchan + 1));
            order[nchan] = order[j];
            order[j] = i;
            nchan++;
            break;
        case RT_ARM_TIMEOUT:
            if (tmo < 0 || arms[i].ms < arms[tmo].ms)
                tmo = i;
            break;
        default:
            dflt = i;
            break;
        }
    }
    if (tmo >= 0) {
        w->has_timer = 1;
        w->timer.deadline = rt_deadline_after(arms[tmo].ms);
        w->timer.arm = tmo;
        w->timer.wait = w;
    }
    nlocks = sort_dedupe(locks, nlocks);

    struct rt_wait *wake = NULL;
    int chosen = -2;
    lock_all(locks, nlocks);
    for (int k = 0; k < nchan && chosen < 0; k++) {
        struct rt_arm *a = &arms[order[k]];
        int ready = a->kind == RT_ARM_RECV
            ? rt_chan_poll_recv(a->ch, &w->value, &w->ok, &wake)
            : rt_chan_poll_send(a->ch, a->v, &w->ok, &wake);
        if (ready) {
            chosen = order[k];
            if (a->kind == RT_ARM_SEND)
                w->value = 0;
        }
    }
    if (chosen < 0 && dflt >= 0) {
        chosen = dflt;
        w->value = 0;
        w->ok = 0;
    } else if (chosen < 0 && may_park) {
        for (int i = 0; i < n; i++) {
            struct rt_arm *a = &arms[i];
            if (a->kind != RT_ARM_RECV && a->kind != RT_ARM_SEND)
                continue;
            a->node.wait = w;
            a->node.arm = i;
            a->node.elem = a->v;
            rt_wq_push(a->kind == RT_ARM_RECV ? &a->ch->recvq : &a->ch->sendq, &a->node);
        }
        if (tmo >= 0 && w->task != NULL)
            rt_timer_add(&w->timer);
        chosen = -1;
    }
    if (chosen >= 0)
        w->arm = chosen;
    unlock_all(locks, nlocks);
    rt_wake_all(wake);
    if (n > SMALL) {
        rt_free(locks);
        rt_free(order);
    }
    return chosen;
}

/*
 * After the wake-up (claimed): removes the owner's remaining registrations.
 * A one-arm operation without a timer was claimed through its only node, which
 * the claimer unlinked, so there is nothing to do - unless a cancellation
 * claimed it, which unlinks nothing.
 */
void rt_arms_cleanup(struct rt_arm *arms, int n, struct rt_wait *w)
{
    if (w->has_timer && w->task != NULL)
        rt_timer_cancel(&w->timer);
    int nchan = 0;
    for (int i = 0; i < n; i++)
        nchan += arms[i].kind == RT_ARM_RECV || arms[i].kind == RT_ARM_SEND;
    if (nchan == 1 && !w->has_timer && !w->cancelled)
        return;
    for (int i = 0; i < n; i++) {
        struct rt_arm *a = &arms[i];
        if (a->kind != RT_ARM_RECV && a->kind != RT_ARM_SEND)
            continue;
        pthread_mutex_lock(&a->ch->mu);
        rt_wq_unlink(&a->node);
        pthread_mutex_unlock(&a->ch->mu);
    }
}

int rt_arms_sync(struct rt_arm *arms, int n, struct rt_sync_wait *s)
{
    struct rt_wait *w = &s->w;
    rt_wait_init_sync(s);
    int chosen = rt_arms_try(arms, n, w, 1);
    if (chosen == -1) {
        if (!rt_sync_park(s, w->has_timer ? w->timer.deadline : -1)) {
            w->arm = w->timer.arm;   /* timed out: we claimed ourselves */
            w->value = 0;
            w->ok = 0;
        }
        rt_arms_cleanup(arms, n, w);
        chosen = w->arm;
    }
    rt_wait_destroy_sync(s);
    return chosen;
}

/* ---- the select descriptor ---- */

static struct rt_select *sel_of(qz_val sel)
{
    struct rt_select *s = rt_ptr(sel);
    if (s == NULL)
        rt_panic_cstr("select is nil");
    return s;
}

qz_val qz_select_new(qz_val arm_count)
{
    if (arm_count <= 0 || arm_count > 1 << 20)
        rt_panic_cstr("select needs between 1 and 2^20 arms");
    struct rt_select *s = rt_alloc(sizeof *s + (size_t)arm_count * sizeof(struct rt_arm));
    s->cap = arm_count;
    return rt_val(s);
}

static struct rt_arm *add_arm(qz_val sel, int kind)
{
    struct rt_select *s = sel_of(sel);
    if (s->n >= s->cap)
        rt_panic_cstr("select: more arms than declared");
    struct rt_arm *a = &s->arms[s->n++];
    a->kind = kind;
    return a;
}

static struct rt_chan *chan_arg(qz_val ch)
{
    if (ch == 0)
        rt_panic_cstr("channel is nil");
    return rt_ptr(ch);
}

void qz_select_recv(qz_val sel, qz_val ch)
{
    add_arm(sel, RT_ARM_RECV)->ch = chan_arg(ch);
}

void qz_select_send(qz_val sel, qz_val ch, qz_val v)
{
    struct rt_arm *a = add_arm(sel, RT_ARM_SEND);
    a->ch = chan_arg(ch);
    a->v = v;
}

void qz_select_timeout(qz_val sel, qz_val ms)
{
    add_arm(sel, RT_ARM_TIMEOUT)->ms = ms;
}

void qz_select_default(qz_val sel)
{
    add_arm(sel, RT_ARM_DEFAULT);
}

qz_val qz_select_sync(qz_val sel)
{
    struct rt_select *s = sel_of(sel);
    struct rt_sync_wait w;
    int chosen = rt_arms_sync(s->arms, (int)s->n, &w);
    s->value = w.w.value;
    return chosen;
}

qz_val qz_select_begin(qz_val task, qz_val sel)
{
    struct rt_task *t = rt_ptr(task);
    if (t == NULL)
        rt_panic_cstr("task is nil");
    t->sel = sel_of(sel);
    return rt_task_op(t, RT_OP_SELECT);
}

qz_val qz_select_value(qz_val sel)
{
    return sel_of(sel)->value;
}
