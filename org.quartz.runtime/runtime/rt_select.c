/*
 * rt_select.c - select, the channel operations (send, recv, try_*, with their
 * task and sync forms) and sleep: all of them run on one engine, a select over arms.
 *
 * An operation is a list of arms (recv, send, timeout, default). One round
 * (arms_try), like Go's selectgo:
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
 * cancels its timer (arms_cleanup) before it looks at the result.
 *
 * Synchronous code parks its thread (rt_arms_sync: condition variable, with the
 * deadline of the timeout arm, no timer heap, no scheduler). A task parks with an
 * arms park (below): the arms stay registered while it is parked, and the park's
 * kind turns the outcome into the task's io word.
 *
 * The select descriptor (qz_select_new) is a program value: the arms, filled in
 * source order, and the value of the chosen recv arm.
 */
#include "rt_internal.h"

#include <errno.h>
#include <time.h>

struct rt_select {
    int64_t n, cap;
    qz_val value;               /* the received value of the chosen arm */
    struct rt_arm arms[];
};

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

static void lock_all(struct rt_chan **locks, int n)
{
    for (int i = 0; i < n; i++)
        rt_lock(&locks[i]->lock);
}

static void unlock_all(struct rt_chan **locks, int n)
{
    for (int i = n - 1; i >= 0; i--)
        rt_unlock(&locks[i]->lock);
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

/* Under the arm's channel lock: registers w in the channel's queue for arm i. */
static void register_arm(struct rt_arm *a, int i, struct rt_wait *w)
{
    a->node.wait = w;
    a->node.arm = i;
    a->node.elem = a->v;
    rt_wq_push(a->kind == RT_ARM_RECV ? &a->ch->recvq : &a->ch->sendq, &a->node);
}

static int one_channel_arm(const struct rt_arm *arms, int n)
{
    return n == 1 && (arms[0].kind == RT_ARM_RECV || arms[0].kind == RT_ARM_SEND);
}

/* arms_try of a single channel arm: one lock, no poll order, nothing to sort. */
static int one_arm_try(struct rt_arm *a, struct rt_wait *w, int may_park)
{
    struct rt_chan *c = a->ch;
    struct rt_wait *wake = NULL;
    int chosen;
    rt_lock(&c->lock);
    int ready = a->kind == RT_ARM_RECV ? rt_chan_poll_recv(c, &w->value, &w->ok, &wake)
                                       : rt_chan_poll_send(c, a->v, &w->ok, &wake);
    if (ready) {
        chosen = 0;
        w->arm = 0;
        if (a->kind == RT_ARM_SEND)
            w->value = 0;
    } else if (may_park) {
        rt_wait_reset(w, w->task);   /* only now: an operation that completes at once needs none */
        register_arm(a, 0, w);
        chosen = -1;
    } else {
        chosen = -2;
    }
    rt_unlock(&c->lock);
    rt_wake_all(wake);
    return chosen;
}

/* >= 0: chosen arm, done (w->value/ok set). -1: registered, the caller parks
 * (only with may_park). -2: nothing ready and may_park is 0. */
static int arms_try(struct rt_arm *arms, int n, struct rt_wait *w, int may_park)
{
    if (n <= 0)
        rt_panic_cstr("select with no arms");
    if (one_channel_arm(arms, n))
        return one_arm_try(&arms[0], w, may_park);
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
            if (arms[i].kind == RT_ARM_RECV || arms[i].kind == RT_ARM_SEND)
                register_arm(&arms[i], i, w);
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
static void arms_cleanup(struct rt_arm *arms, int n, struct rt_wait *w)
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
        rt_lock(&a->ch->lock);
        rt_wq_unlink(&a->node);
        rt_unlock(&a->ch->lock);
    }
}

/* The blocking form for synchronous code: returns the chosen arm, the result in *s. */
static int arms_sync(struct rt_arm *arms, int n, struct rt_sync_wait *s)
{
    struct rt_wait *w = &s->w;
    rt_wait_init_sync(s);
    int chosen = arms_try(arms, n, w, 1);
    if (chosen == -1) {
        if (!rt_sync_park(s, w->has_timer ? w->timer.deadline : -1)) {
            w->arm = w->timer.arm;   /* timed out: we claimed ourselves */
            w->value = 0;
            w->ok = 0;
        }
        arms_cleanup(arms, n, w);
        chosen = w->arm;
    }
    return chosen;
}

/* ---- tasks: the arms park ---- */

struct arms_park {
    struct rt_park park;
    struct rt_arm *arms;        /* own, or a select's */
    int n;
    struct rt_select *sel;      /* a select: where the chosen recv value goes */
    struct rt_arm own[2];       /* a channel operation's arms (recv_timeout: two) */
};

/* A park kind of this file: how an operation's outcome becomes the io word. */
struct arms_kind {
    struct rt_park_kind base;
    qz_val (*outcome)(struct arms_park *p);
};

