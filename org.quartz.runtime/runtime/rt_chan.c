/*
 * rt_chan.c - channels.
 *
 * A channel is a ring buffer of cap words (cap 0: unbuffered, a rendezvous) plus
 * two wait queues: receivers waiting for a value and senders waiting for room (or,
 * unbuffered, for a receiver). Everything is guarded by the channel's lock.
 *
 * Invariants (under lock)
 *   - recvq holds live receivers only while the buffer is empty; sendq holds live
 *     senders only while the buffer is full (always, when unbuffered). Nodes of
 *     selects won elsewhere may linger in either; rt_wq_claim drops them.
 *   - A value goes either into the buffer or straight to a claimed receiver, never
 *     both: each value sent is received exactly once. The buffer is FIFO and a
 *     sender's value enters it (or a receiver) before its next send starts, so
 *     each sender's order is kept.
 *   - Once closed, no value enters; the buffer drains; receivers then get the zero
 *     value with ok = 0 and senders get false. close claims every waiter.
 *   - Wake-ups are collected while the lock is held and delivered after unlocking.
 *
 * Lock order: several channel locks are only ever taken together by rt_select.c,
 * in ascending address order; the timer lock may be taken inside a channel lock.
 *
 * The operations themselves (send, recv, try_*, the task and sync forms) are
 * selects of one or two arms (rt_select.c).
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

/* Under c->lock: receives if a value (or the closed state) is there. */
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

/* Under c->lock: sends if there is a receiver, room, or the channel is closed. */
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
    rt_lock(&c->lock);
    if (!c->closed) {
        c->closed = 1;
        while ((n = rt_wq_claim(&c->recvq)) != NULL)
            rt_wait_deliver(n, 0, 0, &wake);
        while ((n = rt_wq_claim(&c->sendq)) != NULL)
            rt_wait_deliver(n, 0, 0, &wake);
    }
    rt_unlock(&c->lock);
    rt_wake_all(wake);
}

/* Reads one field under the lock (they change under it). */
enum { F_CLOSED, F_LEN };
static int64_t read_field(qz_val ch, int which)
{
    struct rt_chan *c = chan(ch);
    rt_lock(&c->lock);
    int64_t v = which == F_CLOSED ? c->closed : c->len;
    rt_unlock(&c->lock);
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
