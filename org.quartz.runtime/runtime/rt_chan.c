/*
 * rt_chan.c - channels.
 *
 * A channel is a ring buffer of cap words (cap 0: unbuffered, a rendezvous) plus
 * two wait queues: receivers waiting for a value and senders waiting for room (or,
 * unbuffered, for a receiver). Everything is guarded by the channel's mu.
 *
 * Invariants (under mu)
 *   - recvq holds live receivers only while the buffer is empty; sendq holds live
 *     senders only while the buffer is full (always, when unbuffered). Nodes of
 *     selects won elsewhere may linger in either; rt_wq_claim drops them.
 *   - A value goes either into the buffer or straight to a claimed receiver, never
 *     both: each value sent is received exactly once. The buffer is FIFO and a
 *     sender's value enters it (or a receiver) before its next send starts, so
 *     each sender's order is kept.
 *   - Once closed, no value enters; the buffer drains; receivers then get the zero
 *     value with ok = 0 and senders get false. close claims every waiter.
 *   - Wake-ups are collected while mu is held and delivered after unlocking.
 *
 * Lock order: several channel locks are only ever taken together by rt_select.c,
 * in ascending address order; the timer lock may be taken inside a channel lock.
 *
 * The operations themselves (send, recv, try_*, the task and sync forms) are
 * selects of one or two arms (rt_select.c); the wrappers are here.
 */
#include "rt_internal.h"

static struct rt_chan *chan(qz_val ch)
{
    struct rt_chan *c = rt_ptr(ch);
    if (c == NULL)
        rt_panic_cstr("channel is nil");
    return c;
}

qz_val qz_chan_new(qz_val cap)
{
    if (cap < 0)
        rt_panic_cstr("channel capacity must not be negative");
    struct rt_chan *c = rt_alloc(sizeof *c);
    pthread_mutex_init(&c->mu, NULL);
    c->cap = cap;
    c->buf = cap > 0 ? rt_alloc(rt_words(cap)) : NULL;
    return rt_val(c);
}

static void buf_push(struct rt_chan *c, qz_val v)
{
    c->buf[(c->head + c->len) % c->cap] = v;
    c->len++;
}

static qz_val buf_pop(struct rt_chan *c)
{
    qz_val v = c->buf[c->head];
    c->head = (c->head + 1) % c->cap;
    c->len--;
    return v;
}

/* Under c->mu: receives if a value (or the closed state) is there. */
int rt_chan_poll_recv(struct rt_chan *c, qz_val *value, int *ok, struct rt_wait **wake_list)
{
    struct rt_wnode *s;
    if (c->len > 0) {
        *value = buf_pop(c);
        *ok = 1;
        /* Room now: the first waiting sender's value moves into the buffer. */
        if ((s = rt_wq_claim(&c->sendq)) != NULL) {
            buf_push(c, s->elem);
            rt_wait_deliver(s, 0, 1, wake_list);
        }
        return 1;
    }
    if ((s = rt_wq_claim(&c->sendq)) != NULL) {   /* unbuffered: hand-over */
        *value = s->elem;
        *ok = 1;
        rt_wait_deliver(s, 0, 1, wake_list);
        return 1;
    }
    if (c->closed) {
        *value = 0;
        *ok = 0;
        return 1;
    }
    return 0;
}

/* Under c->mu: sends if there is a receiver, room, or the channel is closed. */
int rt_chan_poll_send(struct rt_chan *c, qz_val v, int *ok, struct rt_wait **wake_list)
{
    if (c->closed) {
        *ok = 0;
        return 1;
    }
    struct rt_wnode *r = rt_wq_claim(&c->recvq);
    if (r != NULL) {
        rt_wait_deliver(r, v, 1, wake_list);
        *ok = 1;
        return 1;
    }
    if (c->len < c->cap) {
        buf_push(c, v);
        *ok = 1;
        return 1;
    }
    return 0;
}

void qz_chan_close(qz_val ch)
{
    struct rt_chan *c = chan(ch);
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    pthread_mutex_lock(&c->mu);
    if (!c->closed) {
        c->closed = 1;
        while ((n = rt_wq_claim(&c->recvq)) != NULL)
            rt_wait_deliver(n, 0, 0, &wake);
        while ((n = rt_wq_claim(&c->sendq)) != NULL)
            rt_wait_deliver(n, 0, 0, &wake);
    }
    pthread_mutex_unlock(&c->mu);
    rt_wake_all(wake);
}

/* Reads one field under the lock (they change under it). */
enum { F_CLOSED, F_LEN };
static int64_t read_field(qz_val ch, int which)
{
    struct rt_chan *c = chan(ch);
    pthread_mutex_lock(&c->mu);
    int64_t v = which == F_CLOSED ? c->closed : c->len;
    pthread_mutex_unlock(&c->mu);
    return v;
}

