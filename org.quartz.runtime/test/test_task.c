/* Tests for rt_task.c, rt_sched.c and rt_timer.c: hand-written tasks. */
#include "qz_tasks.h"

/* frame: [0] x. Result: x * 2, at once. */
static qz_val double_resume(qz_val t)
{
    FINISH(t, FRAME(t)[0] * 2);
}

/* frame: [0] other task. Awaits it twice; result: both results summed. */
static qz_val await_twice_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_await_begin(t, f[0]));
        /* fallthrough */
    case 1:
        f[1] = qz_task_io(t);
        SUSPEND(t, 2, qz_await_begin(t, f[0]));
        /* fallthrough */
    case 2:
        FINISH(t, f[1] + qz_task_io(t));
    }
    abort();
}

/* frame: [0] ch, [1] expected first value (FIFO check), [2] count ok, [3] sum.
 * recv_opt until closed; result: sum, or -1 if the order was wrong. */
static qz_val fifo_consumer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
    loop:
        SUSPEND(t, 1, qz_recv_opt_begin(t, f[0]));
        /* fallthrough */
    case 1: {
        qz_val o = qz_task_io(t);
        if (!qz_is_some(o))
            FINISH(t, f[2] < 0 ? -1 : f[3]);
        qz_val v = qz_unwrap(o);
        if (v != f[1])
            f[2] = -1;
        f[1]++;
        f[3] += v;
        goto loop;
    }
    }
    abort();
}

/* frame: [0] ch. One plain recv; result: the value. */
static qz_val recv_once_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* frame: [0] ch, [1] ms. recv_timeout; result: the value, or -1 for None. */
static qz_val recv_timeout_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_recv_timeout_begin(t, f[0], f[1]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_unwrap_or(qz_task_io(t), -1));
    }
    abort();
}

/* frame: [0] ms. Sleeps; result: the milliseconds it took. */
static qz_val sleep_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[1] = qz_time_now_ms();
        SUSPEND(t, 1, qz_sleep_begin(t, f[0]));
        /* fallthrough */
    case 1:
        FINISH(t, ms_since(f[1]));
    }
    abort();
}

/* frame: [0] rounds, [1] shared atomic counter, [2] i. Yields between increments. */
static qz_val yield_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = 0;
    loop:
        if (f[2] >= f[0])
            FINISH(t, f[2]);
        atomic_fetch_add((atomic_long *)rt_ptr(f[1]), 1);
        SUSPEND(t, 1, qz_yield_begin(t));
        /* fallthrough */
    case 1:
        f[2]++;
        goto loop;
    }
    abort();
}

/* frame: [0] n. Spawns a child (double of n) and awaits it: tasks spawning tasks. */
static qz_val parent_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[1] = go4(double_resume, f[0], 0, 0, 0);
        SUSPEND(t, 1, qz_await_begin(t, f[1]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t) + 1);
    }
    abort();
}

static qz_val panic_resume(qz_val t)
{
    (void)t;
    qz_panic(S("boom in a task"));
}

static void spawn_panicking(const void *arg)
{
    (void)arg;
    qz_puts(S("before"));
    qz_await_sync(go4(panic_resume, 0, 0, 0, 0));
    qz_puts(S("not reached"));
}

static void test_panic_in_task(void)
{
    CHECK_PANIC(spawn_panicking, NULL, "boom in a task", "before\n");
}

/* frame: [0] promise, [1] ms, [2] value. Sleeps, then finishes the promise with value. */
static qz_val fulfil_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_sleep_begin(t, f[1]));
        /* fallthrough */
    case 1:
        qz_task_finish(f[0], f[2]);
        FINISH(t, 0);
    }
    abort();
}

static void spawn_promise(const void *arg)
{
    (void)arg;
    qz_task_spawn(qz_task_new_promise());
}

static void test_promise_spawn_panics(void)
{
    CHECK_PANIC(spawn_promise, NULL, "a promise cannot be spawned", "");
}

