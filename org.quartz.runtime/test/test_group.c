/* Tests for rt_group.c and rt_cancel.c: groups, go_scope, go_race, deadlines, cancellation, task-locals. */
#include "qz_tasks.h"

/* frame: [0] ms, [1] atomic counting "defers" run on cancellation, [2] result.
 * Sleeps; result [2], or 0 after a cancellation (when it bumps [1]). */
static qz_val sleeper_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_sleep_begin(t, f[0]));
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t)) {
            qz_atomic_add(f[1], 1);
            FINISH(t, 0);
        }
        FINISH(t, f[2]);
    }
    abort();
}

/* frame: [0] channel, [1] atomic. Waits on recv; result: the value, or -1 when cancelled. */
static qz_val receiver_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t)) {
            qz_atomic_add(f[1], 1);
            FINISH(t, -1);
        }
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* frame: [0] ms, [1] atomic. Calls a sleeper (a frame of its own); result: its result + 1000, or 0 when interrupted. */
static qz_val caller_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        CALL(t, 1, frame4(sleeper_resume, f[0], f[1], 7, 0));
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t)) {
            qz_atomic_add(f[1], 1);
            FINISH(t, 0);
        }
        FINISH(t, qz_task_io(t) + 1000);
    }
    abort();
}

/* frame: [0] group. Waits for the group in a task; result: the count. */
static qz_val group_waiter_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_group_wait_begin(t, f[0]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

static void test_wait_counts_every_task(void)
{
    qz_val g = qz_group_new();
    qz_val counter = qz_atomic_new(0);
    qz_val tasks[50];
    for (int i = 0; i < 50; i++)
        tasks[i] = qz_group_spawn(g, new4(sleeper_resume, i % 5, counter, i, 0));
    qz_val waiter = go4(group_waiter_resume, g, 0, 0, 0);
    CHECK_INT(qz_group_wait_sync(g), 50);
    CHECK_INT(qz_await_sync(waiter), 50);
    for (int i = 0; i < 50; i++)
        CHECK_INT(qz_task_result(tasks[i]), i);
    CHECK_INT(qz_atomic_load(counter), 0);
    CHECK_INT(qz_group_wait_sync(qz_group_new()), 0);   /* empty: at once */
}

static void test_cancel_wakes_sleepers_and_receivers(void)
{
    qz_val g = qz_group_new();
    qz_val counter = qz_atomic_new(0);
    qz_val ch = qz_chan_new(10);
    for (int i = 0; i < 10; i++) {
        qz_group_spawn(g, new4(sleeper_resume, 60000, counter, 1, 0));
        qz_group_spawn(g, new4(receiver_resume, ch, counter, 0, 0));
    }
    qz_sleep_sync(20);
    qz_val t0 = qz_time_now_ms();
    qz_group_cancel(g);
    CHECK_INT(qz_group_wait_sync(g), 20);
    CHECK(ms_since(t0) < 5000);
    CHECK_INT(qz_atomic_load(counter), 20);
    /* The cancelled receivers took nothing: every value sent afterwards stays queued. */
    for (int i = 0; i < 10; i++)
        CHECK_INT(qz_try_send(ch, i), 1);
    CHECK_INT(qz_chan_len(ch), 10);
    /* A task started in a cancelled group stops at its first suspension point. */
    qz_val late = qz_group_spawn(g, new4(sleeper_resume, 60000, counter, 1, 0));
    CHECK_INT(qz_await_sync(late), 0);
    CHECK_INT(qz_atomic_load(counter), 21);
}

/* Cancelling a task that runs a call child interrupts the child, then the caller. */
static void test_cancel_call_chain(void)
{
    qz_val g = qz_group_new();
    qz_val counter = qz_atomic_new(0);
    qz_val chains[8];
    for (int i = 0; i < 8; i++)
        chains[i] = qz_group_spawn(g, new4(caller_resume, 60000, counter, 0, 0));
    qz_sleep_sync(20);
    qz_group_cancel(g);
    qz_group_wait_sync(g);
    for (int i = 0; i < 8; i++)
        CHECK_INT(qz_task_result(chains[i]), 0);
    CHECK_INT(qz_atomic_load(counter), 16);   /* each child and each caller unwound */
    /* Uncancelled, the chain returns the child's result. */
    qz_val ok = go4(caller_resume, 1, counter, 0, 0);
    CHECK_INT(qz_await_sync(ok), 1007);
}

static void test_race_and_deadline(void)
{
    qz_val counter = qz_atomic_new(0);
    qz_val g = qz_group_new();
    qz_group_spawn(g, new4(sleeper_resume, 60000, counter, 1, 0));
    qz_group_spawn(g, new4(sleeper_resume, 5, counter, 2, 0));
    qz_group_spawn(g, new4(sleeper_resume, 60000, counter, 3, 0));
    qz_val t0 = qz_time_now_ms();
    CHECK_INT(qz_group_first_sync(g), 2);
    qz_group_cancel(g);
    CHECK_INT(qz_group_wait_sync(g), 3);
    CHECK(ms_since(t0) < 5000);
    CHECK_INT(qz_atomic_load(counter), 2);

    qz_val slow = qz_group_new();
    qz_group_spawn(slow, new4(sleeper_resume, 60000, counter, 1, 0));
    t0 = qz_time_now_ms();
    CHECK_INT(qz_group_wait_until_sync(slow, qz_deadline_after(30)), 0);
    CHECK(ms_since(t0) >= 25);
    qz_group_cancel(slow);
    CHECK_INT(qz_group_wait_until_sync(slow, qz_deadline_after(10000)), 1);
    CHECK_INT(qz_atomic_load(counter), 3);
}

static void test_scope_collects_go(void)
{
    qz_val counter = qz_atomic_new(0);
    qz_val g = qz_group_new();
    qz_scope_enter(g);
    for (int i = 0; i < 10; i++)
        go4(sleeper_resume, 5, counter, 1, 0);
    qz_scope_exit(g);
    qz_val outside = go4(sleeper_resume, 5, counter, 1, 0);
    CHECK_INT(qz_group_wait_sync(g), 10);
    qz_await_sync(outside);
}

/* frame: [0] key, [1] id. Sets its local, yields, calls a child that reads it; result: the child's read. */
static qz_val local_reader_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        FINISH(t, qz_task_local_get(f[0]));
    }
    abort();
}

