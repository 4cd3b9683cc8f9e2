/* Tests for rt_select.c: select in synchronous code and in tasks. */
#include "qz_tasks.h"

static void test_sync_default_and_ready(void)
{
    qz_val a = qz_chan_new(1), b = qz_chan_new(1);
    qz_val sel = qz_select_new(3);
    qz_select_recv(sel, a);
    qz_select_recv(sel, b);
    qz_select_default(sel);
    CHECK_INT(qz_select_sync(sel), 2);           /* nothing ready: default */
    CHECK_INT(qz_try_send(b, 77), 1);
    sel = qz_select_new(3);
    qz_select_recv(sel, a);
    qz_select_recv(sel, b);
    qz_select_default(sel);
    CHECK_INT(qz_select_sync(sel), 1);           /* ready arm beats default */
    CHECK_INT(qz_select_value(sel), 77);
    /* A send arm with room, in synchronous code. */
    sel = qz_select_new(2);
    qz_select_recv(sel, a);
    qz_select_send(sel, b, 5);
    CHECK_INT(qz_select_sync(sel), 1);
    CHECK_INT(qz_unwrap(qz_try_recv(b)), 5);
}

static void test_sync_send_arm_value(void)
{
    qz_val b = qz_chan_new(1);
    qz_val sel = qz_select_new(1);
    qz_select_send(sel, b, 5);
    CHECK_INT(qz_select_sync(sel), 0);
    CHECK_INT(qz_unwrap(qz_try_recv(b)), 5);
}

static void test_sync_closed(void)
{
    qz_val a = qz_chan_new(0), b = qz_chan_new(0);
    qz_chan_close(a);
    qz_val sel = qz_select_new(2);
    qz_select_recv(sel, a);                      /* closed, drained: ready, zero */
    qz_select_timeout(sel, 5000);
    CHECK_INT(qz_select_sync(sel), 0);
    CHECK_INT(qz_select_value(sel), 0);
    sel = qz_select_new(3);
    qz_select_recv(sel, b);
    qz_select_send(sel, a, 1);                   /* closed: ready, value dropped */
    qz_select_default(sel);
    CHECK_INT(qz_select_sync(sel), 1);
}

static void test_sync_timeout(void)
{
    qz_val a = qz_chan_new(0);
    qz_val sel = qz_select_new(3);
    qz_select_recv(sel, a);
    qz_select_timeout(sel, 40);
    qz_select_send(sel, a, 1);
    qz_val t0 = qz_time_now_ms();
    CHECK_INT(qz_select_sync(sel), 1);
    qz_val el = ms_since(t0);
    CHECK(el >= 40 && el < 3000);
    /* The timed-out registrations are gone: a rendezvous now has no partner. */
    CHECK_INT(qz_try_send(a, 1), 0);
    CHECK_INT(qz_is_some(qz_try_recv(a)), 0);
}

struct arg {
    qz_val ch, v;
};

static void *delayed_recv(void *p)
{
    struct arg *a = p;
    qz_sleep_sync(20);
    a->v = qz_recv_sync(a->ch);
    return NULL;
}

static void *delayed_send(void *p)
{
    struct arg *a = p;
    qz_sleep_sync(20);
    qz_send_sync(a->ch, a->v);
    return NULL;
}

static void test_sync_blocking_send_arm(void)
{
    /* A select blocked on an unbuffered send arm, completed by another thread. */
    qz_val a = qz_chan_new(0), b = qz_chan_new(0);
    struct arg r = { b, 0 };
    pthread_t th;
    qt_thread_start(&th, delayed_recv, &r);
    qz_val sel = qz_select_new(2);
    qz_select_recv(sel, a);
    qz_select_send(sel, b, 99);
    CHECK_INT(qz_select_sync(sel), 1);
    qt_thread_join(th);
    CHECK_INT(r.v, 99);
    /* And a blocked recv arm. */
    struct arg s = { a, 31 };
    qt_thread_start(&th, delayed_send, &s);
    sel = qz_select_new(2);
    qz_select_send(sel, b, 1);
    qz_select_recv(sel, a);
    CHECK_INT(qz_select_sync(sel), 1);
    CHECK_INT(qz_select_value(sel), 31);
    qt_thread_join(th);
}

static void test_fairness(void)
{
    qz_val a = qz_chan_new(1), b = qz_chan_new(1);
    int hits[2] = { 0, 0 };
    for (int i = 0; i < 2000; i++) {
        qz_try_send(a, 1);
        qz_try_send(b, 2);
        qz_val sel = qz_select_new(2);
        qz_select_recv(sel, a);
        qz_select_recv(sel, b);
        int arm = (int)qz_select_sync(sel);
        CHECK_INT(qz_select_value(sel), arm + 1);
        hits[arm]++;
    }
    CHECK(hits[0] > 800);
    CHECK(hits[1] > 800);
}

