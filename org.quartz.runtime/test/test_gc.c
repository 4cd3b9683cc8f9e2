/*
 * Tests for the collector (rt_alloc.c): garbage is reclaimed, and what the
 * runtime holds stays alive. Only built with the collector (GC_TESTS in
 * run-tests.sh). Every survival test churns allocations and forces collections
 * while the only reference to a value sits in a runtime structure (a channel's
 * ring, a parked task's frame, the timer heap), then checks the value's bytes:
 * a structure the collector could not see would show as corrupted contents
 * (freed memory is handed out again, zeroed) or a crash.
 */
#include "qz_tasks.h"

#include <stdio.h>

enum { MB = 1 << 20 };

static qz_val str_of(int64_t i)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "value-%lld-padding-to-make-it-longer", (long long)i);
    return rt_str_from(buf, n);
}

static int str_is(qz_val s, int64_t i)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "value-%lld-padding-to-make-it-longer", (long long)i);
    return rt_str_len(rt_ptr(s)) == n && memcmp(rt_str_bytes(rt_ptr(s)), buf, (size_t)n) == 0;
}

/* Allocates and drops about mb megabytes, in small objects and strings. */
static void churn(int mb)
{
    for (int64_t i = 0; i < (int64_t)mb * MB / 96; i++) {
        qz_val v = qz_vec_new();
        qz_vec_push(v, qz_some(i));
        qz_int_to_s(i);
    }
}

static void test_garbage_is_reclaimed(void)
{
    int64_t before = rt_gc_collections();
    churn(400);
    CHECK(rt_gc_collections() > before);
    /* 400 MB went through; what stays mapped is a small multiple of what was live. */
    CHECK(GC_get_heap_size() < 64 * MB);
}

static void test_channel_ring_keeps_values(void)
{
    enum { N = 2000 };
    qz_val ch = qz_chan_new(N);
    for (int64_t i = 0; i < N; i++)
        qz_send_sync(ch, str_of(i));
    churn(64);
    GC_gcollect();
    churn(64);
    int ok = 1;
    for (int64_t i = 0; i < N; i++)
        ok &= str_is(qz_recv_sync(ch), i);
    CHECK(ok);
}

/* frame: [0] ch, or 0 to sleep instead, [1] n, [2] a Vec of n strings made before parking,
 * [3] i, [4] ms. Parks on recv (or in the timer heap) while the Vec lives only in its
 * frame; result: 1 if intact. */
static qz_val keeper_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = qz_vec_new();
        for (f[3] = 0; f[3] < f[1]; f[3]++)
            qz_vec_push(f[2], str_of(f[3]));
        SUSPEND(t, 1, f[0] ? qz_recv_begin(t, f[0]) : qz_sleep_begin(t, f[4]));
        /* fallthrough */
    case 1: {
        int ok = 1;
        for (int64_t i = 0; i < f[1]; i++)
            ok &= str_is(qz_vec_get(f[2], i), i);
        FINISH(t, ok);
    }
    }
    abort();
}

static void test_parked_tasks_keep_their_frames(void)
{
    enum { TASKS = 50, N = 200 };
    qz_sched_init(2);
    qz_val ch = qz_chan_new(0);
    qz_val keepers = qz_vec_new(), sleepers = qz_vec_new();
    for (int i = 0; i < TASKS; i++) {
        qz_vec_push(keepers, go4(keeper_resume, ch, N, 0, 0));
        qz_val sleeper = new4(keeper_resume, 0, N, 0, 0);
        FRAME(sleeper)[4] = 300;
        qz_vec_push(sleepers, qz_task_spawn(sleeper));
    }
    for (int i = 0; i < 5; i++) {
        churn(32);
        GC_gcollect();
    }
    for (int i = 0; i < TASKS; i++)
        qz_send_sync(ch, i);
    int ok = 1;
    for (int i = 0; i < TASKS; i++) {
        ok &= qz_await_sync(qz_vec_get(keepers, i)) == 1;
        ok &= qz_await_sync(qz_vec_get(sleepers, i)) == 1;
    }
    CHECK(ok);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
}

/* frame: [0] n. Allocates n strings, keeps none; result: n. */
static qz_val worker_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (int64_t i = 0; i < f[0]; i++)
        str_of(i);
    FINISH(t, f[0]);
}

static void test_finished_tasks_are_reclaimed(void)
{
    enum { BATCH = 1000, BATCHES = 100, FRAME_WORDS = 1000 };
    qz_sched_init(2);
    size_t heap_after_first = 0;
    int64_t sum = 0;
    for (int b = 0; b < BATCHES; b++) {
        qz_val batch = qz_vec_with_capacity(BATCH);
        for (int i = 0; i < BATCH; i++) {
            qz_val t = qz_task_new(FN(worker_resume), FRAME_WORDS);
            FRAME(t)[0] = 10;
            qz_vec_push(batch, qz_task_spawn(t));
        }
        for (int i = 0; i < BATCH; i++)
            sum += qz_await_sync(qz_vec_get(batch, i));
        if (b == 0)
            heap_after_first = GC_get_heap_size();
    }
    qz_sched_shutdown();
    CHECK_INT(sum, (int64_t)BATCH * BATCHES * 10);
    /* 100,000 tasks of 8 KB frames (800 MB) went through; the heap stays near one batch's. */
    CHECK(GC_get_heap_size() < heap_after_first + 64 * MB);
    CHECK(GC_get_heap_size() < 160 * MB);
}

/* Result: 1 if the worker thread running it is known to the collector. */
static qz_val registered_resume(qz_val t)
{
    FINISH(t, GC_thread_is_registered());
}

static void test_every_thread_is_registered(void)
{
    CHECK(GC_thread_is_registered());   /* the main thread */
    qz_sched_init(2);
    int ok = 1;
    for (int i = 0; i < 20; i++)
        ok &= qz_await_sync(go4(registered_resume, 0, 0, 0, 0)) == 1;
    CHECK(ok);
    qz_sched_shutdown();
}

qz_val quartz_main(void)
{
    RUN(test_every_thread_is_registered);
    RUN(test_garbage_is_reclaimed);
    RUN(test_channel_ring_keeps_values);
    RUN(test_parked_tasks_keep_their_frames);
    RUN(test_finished_tasks_are_reclaimed);
    return qt_done("gc");
}
