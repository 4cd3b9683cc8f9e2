/* Tests for rt_chan.c in plain synchronous code: no task, no scheduler. */
#include "qz_tasks.h"

static void test_capacity(void)
{
    qz_val ch = qz_chan_new(10);
    CHECK_INT(qz_chan_cap(ch), 10);
    for (int i = 0; i < 10; i++)
        CHECK_INT(qz_try_send(ch, i), 1);
    CHECK_INT(qz_try_send(ch, 10), 0);
    CHECK_INT(qz_chan_len(ch), 10);
    CHECK_INT(qz_chan_remaining(ch), 0);
    CHECK_INT(qz_chan_pressure(ch), 100);
    for (int i = 0; i < 5; i++)
        CHECK_INT(qz_recv_sync(ch), i);
    CHECK_INT(qz_chan_len(ch), 5);
    CHECK_INT(qz_chan_remaining(ch), 5);
    CHECK_INT(qz_chan_pressure(ch), 50);
    CHECK_INT(qz_send_sync(ch, 10), 1);   /* room: does not block */
    for (int i = 5; i <= 10; i++)
        CHECK_INT(qz_unwrap(qz_try_recv(ch)), i);
    CHECK_INT(qz_is_some(qz_try_recv(ch)), 0);
    CHECK_INT(qz_chan_pressure(ch), 0);
}

static void test_unbuffered_try(void)
{
    qz_val ch = qz_chan_new(0);
    CHECK_INT(qz_chan_cap(ch), 0);
    CHECK_INT(qz_chan_pressure(ch), 0);
    CHECK_INT(qz_chan_remaining(ch), 0);
    CHECK_INT(qz_try_send(ch, 1), 0);     /* nobody receiving */
    CHECK_INT(qz_is_some(qz_try_recv(ch)), 0);
}

static void new_negative(const void *arg)
{
    (void)arg;
    qz_chan_new(-1);
}

static void test_negative_cap(void)
{
    CHECK_PANIC(new_negative, NULL, "channel capacity must not be negative", "");
}

static void test_close(void)
{
    qz_val ch = qz_chan_new(3);
    qz_send_sync(ch, 7);
    qz_send_sync(ch, 8);
    CHECK_INT(qz_chan_closed(ch), 0);
    qz_chan_close(ch);
    qz_chan_close(ch);                      /* idempotent */
    CHECK_INT(qz_chan_closed(ch), 1);
    CHECK_INT(qz_send_sync(ch, 9), 0);
    CHECK_INT(qz_try_send(ch, 9), 0);
    CHECK_INT(qz_recv_sync(ch), 7);         /* queued items stay receivable */
    CHECK_INT(qz_unwrap(qz_recv_opt_sync(ch)), 8);
    CHECK_INT(qz_recv_sync(ch), 0);         /* drained: zero value */
    CHECK_INT(qz_is_some(qz_recv_opt_sync(ch)), 0);
    CHECK_INT(qz_is_some(qz_try_recv(ch)), 0);
    CHECK_INT(qz_is_some(qz_recv_timeout_sync(ch, 1000)), 0);
}

/* ---- blocking, between threads ---- */

struct pair {
    qz_val ch;
    qz_val n;
    atomic_int done;
    qz_val got;
};

static void *send_n(void *arg)
{
    struct pair *p = arg;
    for (qz_val i = 0; i < p->n; i++)
        if (!qz_send_sync(p->ch, i + 1))
            break;
    atomic_store(&p->done, 1);
    return NULL;
}

static void *recv_one(void *arg)
{
    struct pair *p = arg;
    p->got = qz_recv_sync(p->ch);
    atomic_store(&p->done, 1);
    return NULL;
}

static void *recv_opt_one(void *arg)
{
    struct pair *p = arg;
    p->got = qz_recv_opt_sync(p->ch);
    atomic_store(&p->done, 1);
    return NULL;
}