/* ---- in tasks ---- */

/* frame: [0] ch a, [1] ch b, [2] timeout ms, [3] 1 = add a default arm.
 * select recv(a) / recv(b) / timeout / default. Result: arm * 1000 + value. */
static qz_val select_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[4] = qz_select_new(4);
        qz_select_recv(f[4], f[0]);
        qz_select_recv(f[4], f[1]);
        qz_select_timeout(f[4], f[2]);
        if (f[3])
            qz_select_default(f[4]);
        SUSPEND(t, 1, qz_select_begin(t, f[4]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t) * 1000 + qz_select_value(f[4]));
    }
    abort();
}

/* frame: [0] ch, [1] value, [2] ch2. select send(ch, v) / recv(ch2). Result: the arm. */
static qz_val select_send_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[4] = qz_select_new(2);
        qz_select_send(f[4], f[0], f[1]);
        qz_select_recv(f[4], f[2]);
        SUSPEND(t, 1, qz_select_begin(t, f[4]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* frame: [0] ch a, [1] ch b, [2] rounds, [3] counts (int64[2]). Fairness inside a task. */
static qz_val fair_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    int64_t *counts = rt_ptr(f[3]);
    switch (qz_task_state(t)) {
    case 0:
        f[5] = 0;
    loop:
        if (f[5] >= f[2])
            FINISH(t, 0);
        qz_try_send(f[0], 1);
        qz_try_send(f[1], 2);
        f[4] = qz_select_new(2);
        qz_select_recv(f[4], f[0]);
        qz_select_recv(f[4], f[1]);
        SUSPEND(t, 1, qz_select_begin(t, f[4]));
        /* fallthrough */
    case 1:
        counts[qz_task_io(t)]++;
        f[5]++;
        goto loop;
    }
    abort();
}

static void test_task_select(void)
{
    qz_val a = qz_chan_new(0), b = qz_chan_new(0);
    /* Default when nothing is ready. */
    CHECK_INT(qz_await_sync(go4(select_resume, a, b, 10000, 1)), 3000);
    /* Timeout. */
    qz_val t0 = qz_time_now_ms();
    CHECK_INT(qz_await_sync(go4(select_resume, a, b, 40, 0)), 2000);
    qz_val el = ms_since(t0);
    CHECK(el >= 40 && el < 3000);
    CHECK_INT(qz_try_send(a, 1), 0);            /* registrations removed */
    /* A parked select woken by a sender on its second channel. */
    qz_val s = go4(select_resume, a, b, 10000, 0);
    qz_sleep_sync(20);
    CHECK_INT(qz_task_done(s), 0);
    CHECK_INT(qz_send_sync(b, 17), 1);
    CHECK_INT(qz_await_sync(s), 1017);
    CHECK_INT(qz_try_send(a, 1), 0);
    /* Closed channel: recv arm ready with the zero value. */
    qz_val c = qz_chan_new(0);
    qz_val s2 = go4(select_resume, a, c, 10000, 0);
    qz_sleep_sync(10);
    qz_chan_close(c);
    CHECK_INT(qz_await_sync(s2), 1000);
    /* Send arm, parked, taken by a receiver; and on a closed channel. */
    qz_val ss = go4(select_send_resume, a, 55, b, 0);
    qz_sleep_sync(10);
    CHECK_INT(qz_recv_sync(a), 55);
    CHECK_INT(qz_await_sync(ss), 0);
    CHECK_INT(qz_await_sync(go4(select_send_resume, c, 1, b, 0)), 0);
    /* Fairness in a task. */
    int64_t counts[2] = { 0, 0 };
    qz_val x = qz_chan_new(1), y = qz_chan_new(1);
    qz_await_sync(go4(fair_resume, x, y, 2000, rt_val(counts)));
    CHECK(counts[0] > 800);
    CHECK(counts[1] > 800);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
}

/* frame: [0] ch, [1] rounds, [2] first descriptor, [3] i. Selects in a loop (one arm ready);
 * result: how many descriptors differed from the first. */
static qz_val select_reuse_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[3] = 0;
        f[4] = 0;
    loop:
        if (f[3] == f[1])
            FINISH(t, f[4]);
        qz_try_send(f[0], f[3]);
        f[5] = qz_select_new(2);
        if (f[3] == 0)
            f[2] = f[5];
        f[4] += f[5] != f[2];
        qz_select_recv(f[5], f[0]);
        qz_select_timeout(f[5], 10000);
        SUSPEND(t, 1, qz_select_begin(t, f[5]));
        /* fallthrough */
    case 1:
        if (qz_task_io(t) != 0 || qz_select_value(f[5]) != f[3])
            FINISH(t, -1);
        f[3]++;
        goto loop;
    }
    abort();
}

