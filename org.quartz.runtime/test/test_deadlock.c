/*
 * Tests for rt_deadlock.c: main waiting forever for tasks that can never run is
 * "fatal error: all tasks are asleep - deadlock!" with exit code 2, stdout flushed
 * first; main waiting for tasks that a timer, I/O or another task will wake is not.
 * Also the other wait that could hang: a blocking wait on a worker thread is a
 * fatal error (rt_wait.c). Each case runs in a forked child (an undetected
 * deadlock is killed by alarm).
 */
#include "qz_tasks.h"

static const char DEADLOCK[] = "fatal error: all tasks are asleep - deadlock!\n";

/* frame: [0] ch. Receives once; result: the value. */
static qz_val recv_resume(qz_val t)
{
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_recv_begin(t, FRAME(t)[0]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* frame: [0] ms, [1] ch. Sleeps, then sends 7. */
static qz_val sleep_send_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_sleep_begin(t, f[0]));
        /* fallthrough */
    case 1:
        SUSPEND(t, 2, qz_send_begin(t, f[1], 7));
        /* fallthrough */
    case 2:
        FINISH(t, 0);
    }
    abort();
}

/* frame: [0] in, [1] out, [2] rounds. Echoes rounds values from in to out. */
static qz_val echo_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
    loop:
        if (f[2]-- == 0)
            FINISH(t, 0);
        SUSPEND(t, 1, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 1:
        SUSPEND(t, 2, qz_send_begin(t, f[1], qz_task_io(t)));
        /* fallthrough */
    case 2:
        goto loop;
    }
    abort();
}

static void start(const void *arg)
{
    alarm(10);
    qz_sched_init((qz_val)(intptr_t)arg);
}

static void recv_with_no_tasks(const void *arg)
{
    (void)arg;
    alarm(10);
    qz_puts(rt_str_from("before", 6));
    qz_recv_sync(qz_chan_new(0));
}

static void await_a_task_that_waits_forever(const void *workers)
{
    start(workers);
    qz_await_sync(go4(recv_resume, qz_chan_new(0), 0, 0, 0));
}

static void forgotten_close(const void *workers)
{
    start(workers);
    qz_val ch = qz_chan_new(0);
    go4(producer_resume, ch, 0, 3, 0);   /* sends 0, 1, 2 and ends without closing */
    for (;;) {
        qz_val v = qz_recv_opt_sync(ch);
        if (!qz_is_some(v))
            break;
        qz_print(qz_int_to_s(qz_unwrap(v)));
    }
}

static void shutdown_with_a_stuck_task(const void *workers)
{
    start(workers);
    go4(recv_resume, qz_chan_new(1), 0, 0, 0);
    qz_sched_shutdown();
}

static void check_deadlock(void (*body)(const void *), const void *arg, const char *want_out, int line)
{
    struct qt_child c = qt_run(body, arg, 0);
    qt_check_int(qt_exit_code(&c), 2, "exit code", __FILE__, line);
    qt_check_str(rt_str_from(c.err, (int64_t)c.err_len), DEADLOCK, "stderr", __FILE__, line);
    qt_check_str(rt_str_from(c.out, (int64_t)c.out_len), want_out, "stdout", __FILE__, line);
    qt_child_free(&c);
}

static void test_deadlocks_are_reported(void)
{
    check_deadlock(recv_with_no_tasks, NULL, "before\n", __LINE__);
    for (intptr_t workers = 1; workers <= 2; workers++) {
        check_deadlock(await_a_task_that_waits_forever, (const void *)workers, "", __LINE__);
        check_deadlock(forgotten_close, (const void *)workers, "012", __LINE__);
        check_deadlock(shutdown_with_a_stuck_task, (const void *)workers, "", __LINE__);
    }
}

/* Waits that a timer or another task ends: no deadlock, however the races fall. */
static void no_false_deadlock(const void *workers)
{
    start(workers);
    qz_val ch = qz_chan_new(0);
    go4(sleep_send_resume, 30, ch, 0, 0);
    if (qz_recv_sync(ch) != 7)
        _exit(3);
    qz_val t = go4(sleep_send_resume, 20, qz_chan_new(1), 0, 0);
    qz_await_sync(t);
    enum { ROUNDS = 20000 };
    qz_val in = qz_chan_new(0), out = qz_chan_new(0);
    go4(echo_resume, in, out, ROUNDS, 0);
    for (qz_val i = 0; i < ROUNDS; i++) {
        qz_send_sync(in, i);
        if (qz_recv_sync(out) != i)
            _exit(4);
    }
    qz_sched_shutdown();
    qz_puts(rt_str_from("fine", 4));
}

static void test_waits_that_end_are_not_deadlocks(void)
{
    for (intptr_t workers = 1; workers <= 2; workers++) {
        struct qt_child c = qt_run(no_false_deadlock, (const void *)workers, 0);
        CHECK_INT(qt_exit_code(&c), 0);
        CHECK_STR(rt_str_from(c.out, (int64_t)c.out_len), "fine\n");
        CHECK_STR(rt_str_from(c.err, (int64_t)c.err_len), "");
        qt_child_free(&c);
    }
}

/* frame: [0] ch. Wrongly uses the blocking receive inside a task. */
static qz_val blocking_resume(qz_val t)
{
    FINISH(t, qz_recv_sync(FRAME(t)[0]));
}

static void block_a_worker(const void *workers)
{
    start(workers);
    qz_puts(rt_str_from("start", 5));
    qz_await_sync(go4(blocking_resume, qz_chan_new(0), 0, 0, 0));
}

static void test_a_blocking_wait_in_a_task_is_fatal(void)
{
    struct qt_child c = qt_run(block_a_worker, (const void *)(intptr_t)2, 0);
    CHECK_INT(qt_exit_code(&c), 2);
    CHECK_STR(rt_str_from(c.err, (int64_t)c.err_len),
              "fatal error: a blocking wait ran on a worker thread (a task must park instead)\n");
    CHECK_STR(rt_str_from(c.out, (int64_t)c.out_len), "start\n");
    qt_child_free(&c);
}

qz_val quartz_main(void)
{
    RUN(test_a_blocking_wait_in_a_task_is_fatal);
    RUN(test_deadlocks_are_reported);
    RUN(test_waits_that_end_are_not_deadlocks);
    return qt_done("deadlock");
}