qz_val qz_chan_closed(qz_val ch) { return read_field(ch, F_CLOSED); }
qz_val qz_chan_len(qz_val ch) { return read_field(ch, F_LEN); }
qz_val qz_chan_cap(qz_val ch) { return chan(ch)->cap; }   /* never changes */
qz_val qz_chan_remaining(qz_val ch) { return chan(ch)->cap - read_field(ch, F_LEN); }

qz_val qz_chan_pressure(qz_val ch)
{
    int64_t cap = chan(ch)->cap;
    return cap == 0 ? 0 : read_field(ch, F_LEN) * 100 / cap;
}

/* ---- the operations, as selects over one or two arms ---- */

static void arm(struct rt_arm *a, int kind, qz_val ch, qz_val v, qz_val ms)
{
    a->kind = kind;
    a->ch = kind == RT_ARM_RECV || kind == RT_ARM_SEND ? chan(ch) : NULL;
    a->v = v;
    a->ms = ms;
}

qz_val qz_try_send(qz_val ch, qz_val v)
{
    struct rt_arm a[1];
    struct rt_wait w;
    arm(&a[0], RT_ARM_SEND, ch, v, 0);
    atomic_init(&w.phase, 0);
    rt_wait_reset(&w, NULL);
    return rt_arms_try(a, 1, &w, 0) == 0 && w.ok;
}

qz_val qz_try_recv(qz_val ch)
{
    struct rt_arm a[1];
    struct rt_wait w;
    arm(&a[0], RT_ARM_RECV, ch, 0, 0);
    atomic_init(&w.phase, 0);
    rt_wait_reset(&w, NULL);
    return rt_arms_try(a, 1, &w, 0) == 0 && w.ok ? qz_some(w.value) : qz_none();
}

qz_val qz_send_sync(qz_val ch, qz_val v)
{
    struct rt_arm a[1];
    struct rt_sync_wait w;
    arm(&a[0], RT_ARM_SEND, ch, v, 0);
    rt_arms_sync(a, 1, &w);
    return w.w.ok;
}

qz_val qz_recv_sync(qz_val ch)
{
    struct rt_arm a[1];
    struct rt_sync_wait w;
    arm(&a[0], RT_ARM_RECV, ch, 0, 0);
    rt_arms_sync(a, 1, &w);
    return w.w.value;
}

qz_val qz_recv_opt_sync(qz_val ch)
{
    struct rt_arm a[1];
    struct rt_sync_wait w;
    arm(&a[0], RT_ARM_RECV, ch, 0, 0);
    rt_arms_sync(a, 1, &w);
    return w.w.ok ? qz_some(w.w.value) : qz_none();
}

qz_val qz_recv_timeout_sync(qz_val ch, qz_val ms)
{
    struct rt_arm a[2];
    struct rt_sync_wait w;
    arm(&a[0], RT_ARM_RECV, ch, 0, 0);
    arm(&a[1], RT_ARM_TIMEOUT, 0, 0, ms);
    int chosen = rt_arms_sync(a, 2, &w);
    return chosen == 0 && w.w.ok ? qz_some(w.w.value) : qz_none();
}

/* Task forms: the arms live in the task (they stay registered while it is parked). */
static struct rt_task *task_of(qz_val task)
{
    struct rt_task *t = rt_ptr(task);
    if (t == NULL)
        rt_panic_cstr("task is nil");
    return t;
}

qz_val qz_send_begin(qz_val task, qz_val ch, qz_val v)
{
    struct rt_task *t = task_of(task);
    arm(&t->own[0], RT_ARM_SEND, ch, v, 0);
    return rt_task_op(t, RT_OP_SEND);
}

qz_val qz_recv_begin(qz_val task, qz_val ch)
{
    struct rt_task *t = task_of(task);
    arm(&t->own[0], RT_ARM_RECV, ch, 0, 0);
    return rt_task_op(t, RT_OP_RECV);
}

qz_val qz_recv_opt_begin(qz_val task, qz_val ch)
{
    struct rt_task *t = task_of(task);
    arm(&t->own[0], RT_ARM_RECV, ch, 0, 0);
    return rt_task_op(t, RT_OP_RECV_OPT);
}

qz_val qz_recv_timeout_begin(qz_val task, qz_val ch, qz_val ms)
{
    struct rt_task *t = task_of(task);
    arm(&t->own[0], RT_ARM_RECV, ch, 0, 0);
    arm(&t->own[1], RT_ARM_TIMEOUT, 0, 0, ms);
    return rt_task_op(t, RT_OP_RECV_TIMEOUT);
}