/* A select allocates nothing: a task's descriptor is in its park record, a thread's is reused. */
static void test_select_descriptor_reused(void)
{
    CHECK_INT(qz_await_sync(go4(select_reuse_resume, qz_chan_new(1), 200, 0, 0)), 0);
    qz_val ch = qz_chan_new(1);
    qz_val first = 0;
    int same = 1;
    for (int i = 0; i < 10; i++) {
        qz_try_send(ch, i);
        qz_val sel = qz_select_new(2);
        first = i == 0 ? sel : first;
        same &= sel == first;
        qz_select_recv(sel, ch);
        qz_select_default(sel);
        same &= qz_select_sync(sel) == 0 && qz_select_value(sel) == i;
    }
    CHECK(same);
}

/* frame: [0] ch, [1] &oks (int64[3]). Three recvs; records qz_recv_ok after each. */
static qz_val recv_ok_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    int64_t *oks = rt_ptr(f[1]);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = 0;
    loop:
        if (f[2] == 3)
            FINISH(t, 0);
        SUSPEND(t, 1, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 1:
        oks[f[2]++] = qz_task_io(t) * 10 + qz_recv_ok();
        goto loop;
    }
    abort();
}

/* qz_recv_ok tells a received zero from the end of a closed, drained channel. */
static void test_recv_ok(void)
{
    qz_val ch = qz_chan_new(2);
    qz_try_send(ch, 0);
    qz_try_send(ch, 7);
    qz_chan_close(ch);
    CHECK_INT(qz_recv_sync(ch), 0);
    CHECK_INT(qz_recv_ok(), 1);
    CHECK_INT(qz_recv_sync(ch), 7);
    CHECK_INT(qz_recv_ok(), 1);
    CHECK_INT(qz_recv_sync(ch), 0);
    CHECK_INT(qz_recv_ok(), 0);
    /* In a task: a value at once, a zero value after parking, then the end. */
    qz_val ch2 = qz_chan_new(0);
    int64_t oks[3] = { -1, -1, -1 };
    qz_val t = go4(recv_ok_resume, ch2, rt_val(oks), 0, 0);
    CHECK_INT(qz_send_sync(ch2, 5), 1);
    qz_sleep_sync(10);
    CHECK_INT(qz_send_sync(ch2, 0), 1);
    qz_sleep_sync(10);
    qz_chan_close(ch2);
    CHECK_INT(qz_await_sync(t), 0);
    CHECK_INT(oks[0], 51);
    CHECK_INT(oks[1], 1);
    CHECK_INT(oks[2], 0);
}

/* Many selecting tasks racing over the same channels: each value taken once. */
static qz_val select_taker_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[5] = 0;
    loop:
        f[4] = qz_select_new(3);
        qz_select_recv(f[4], f[0]);
        qz_select_recv(f[4], f[1]);
        qz_select_timeout(f[4], 2);
        SUSPEND(t, 1, qz_select_begin(t, f[4]));
        /* fallthrough */
    case 1:
        if (qz_task_io(t) == 2 || qz_select_value(f[4]) == 0) {
            /* timed out, or a closed channel's zero value */
            if (qz_chan_closed(f[0]) && qz_chan_closed(f[1]))
                FINISH(t, f[5]);
            goto loop;
        }
        atomic_fetch_add(&((atomic_int *)rt_ptr(f[2]))[qz_select_value(f[4])], 1);
        f[5]++;
        goto loop;
    }
    abort();
}

static void test_select_race(void)
{
    enum { N = 4000, TAKERS = 8 };
    static atomic_int seen[N + 1];
    qz_val a = qz_chan_new(0), b = qz_chan_new(2);
    qz_val t[TAKERS];
    for (int i = 0; i < TAKERS; i++)
        t[i] = go4(select_taker_resume, a, b, rt_val(seen), 0);
    for (int v = 1; v <= N; v++)
        CHECK_INT(qz_send_sync(v % 2 ? a : b, v), 1);
    qz_chan_close(a);
    qz_chan_close(b);
    qz_val total = 0;
    for (int i = 0; i < TAKERS; i++)
        total += qz_await_sync(t[i]);
    CHECK_INT(total, N);
    int bad = 0;
    for (int v = 1; v <= N; v++)
        bad += atomic_load(&seen[v]) != 1;
    CHECK_INT(bad, 0);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
}

qz_val quartz_main(void)
{
    watchdog(90);
    RUN(test_sync_default_and_ready);
    RUN(test_sync_send_arm_value);
    RUN(test_sync_closed);
    RUN(test_sync_timeout);
    RUN(test_sync_blocking_send_arm);
    RUN(test_fairness);
    CHECK_INT(rt_sched_running(), 0);   /* sync select needs no scheduler */
    RUN(test_task_select);
    RUN(test_select_descriptor_reused);
    RUN(test_recv_ok);
    RUN(test_select_race);
    return qt_done("select");
}