static qz_val local_writer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        if (qz_task_local_get(f[0]) != 0)
            FINISH(t, -1);   /* not inherited from whoever started it */
        qz_task_local_set(f[0], f[1]);
        SUSPEND(t, 1, qz_yield_begin(t));
        /* fallthrough */
    case 1:
        CALL(t, 2, frame4(local_reader_resume, f[0], 0, 0, 0));
        /* fallthrough */
    case 2:
        FINISH(t, qz_task_io(t) == f[1] && qz_task_local_get(f[0]) == f[1] ? f[1] : -2);
    }
    abort();
}

static void test_task_locals(void)
{
    qz_val key = S("request");
    CHECK_INT(qz_task_local_get(key), 0);
    qz_task_local_set(key, 99);
    qz_val tasks[40];
    for (int i = 0; i < 40; i++)
        tasks[i] = go4(local_writer_resume, key, i + 1, 0, 0);
    for (int i = 0; i < 40; i++)
        CHECK_INT(qz_await_sync(tasks[i]), i + 1);
    CHECK_INT(qz_task_local_get(key), 99);
}

qz_val quartz_main(void)
{
    watchdog(60);
    test_wait_counts_every_task();
    test_cancel_wakes_sleepers_and_receivers();
    test_cancel_call_chain();
    test_race_and_deadline();
    test_scope_collects_go();
    test_task_locals();
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
    printf("group: %d checks, %d failed\n", qt_checks, qt_failures);
    return qt_failures;
}