static int arms_finish(struct rt_task *t, struct rt_park *park)
{
    struct arms_park *p = (struct arms_park *)park;
    arms_cleanup(p->arms, p->n, &park->wait);
    t->io = ((const struct arms_kind *)park->kind)->outcome(p);
    return 1;
}

static qz_val recv_outcome(struct arms_park *p) { return p->park.wait.value; }
static qz_val send_outcome(struct arms_park *p) { return p->park.wait.ok; }
static qz_val sleep_outcome(struct arms_park *p) { (void)p; return 0; }

static qz_val recv_opt_outcome(struct arms_park *p)
{
    struct rt_wait *w = &p->park.wait;
    return w->ok ? qz_some(w->value) : qz_none();
}

static qz_val recv_timeout_outcome(struct arms_park *p)
{
    struct rt_wait *w = &p->park.wait;
    return w->arm == 0 && w->ok ? qz_some(w->value) : qz_none();
}

static qz_val select_outcome(struct arms_park *p)
{
    p->sel->value = p->park.wait.value;
    return p->park.wait.arm;
}

static const struct arms_kind recv_kind = { { arms_finish, 0 }, recv_outcome };
static const struct arms_kind recv_opt_kind = { { arms_finish, 0 }, recv_opt_outcome };
static const struct arms_kind recv_timeout_kind = { { arms_finish, 0 }, recv_timeout_outcome };
static const struct arms_kind send_kind = { { arms_finish, 0 }, send_outcome };
static const struct arms_kind sleep_kind = { { arms_finish, 0 }, sleep_outcome };
static const struct arms_kind select_kind = { { arms_finish, 0 }, select_outcome };

/* t's park record for an operation of kind over its own arms (n of them, to fill in). */
static struct arms_park *arms_park(struct rt_task *t, const struct arms_kind *kind, int n)
{
    struct arms_park *p = rt_park_prepare(t, &kind->base, sizeof *p);
    p->arms = p->own;
    p->n = n;
    p->sel = NULL;
    return p;
}

/* Runs p's operation for t: 1 = done, io set; 0 = parked. */
static qz_val arms_op(struct rt_task *t, struct arms_park *p)
{
    struct rt_wait *w = &p->park.wait;
    if (!one_channel_arm(p->arms, p->n))
        rt_wait_reset(w, t);   /* one_arm_try resets only when it registers */
    if (arms_try(p->arms, p->n, w, 1) == -1) {
        rt_task_parked(t);
        return 0;
    }
    t->io = ((const struct arms_kind *)p->park.kind)->outcome(p);
    return rt_task_complete(t);
}

/* ---- the select descriptor ---- */

static struct rt_select *sel_of(qz_val sel)
{
    struct rt_select *s = rt_ptr(sel);
    if (s == NULL)
        rt_panic_cstr("select is nil");
    return s;
}

/* A thread's descriptor for synchronous selects, grown as needed: scanned memory
 * that is never collected (rt_alloc_fixed), so the collector sees its arms. */
static _Thread_local struct rt_select *sync_select;
static _Thread_local size_t sync_select_size;

/* No allocation per select: a task's descriptor follows the arms park in its park
 * record (which the select's own park reuses, and which the task's next operation
 * may overwrite only after the compiled code read the value); synchronous code
 * reuses its thread's. The compiler evaluates every operand first, so nothing
 * else runs between qz_select_new and the wait (quartz_rt.h). */