static void test_promise(void)
{
    /* Finished at once: awaiting gives the value, from main and from a task. */
    qz_val p = qz_task_new_promise();
    CHECK_INT(qz_task_done(p), 0);
    qz_task_finish(p, 6);
    CHECK_INT(qz_task_done(p), 1);
    CHECK_INT(qz_await_sync(p), 6);
    CHECK_INT(qz_await_sync(go4(await_twice_resume, p, 0, 0, 0)), 12);
    /* Finished later by a task: a parked task and main both get the value. */
    qz_val q = qz_task_new_promise();
    qz_val w = go4(await_twice_resume, q, 0, 0, 0);
    go4(fulfil_resume, q, 30, 21, 0);
    CHECK_INT(qz_task_done(q), 0);
    CHECK_INT(qz_await_sync(q), 21);
    CHECK_INT(qz_await_sync(w), 42);
}

static void test_spawn_await(void)
{
    qz_val t = go4(double_resume, 21, 0, 0, 0);
    CHECK_INT(qz_await_sync(t), 42);
    CHECK_INT(qz_await_sync(t), 42);    /* a finished task again: same value */
    CHECK_INT(qz_task_done(t), 1);
    CHECK_INT(qz_task_result(t), 42);
    qz_val a = go4(await_twice_resume, t, 0, 0, 0);
    CHECK_INT(qz_await_sync(a), 84);
    /* Awaiting a task that has not finished yet, from a task and from main. */
    qz_val ch = qz_chan_new(0);
    qz_val r = go4(recv_once_resume, ch, 0, 0, 0);
    qz_val w = go4(await_twice_resume, r, 0, 0, 0);
    qz_sleep_sync(20);
    CHECK_INT(qz_task_done(r), 0);
    CHECK_INT(qz_task_done(w), 0);
    CHECK_INT(qz_send_sync(ch, 5), 1);
    CHECK_INT(qz_await_sync(w), 10);
    CHECK_INT(qz_await_sync(go4(parent_resume, 4, 0, 0, 0)), 9);
}

static void test_rendezvous_tasks(void)
{
    qz_val ch = qz_chan_new(0);
    qz_val c = go4(fifo_consumer_resume, ch, 1, 0, 0);
    qz_val p = go4(producer_resume, ch, 1, 500, 0);
    CHECK_INT(qz_await_sync(p), 500);
    qz_chan_close(ch);
    CHECK_INT(qz_await_sync(c), 500 * 501 / 2);
    /* An unbuffered send waits for its receiver. */
    qz_val ch2 = qz_chan_new(0);
    qz_val p2 = go4(producer_resume, ch2, 7, 1, 0);
    qz_sleep_sync(30);
    CHECK_INT(qz_task_done(p2), 0);
    CHECK_INT(qz_recv_sync(ch2), 7);
    CHECK_INT(qz_await_sync(p2), 1);
}

static void test_close_tasks(void)
{
    /* Receivers parked on an empty channel are all woken by close. */
    qz_val ch = qz_chan_new(4);
    qz_val r[4];
    for (int i = 0; i < 3; i++)
        r[i] = go4(recv_once_resume, ch, 0, 0, 0);
    r[3] = go4(fifo_consumer_resume, ch, 0, 0, 0);
    qz_sleep_sync(20);
    for (int i = 0; i < 4; i++)
        CHECK_INT(qz_task_done(r[i]), 0);
    qz_chan_close(ch);
    for (int i = 0; i < 4; i++)
        CHECK_INT(qz_await_sync(r[i]), 0);
    /* A sender parked on a full channel gets false. */
    qz_val full = qz_chan_new(2);
    qz_val p = go4(producer_resume, full, 1, 10, 0);
    qz_sleep_sync(20);
    CHECK_INT(qz_task_done(p), 0);
    qz_chan_close(full);
    CHECK_INT(qz_await_sync(p), 2);
    CHECK_INT(qz_recv_sync(full), 1);
    CHECK_INT(qz_recv_sync(full), 2);
    CHECK_INT(qz_recv_sync(full), 0);
}

static void test_fifo_buffered(void)
{
    qz_val ch = qz_chan_new(3);
    qz_val c = go4(fifo_consumer_resume, ch, 100, 0, 0);
    qz_val p = go4(producer_resume, ch, 100, 2000, 0);
    CHECK_INT(qz_await_sync(p), 2000);
    qz_chan_close(ch);
    qz_val sum = 0;
    for (int i = 100; i < 2100; i++)
        sum += i;
    CHECK_INT(qz_await_sync(c), sum);
}