static void test_rendezvous_threads(void)
{
    struct pair p = { qz_chan_new(0), 1, 0, 0 };
    pthread_t th;
    qt_thread_start(&th, send_n, &p);
    qz_sleep_sync(50);
    CHECK_INT(atomic_load(&p.done), 0);     /* no receiver yet: the send waits */
    CHECK_INT(qz_recv_sync(p.ch), 1);
    qt_thread_join(th);
    CHECK_INT(atomic_load(&p.done), 1);

    /* try_send hands over to a waiting receiver. */
    struct pair q = { qz_chan_new(0), 0, 0, 0 };
    qt_thread_start(&th, recv_one, &q);
    qz_val t0 = qz_time_now_ms();
    while (!qz_try_send(q.ch, 42) && ms_since(t0) < 5000)
        qz_sleep_sync(1);
    qt_thread_join(th);
    CHECK_INT(q.got, 42);
}

static void test_close_wakes_threads(void)
{
    qz_val ch = qz_chan_new(0);
    struct pair r[3] = { { ch, 0, 0, 1 }, { ch, 0, 0, 1 }, { ch, 0, 0, 1 } };
    struct pair s = { ch, 1000, 0, 0 };
    pthread_t th[3], ts;
    for (int i = 0; i < 2; i++)
        qt_thread_start(&th[i], recv_one, &r[i]);
    qt_thread_start(&th[2], recv_opt_one, &r[2]);
    qz_sleep_sync(30);
    for (int i = 0; i < 3; i++)
        CHECK_INT(atomic_load(&r[i].done), 0);
    qz_chan_close(ch);
    for (int i = 0; i < 3; i++)
        qt_thread_join(th[i]);
    CHECK_INT(r[0].got, 0);
    CHECK_INT(r[1].got, 0);
    CHECK_INT(qz_is_some(r[2].got), 0);
    /* A sender blocked on a full channel gets false when it closes. */
    qz_val full = qz_chan_new(1);
    s.ch = full;
    qt_thread_start(&ts, send_n, &s);
    qz_sleep_sync(30);
    CHECK_INT(atomic_load(&s.done), 0);
    qz_chan_close(full);
    qt_thread_join(ts);
    CHECK_INT(qz_recv_sync(full), 1);
    CHECK_INT(qz_recv_sync(full), 0);
}

static void test_recv_timeout_sync(void)
{
    qz_val ch = qz_chan_new(1);
    qz_val t0 = qz_time_now_ms();
    CHECK_INT(qz_is_some(qz_recv_timeout_sync(ch, 40)), 0);
    qz_val el = ms_since(t0);
    CHECK(el >= 40 && el < 2000);
    qz_send_sync(ch, 5);
    CHECK_INT(qz_unwrap(qz_recv_timeout_sync(ch, 40)), 5);
    /* A value arriving while waiting. */
    struct pair p = { qz_chan_new(0), 1, 0, 0 };
    pthread_t th;
    qt_thread_start(&th, send_n, &p);
    CHECK_INT(qz_unwrap_or(qz_recv_timeout_sync(p.ch, 5000), -1), 1);
    qt_thread_join(th);
}

static void test_sleep_yield_sync(void)
{
    qz_val t0 = qz_time_now_ms();
    qz_sleep_sync(30);
    qz_yield_sync();
    qz_val el = ms_since(t0);
    CHECK(el >= 30 && el < 2000);
}

qz_val quartz_main(void)
{
    watchdog(60);
    RUN(test_capacity);
    RUN(test_unbuffered_try);
    RUN(test_negative_cap);
    RUN(test_close);
    RUN(test_rendezvous_threads);
    RUN(test_close_wakes_threads);
    RUN(test_recv_timeout_sync);
    RUN(test_sleep_yield_sync);
    CHECK_INT(rt_sched_running(), 0);   /* channels never start the scheduler */
    CHECK_INT(rt_sched_live_allocs(), 0);
    return qt_done("chan");
}