qz_val qz_select_new(qz_val arm_count)
{
    if (arm_count <= 0 || arm_count > 1 << 20)
        rt_panic_cstr("select needs between 1 and 2^20 arms");
    size_t size = sizeof(struct rt_select) + (size_t)arm_count * sizeof(struct rt_arm);
    struct rt_task *t = rt_current_task();
    struct rt_select *s;
    if (t != NULL) {
        struct arms_park *p = rt_park_prepare(t, &select_kind.base, sizeof *p + size);
        s = (struct rt_select *)(p + 1);
    } else {
        if (sync_select_size < size) {
            rt_free(sync_select);
            sync_select = rt_alloc_fixed(size);
            sync_select_size = size;
        }
        s = sync_select;
    }
    memset(s, 0, size);
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

qz_val qz_select_value(qz_val sel)
{
    return sel_of(sel)->value;
}

qz_val qz_select_sync(qz_val sel)
{
    struct rt_select *s = sel_of(sel);
    struct rt_sync_wait w;
    int chosen = arms_sync(s->arms, (int)s->n, &w);
    s->value = w.w.value;
    return chosen;
}

qz_val qz_select_begin(qz_val task, qz_val sel)
{
    struct rt_task *t = rt_task_of(task);
    struct rt_select *s = sel_of(sel);
    if (rt_task_precheck(t))
        return 0;
    struct arms_park *p = arms_park(t, &select_kind, (int)s->n);
    p->arms = s->arms;
    p->sel = s;
    return arms_op(t, p);
}


/* ---- the channel operations, as selects over one or two arms ---- */

static void arm(struct rt_arm *a, int kind, qz_val ch, qz_val v, qz_val ms)
{
    a->kind = kind;
    a->ch = kind == RT_ARM_RECV || kind == RT_ARM_SEND ? chan_arg(ch) : NULL;
    a->v = v;
    a->ms = ms;
}

/* The outcome of a single channel operation. */
struct chan_outcome {
    qz_val value;
    int ok;
};

/* Without waiting: ok only when it completed at once. */
static struct chan_outcome chan_try(int kind, qz_val ch, qz_val v)
{
    struct rt_arm a[1];
    struct rt_wait w;
    arm(&a[0], kind, ch, v, 0);
    atomic_init(&w.phase, 0);
    rt_wait_reset(&w, NULL);
    int done = arms_try(a, 1, &w, 0) == 0;
    return (struct chan_outcome){ w.value, done && w.ok };
}

qz_val qz_try_send(qz_val ch, qz_val v)
{
    return chan_try(RT_ARM_SEND, ch, v).ok;
}

qz_val qz_try_recv(qz_val ch)
{
    struct chan_outcome o = chan_try(RT_ARM_RECV, ch, 0);
    return o.ok ? qz_some(o.value) : qz_none();
}

/* Synchronous code: blocks its thread until the operation completes. */
static struct chan_outcome chan_sync(int kind, qz_val ch, qz_val v)
{
    struct rt_arm a[1];
    struct rt_sync_wait w;
    arm(&a[0], kind, ch, v, 0);
    arms_sync(a, 1, &w);
    return (struct chan_outcome){ w.w.value, w.w.ok };
}

qz_val qz_send_sync(qz_val ch, qz_val v)
{
    return chan_sync(RT_ARM_SEND, ch, v).ok;
}

static _Thread_local int sync_recv_ok;   /* this thread's last qz_recv_sync */

qz_val qz_recv_sync(qz_val ch)
{
    struct chan_outcome o = chan_sync(RT_ARM_RECV, ch, 0);
    sync_recv_ok = o.ok;
    return o.value;
}

/* A task's last operation's outcome stays in its park record until its next one. */
qz_val qz_recv_ok(void)
{
    struct rt_task *t = rt_current_task();
    if (t == NULL)
        return sync_recv_ok;
    struct rt_park *p = atomic_load_explicit(&t->park, memory_order_relaxed);
    return p != NULL && p->wait.ok;
}

qz_val qz_recv_opt_sync(qz_val ch)
{
    struct chan_outcome o = chan_sync(RT_ARM_RECV, ch, 0);
    return o.ok ? qz_some(o.value) : qz_none();
}

qz_val qz_recv_timeout_sync(qz_val ch, qz_val ms)
{
    struct rt_arm a[2];
    struct rt_sync_wait w;
    arm(&a[0], RT_ARM_RECV, ch, 0, 0);
    arm(&a[1], RT_ARM_TIMEOUT, 0, 0, ms);
    int chosen = arms_sync(a, 2, &w);
    return chosen == 0 && w.w.ok ? qz_some(w.w.value) : qz_none();
}

/* Task forms: the arms live in the task's park record while it is parked. */
static qz_val chan_op(qz_val task, const struct arms_kind *kind, int arm_kind, qz_val ch, qz_val v,
                      qz_val timeout_ms)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    int timed = kind == &recv_timeout_kind;
    struct arms_park *p = arms_park(t, kind, timed ? 2 : 1);
    arm(&p->own[0], arm_kind, ch, v, 0);
    if (timed)
        arm(&p->own[1], RT_ARM_TIMEOUT, 0, 0, timeout_ms);
    return arms_op(t, p);
}

qz_val qz_send_begin(qz_val task, qz_val ch, qz_val v)
{
    return chan_op(task, &send_kind, RT_ARM_SEND, ch, v, 0);
}

qz_val qz_recv_begin(qz_val task, qz_val ch)
{
    return chan_op(task, &recv_kind, RT_ARM_RECV, ch, 0, 0);
}

qz_val qz_recv_opt_begin(qz_val task, qz_val ch)
{
    return chan_op(task, &recv_opt_kind, RT_ARM_RECV, ch, 0, 0);
}

qz_val qz_recv_timeout_begin(qz_val task, qz_val ch, qz_val ms)
{
    return chan_op(task, &recv_timeout_kind, RT_ARM_RECV, ch, 0, ms);
}

/* ---- sleep: a select with one timeout arm ---- */

qz_val qz_sleep_begin(qz_val task, qz_val ms)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    struct arms_park *p = arms_park(t, &sleep_kind, 1);
    arm(&p->own[0], RT_ARM_TIMEOUT, 0, 0, ms);
    return arms_op(t, p);
}

void qz_sleep_sync(qz_val ms)
{
    int64_t deadline = rt_deadline_after(ms);
    struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
    }
}