static void test_sleep_and_timeout(void)
{
    qz_val s = go4(sleep_resume, 50, 0, 0, 0);
    qz_val s0 = go4(sleep_resume, 0, 0, 0, 0);
    qz_val took = qz_await_sync(s);
    CHECK(took >= 50 && took < 3000);
    CHECK(qz_await_sync(s0) < 3000);
    qz_val ch = qz_chan_new(0);
    qz_val t0 = qz_time_now_ms();
    CHECK_INT(qz_await_sync(go4(recv_timeout_resume, ch, 40, 0, 0)), -1);
    qz_val el = ms_since(t0);
    CHECK(el >= 40 && el < 3000);
    /* A value before the deadline wins; the timer is cancelled. */
    qz_val r = go4(recv_timeout_resume, ch, 10000, 0, 0);
    qz_sleep_sync(10);
    CHECK_INT(qz_send_sync(ch, 3), 1);
    CHECK_INT(qz_await_sync(r), 3);
}

static void test_yield(void)
{
    atomic_long counter = 0;
    qz_val t[8];
    for (int i = 0; i < 8; i++)
        t[i] = go4(yield_resume, 100, rt_val(&counter), 0, 0);
    for (int i = 0; i < 8; i++)
        CHECK_INT(qz_await_sync(t[i]), 100);
    CHECK_INT(atomic_load(&counter), 800);
}

static void test_shutdown(void)
{
    CHECK_INT(rt_sched_running(), 1);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_running(), 0);
    CHECK_INT(rt_sched_live_allocs(), 0);   /* workers, queues, timer heap: all freed */
    qz_sched_shutdown();                    /* no scheduler: nothing to do */
    /* Channels, close and finished tasks keep working without a scheduler. */
    qz_val ch = qz_chan_new(1);
    CHECK_INT(qz_try_send(ch, 1), 1);
    qz_chan_close(ch);
    CHECK_INT(qz_recv_sync(ch), 1);
    /* The next spawn starts a fresh scheduler, timers included. */
    qz_val t = go4(double_resume, 5, 0, 0, 0);
    CHECK_INT(qz_await_sync(t), 10);
    CHECK_INT(qz_await_sync(go4(sleep_resume, 5, 0, 0, 0)) >= 5, 1);
    /* Shutdown waits for unfinished tasks. */
    qz_val s = go4(sleep_resume, 60, 0, 0, 0);
    qz_sched_shutdown();
    CHECK_INT(qz_task_done(s), 1);
    CHECK_INT(qz_task_result(s) >= 60, 1);
    CHECK_INT(rt_sched_live_allocs(), 0);
    qz_sched_init(3);
    CHECK_INT(qz_await_sync(go4(parent_resume, 1, 0, 0, 0)), 3);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
}

/* frame: [0] &thread id. Records the worker thread it ran on. */
static qz_val thread_id_resume(qz_val t)
{
    *(pthread_t *)rt_ptr(FRAME(t)[0]) = pthread_self();
    FINISH(t, 0);
}

/* frame: [0] &arrived, [1] how many must arrive. Result: 1 if all arrived within 5 s, which
 * needs that many workers running at once (it never parks). */
static qz_val rendezvous_resume(qz_val t)
{
    atomic_long *arrived = rt_ptr(FRAME(t)[0]);
    atomic_fetch_add(arrived, 1);
    qz_val deadline = qz_time_now_ms() + 5000;
    while (atomic_load(arrived) < FRAME(t)[1] && qz_time_now_ms() < deadline) {
    }
    FINISH(t, atomic_load(arrived) >= FRAME(t)[1]);
}

/* frame: [0] n, [1] ch (0: no wait at the bottom). Calls itself n deep; the bottom one
 * receives from ch (or gives 0); each level adds 1. */
static qz_val chain_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        if (f[0] == 0) {
            if (f[1] == 0)
                FINISH(t, 0);
            SUSPEND(t, 2, qz_recv_begin(t, f[1]));
            FINISH(t, qz_task_io(t));
        }
        CALL(t, 1, frame4(chain_resume, f[0] - 1, f[1], 0, 0));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t) + 1);
    case 2:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* Calls of waiting functions: frames run at once on the caller's stack, park and come back,
 * and a chain far deeper than a worker's stack could hold works. */
static void test_frames(void)
{
    CHECK_INT(qz_await_sync(go4(chain_resume, 100, 0, 0, 0)), 100);   /* never parks */
    qz_val ch = qz_chan_new(1);
    qz_val deep = go4(chain_resume, 100000, ch, 0, 0);
    qz_sleep_sync(20);
    CHECK_INT(qz_task_done(deep), 0);   /* parked at the bottom */
    qz_send_sync(ch, 5);
    CHECK_INT(qz_await_sync(deep), 100005);
}

/* QUARTZ_WORKERS sets the default worker count; an explicit count wins; junk is ignored. */
static void test_workers_from_environment(void)
{
    qz_sched_shutdown();
    setenv("QUARTZ_WORKERS", "1", 1);
    qz_sched_init(0);   /* forget test_shutdown's sched_init(3): back to the default */
    pthread_t ids[40];
    qz_val tasks[40];
    for (int i = 0; i < 40; i++)
        tasks[i] = go4(thread_id_resume, rt_val(&ids[i]), 0, 0, 0);
    pthread_t main_thread = pthread_self(), worker = main_thread;
    int one_worker = 1;
    for (int i = 0; i < 40; i++) {
        qz_await_sync(tasks[i]);
        if (pthread_equal(ids[i], main_thread))
            continue;   /* main runs tasks while it waits */
        if (pthread_equal(worker, main_thread))
            worker = ids[i];
        one_worker &= pthread_equal(ids[i], worker) != 0;
    }
    CHECK(one_worker);   /* one worker ran all the others */
    qz_sched_shutdown();

    for (int round = 0; round < 3; round++) {
        /* QUARTZ_WORKERS=3; sched_init(3) over QUARTZ_WORKERS=1; junk: one per CPU. */
        setenv("QUARTZ_WORKERS", round == 0 ? "3" : round == 1 ? "1" : "lots", 1);
        qz_sched_init(round == 1 ? 3 : 0);
        int need = round < 2 ? 3 : sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
        atomic_long arrived = 0;
        qz_val r[3];
        for (int i = 0; i < need; i++)
            r[i] = go4(rendezvous_resume, rt_val(&arrived), need, 0, 0);
        int all = 1;
        for (int i = 0; i < need; i++)
            all &= qz_await_sync(r[i]) == 1;
        CHECK(all);
        qz_sched_shutdown();
    }
    unsetenv("QUARTZ_WORKERS");
}

static pthread_t main_thread_id;

/* frame: [0] in, [1] out, [2] &runs on main, [3] rounds. Receives, sends back the value + 1. */
static qz_val echo_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
    loop:
        if (f[3] == 0)
            FINISH(t, 0);
        SUSPEND(t, 1, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 1:
        if (pthread_equal(pthread_self(), main_thread_id))
            atomic_fetch_add((atomic_long *)rt_ptr(f[2]), 1);
        SUSPEND(t, 2, qz_send_begin(t, f[1], qz_task_io(t) + 1));
        /* fallthrough */
    case 2:
        f[3]--;
        goto loop;
    }
    abort();
}

/* Main waiting for a task runs it on its own thread: a task main woke runs in main's
 * wait, with no other worker woken (rt_sched.c). Most round trips (not all: sysmon
 * hands a task on when main is descheduled for a millisecond) run on main. */
static void test_main_runs_tasks_while_waiting(void)
{
    enum { ROUNDS = 2000 };
    main_thread_id = pthread_self();
    qz_val in = qz_chan_new(0), out = qz_chan_new(0);
    atomic_long on_main = 0;
    qz_val echo = go4(echo_resume, in, out, rt_val(&on_main), ROUNDS);
    int replies = 1;
    for (int i = 0; i < ROUNDS; i++) {
        CHECK_INT(qz_send_sync(in, i), 1);
        replies &= qz_recv_sync(out) == i + 1;
    }
    CHECK(replies);
    CHECK_INT(qz_await_sync(echo), 0);
    CHECK(atomic_load(&on_main) >= ROUNDS * 9 / 10);
}

/* frame: [0] ch, [1] &flag. Sets flag once it received. */
static qz_val flag_on_recv_resume(qz_val t)
{
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_recv_begin(t, FRAME(t)[0]));
        /* fallthrough */
    case 1:
        atomic_store((atomic_int *)rt_ptr(FRAME(t)[1]), 1);
        FINISH(t, 0);
    }
    abort();
}

/* A task main woke is not left waiting while main runs plain code: sysmon hands it to a
 * worker within a few milliseconds - the first time (sysmon starts) and again after
 * sysmon went to sleep for want of deferrals (300 ms > its 100 idle ticks). */
static void test_main_deferred_task_runs(void)
{
    for (int round = 0; round < 2; round++) {
        qz_val ch = qz_chan_new(0);
        atomic_int flag = 0;
        qz_val t = go4(flag_on_recv_resume, ch, rt_val(&flag), 0, 0);
        qz_sleep_sync(round == 0 ? 20 : 300);   /* parked in recv: main's send defers it */
        CHECK_INT(qz_send_sync(ch, 1), 1);
        qz_val t0 = qz_time_now_ms();
        while (!atomic_load(&flag) && qz_time_now_ms() - t0 < 5000) {
        }
        CHECK_INT(atomic_load(&flag), 1);
        CHECK(qz_time_now_ms() - t0 < 1000);
        CHECK_INT(qz_await_sync(t), 0);
    }
}

/* frame: [0] ch1, [1] ch2, [2] &flag, [3] &outcome. Wakes the receivers of ch1 and ch2
 * (the second takes the next slot, the first goes behind it in the queue), then runs
 * plain code until flag is set or 3 s passed; outcome: 2 flag set meanwhile, 1 not. */
static qz_val wake_two_then_spin_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_send_begin(t, f[0], 1));
        /* fallthrough */
    case 1:
        SUSPEND(t, 2, qz_send_begin(t, f[1], 1));
        /* fallthrough */
    case 2: {
        atomic_int *flag = rt_ptr(f[2]);
        qz_val t0 = qz_time_now_ms();
        while (!atomic_load(flag) && qz_time_now_ms() - t0 < 3000) {
        }
        qz_val spun_ms = qz_time_now_ms() - t0;
        atomic_store((atomic_int *)rt_ptr(f[3]), 1 + atomic_load(flag));
        FINISH(t, spun_ms);
    }
    }
    abort();
}

/* A task queued behind a running one wakes no other worker (rt_sched.c), but it does not
 * wait for that task either: sysmon sees the queue make no progress and wakes an idle
 * worker, which steals it within a few ticks. */
static void test_queued_task_stolen_from_busy_worker(void)
{
    qz_sched_shutdown();
    qz_sched_init(2);
    qz_val ch1 = qz_chan_new(0), ch2 = qz_chan_new(0);
    atomic_int flag = 0, outcome = 0;
    qz_val r1 = go4(flag_on_recv_resume, ch1, rt_val(&flag), 0, 0);
    qz_val r2 = go4(flag_on_recv_resume, ch2, rt_val(&flag), 0, 0);
    qz_sleep_sync(20);   /* both parked in recv */
    qz_val waker = go4(wake_two_then_spin_resume, ch1, ch2, rt_val(&flag), rt_val(&outcome));
    /* Main does not wait (it would run tasks meanwhile): the waker runs on a worker. */
    qz_val t0 = qz_time_now_ms();
    while (atomic_load(&outcome) == 0 && qz_time_now_ms() - t0 < 5000) {
    }
    CHECK_INT(atomic_load(&outcome), 2);
    CHECK(qz_await_sync(waker) < 1000);
    CHECK_INT(qz_await_sync(r1), 0);
    CHECK_INT(qz_await_sync(r2), 0);
    qz_sched_shutdown();
}

/* frame: [0] a 2-word Vec of the outer frames called, [1] the results (2 words). Calls
 * chain(1) twice: each call makes a frame, which calls chain(0). */
static qz_val frame_reuse_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    qz_val *frames = rt_ptr(f[0]), *results = rt_ptr(f[1]);
    switch (qz_task_state(t)) {
    case 0:
        frames[0] = frame4(chain_resume, 1, 0, 0, 0);
        CALL(t, 1, frames[0]);
        /* fallthrough */
    case 1:
        results[0] = qz_task_io(t);
        frames[1] = frame4(chain_resume, 1, 0, 0, 0);
        CALL(t, 2, frames[1]);
        /* fallthrough */
    case 2:
        results[1] = qz_task_io(t);
        FINISH(t, 0);
    }
    abort();
}

/* A call of a waiting function in a loop allocates nothing: the frame of the last call
 * that returned is the next one's (rt_task.c), cleared, so it starts from its beginning
 * although it had finished in another state. */
static void test_frame_reused(void)
{
    qz_val *frames = rt_alloc(2 * sizeof *frames), *results = rt_alloc(2 * sizeof *results);
    CHECK_INT(qz_await_sync(go4(frame_reuse_resume, rt_val(frames), rt_val(results), 0, 0)), 0);
    CHECK(frames[0] == frames[1]);
    CHECK_INT(results[0], 1);
    CHECK_INT(results[1], 1);
}

/* The task header holds only what every task needs (rt_internal.h). */
static void test_header_size(void)
{
    fprintf(stderr, "task header: %zu bytes; queue park record: %zu bytes\n", sizeof(struct rt_task),
           sizeof(struct rt_queue_park));
    CHECK(sizeof(struct rt_task) <= 128);
}

enum { PARK_ROUNDS = 40 };

/* frame: [0] ch, [1] mutex, [2] i, [3] the park record after each operation (3 per round). */
static qz_val park_reuse_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    struct rt_task *task = rt_ptr(t);
    qz_val *seen = rt_ptr(f[3]);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = 0;
    loop:
        if (f[2] == PARK_ROUNDS)
            FINISH(t, 0);
        SUSPEND(t, 1, qz_mutex_lock_begin(t, f[1]));
        /* fallthrough */
    case 1:
        qz_mutex_unlock(f[1]);
        seen[3 * f[2]] = rt_val(atomic_load(&task->park));
        SUSPEND(t, 2, qz_recv_begin(t, f[0]));
        /* fallthrough */
    case 2:
        seen[3 * f[2] + 1] = rt_val(atomic_load(&task->park));
        SUSPEND(t, 3, qz_sleep_begin(t, 0));
        /* fallthrough */
    case 3:
        seen[3 * f[2] + 2] = rt_val(atomic_load(&task->park));
        f[2]++;
        goto loop;
    }
    abort();
}

/* A task that waits in a loop keeps one park record: it grows once (a queue park,
 * then the larger arms park) and is reused from then on, whatever the operation. */
static void test_park_record_reused(void)
{
    qz_val ch = qz_chan_new(0), m = qz_mutex_new(0);
    qz_val *seen = rt_alloc(3 * PARK_ROUNDS * sizeof *seen);
    qz_val t = go4(park_reuse_resume, ch, m, 0, rt_val(seen));
    for (int i = 0; i < PARK_ROUNDS; i++) {
        qz_mutex_lock_sync(m);      /* contended sometimes: the task parks on it */
        qz_mutex_unlock(m);
        CHECK_INT(qz_send_sync(ch, i), 1);
    }
    CHECK_INT(qz_await_sync(t), 0);
    int stable = seen[0] != 0;
    for (int k = 1; k < 3 * PARK_ROUNDS; k++)
        stable &= seen[k] == seen[1];
    CHECK(stable);
}

qz_val quartz_main(void)
{
    watchdog(60);
    RUN(test_panic_in_task);   /* first: fork before this process has threads */
    RUN(test_promise_spawn_panics);
    RUN(test_spawn_await);
    RUN(test_promise);
    RUN(test_rendezvous_tasks);
    RUN(test_close_tasks);
    RUN(test_fifo_buffered);
    RUN(test_sleep_and_timeout);
    RUN(test_yield);
    RUN(test_frames);
    RUN(test_frame_reused);
    RUN(test_header_size);
    RUN(test_park_record_reused);
    RUN(test_main_runs_tasks_while_waiting);
    RUN(test_main_deferred_task_runs);
    RUN(test_shutdown);
    RUN(test_queued_task_stolen_from_busy_worker);
    RUN(test_workers_from_environment);
    return qt_done("task");
}
