/* Tests for rt_blocking.c: the pool of threads that make blocking calls for parked tasks. */
#include "qz_tasks.h"

#include <errno.h>
#include <time.h>

/* A task form's start of a pool call, as rt_file.c's: the precheck, then the pool. */
static qz_val pool_begin(qz_val task, rt_blocking_fn fn, qz_val a, qz_val b)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    return rt_blocking_begin(t, fn, a, b);
}

/* frame: [0] the call, [1] a, [2] b. Result: the call's result, or -7 when interrupted. */
static qz_val caller_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, pool_begin(t, (rt_blocking_fn)(intptr_t)f[0], f[1], f[2]));
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t))
            FINISH(t, -7);
        FINISH(t, qz_task_io(t));
    }
    abort();
}

static qz_val go_call(rt_blocking_fn fn, qz_val a, qz_val b)
{
    return go4(caller_resume, FN(fn), a, b, 0);
}

/* frame: [0] the call, [1] a. Two calls in a row; result: first * 10 + 1 when the second was
 * interrupted (a cancellation while the first ran stops the task at its next wait). */
static qz_val two_calls_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, pool_begin(t, (rt_blocking_fn)(intptr_t)f[0], f[1], 0));
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t))
            FINISH(t, -7);
        f[2] = qz_task_io(t);
        SUSPEND(t, 2, pool_begin(t, (rt_blocking_fn)(intptr_t)f[0], f[1], 0));
        /* fallthrough */
    case 2:
        FINISH(t, f[2] * 10 + (qz_task_interrupted(t) ? 1 : 0));
    }
    abort();
}

/* Waits (as a task) until *flag is set, at most 5 s: its own deadline, so a bug fails instead of hanging. */
static int wait_for(atomic_int *flag, int want)
{
    for (int i = 0; i < 5000 && atomic_load(flag) < want; i++)
        usleep(1000);
    return atomic_load(flag) >= want;
}

/* ---- calls ---- */

enum { MANY = 300 };
static atomic_int calls_made;
static atomic_int seen[MANY];

/* a * 2 after b microseconds; counts each a it sees. */
static qz_val double_slowly(qz_val a, qz_val b)
{
    usleep((useconds_t)b);
    atomic_fetch_add(&seen[a], 1);
    atomic_fetch_add(&calls_made, 1);
    return a * 2;
}

/* A gate: calls wait until it opens, counting how many wait at once. */
static pthread_mutex_t gate_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static int gate_open;
static atomic_int in_gate, most_in_gate;

static qz_val gate_wait(qz_val a, qz_val b)
{
    (void)b;
    pthread_mutex_lock(&gate_mu);
    int now = atomic_fetch_add(&in_gate, 1) + 1;
    if (now > atomic_load(&most_in_gate))
        atomic_store(&most_in_gate, now);
    while (!gate_open)
        pthread_cond_wait(&gate_cv, &gate_mu);
    atomic_fetch_sub(&in_gate, 1);
    pthread_mutex_unlock(&gate_mu);
    atomic_fetch_add(&calls_made, 1);
    return a;
}

static void set_gate(int open)
{
    pthread_mutex_lock(&gate_mu);
    gate_open = open;
    pthread_cond_broadcast(&gate_cv);
    pthread_mutex_unlock(&gate_mu);
}

static void reset(void)
{
    atomic_store(&calls_made, 0);
    atomic_store(&in_gate, 0);
    atomic_store(&most_in_gate, 0);
    for (int i = 0; i < MANY; i++)
        atomic_store(&seen[i], 0);
    set_gate(0);
}

/* Checks that the scheduler and the pool went away with nothing left behind. */
static void shut_down(void)
{
    qz_sched_shutdown();
    CHECK_INT(rt_blocking_threads(), 0);
    CHECK_INT(rt_sched_live_allocs(), 0);
}

/* ---- tests ---- */

/* Many tasks at once, each its own call: every call runs exactly once and every task gets its
 * own result; never more threads than the bound. */
static void test_many_calls(void)
{
    reset();
    qz_sched_init(2);
    qz_val tasks[MANY];
    for (int i = 0; i < MANY; i++)
        tasks[i] = go_call(double_slowly, i, i % 7 * 100);
    int64_t wrong = 0, missing_or_twice = 0;
    for (int i = 0; i < MANY; i++)
        wrong += qz_await_sync(tasks[i]) != i * 2;
    for (int i = 0; i < MANY; i++)
        missing_or_twice += atomic_load(&seen[i]) != 1;
    CHECK_INT(wrong, 0);
    CHECK_INT(missing_or_twice, 0);
    CHECK_INT(atomic_load(&calls_made), MANY);
    CHECK(rt_blocking_threads() >= 1 && rt_blocking_threads() <= RT_BLOCKING_MAX_THREADS);
    shut_down();
}

/* More calls waiting at once than the bound: exactly the bound run, the rest queue, and all
 * complete once the gate opens. */
static void test_bounded(void)
{
    reset();
    enum { N = RT_BLOCKING_MAX_THREADS + 36 };
    qz_sched_init(2);
    qz_val tasks[N];
    for (int i = 0; i < N; i++)
        tasks[i] = go_call(gate_wait, i, 0);
    CHECK(wait_for(&in_gate, RT_BLOCKING_MAX_THREADS));
    usleep(50000);   /* time for a thread past the bound to show up, were there one */
    CHECK_INT(atomic_load(&in_gate), RT_BLOCKING_MAX_THREADS);
    CHECK_INT(rt_blocking_threads(), RT_BLOCKING_MAX_THREADS);
    CHECK_INT(atomic_load(&calls_made), 0);
    set_gate(1);
    int64_t wrong = 0;
    for (int i = 0; i < N; i++)
        wrong += qz_await_sync(tasks[i]) != i;
    CHECK_INT(wrong, 0);
    CHECK_INT(atomic_load(&calls_made), N);
    CHECK_INT(atomic_load(&most_in_gate), RT_BLOCKING_MAX_THREADS);
    shut_down();
}

/* Calls run at the same time on several threads: eight calls that each wait for all eight. */
enum { TOGETHER = 8 };
static atomic_int arrived;

static qz_val meet(qz_val a, qz_val b)
{
    (void)a;
    (void)b;
    atomic_fetch_add(&arrived, 1);
    return wait_for(&arrived, TOGETHER);
}

static void test_calls_run_in_parallel(void)
{
    atomic_store(&arrived, 0);
    qz_sched_init(1);
    qz_val tasks[TOGETHER];
    for (int i = 0; i < TOGETHER; i++)
        tasks[i] = go_call(meet, 0, 0);
    int64_t met = 0;
    for (int i = 0; i < TOGETHER; i++)
        met += qz_await_sync(tasks[i]);
    CHECK_INT(met, TOGETHER);
    shut_down();
}

/* With one worker, a task parked in a call leaves the worker to the others: the call waits for
 * a flag that only another task sets (it would time out if the call held the worker). */
static atomic_int call_started, flag;

static qz_val wait_for_flag(qz_val a, qz_val b)
{
    (void)a;
    (void)b;
    atomic_store(&call_started, 1);
    return wait_for(&flag, 1);
}

static qz_val set_flag_resume(qz_val t)
{
    atomic_store(&flag, 1);
    FINISH(t, 0);
}

static void test_worker_stays_free(void)
{
    atomic_store(&call_started, 0);
    atomic_store(&flag, 0);
    qz_sched_init(1);
    qz_val waiter = go_call(wait_for_flag, 0, 0);
    CHECK(wait_for(&call_started, 1));   /* the call is in flight before the other task exists */
    qz_val setter = go4(set_flag_resume, 0, 0, 0, 0);
    qz_await_sync(setter);
    CHECK_INT(qz_await_sync(waiter), 1);
    shut_down();
}

/* Main waiting on a channel whose only sender is parked in a call is no deadlock: the pool
 * wakes it (without the outside count this ends the test binary with "all tasks are asleep"). */
static qz_val send_after_call_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, pool_begin(t, double_slowly, 21, 200000));
        /* fallthrough */
    case 1:
        SUSPEND(t, 2, qz_send_begin(t, f[0], qz_task_io(t)));
        /* fallthrough */
    case 2:
        FINISH(t, 0);
    }
    abort();
}

static void test_no_false_deadlock(void)
{
    reset();
    qz_sched_init(1);
    qz_val ch = qz_chan_new(0);
    go4(send_after_call_resume, ch, 0, 0, 0);
    CHECK_INT(qz_recv_sync(ch), 42);
    shut_down();
}

/* A cancellation while the call runs: the call finishes and is delivered; the task stops at its
 * next wait. */
static void test_cancel_running_call(void)
{
    reset();
    qz_sched_init(2);
    qz_val t = go4(two_calls_resume, FN(gate_wait), 5, 0, 0);
    CHECK(wait_for(&in_gate, 1));
    rt_task_cancel(rt_task_of(t));
    usleep(20000);
    CHECK_INT(qz_task_done(t), 0);   /* still waiting for its call */
    set_gate(1);
    CHECK_INT(qz_await_sync(t), 51);
    CHECK_INT(atomic_load(&calls_made), 1);
    shut_down();
}

/* A cancellation while the call is queued (every thread busy): the task stops at once and its
 * call never runs. */
static void test_cancel_queued_call(void)
{
    reset();
    qz_sched_init(2);
    qz_val busy[RT_BLOCKING_MAX_THREADS];
    for (int i = 0; i < RT_BLOCKING_MAX_THREADS; i++)
        busy[i] = go_call(gate_wait, i, 0);
    CHECK(wait_for(&in_gate, RT_BLOCKING_MAX_THREADS));
    qz_val queued = go_call(double_slowly, 3, 0);
    struct rt_task *q = rt_task_of(queued);
    for (int i = 0; i < 5000 && atomic_load(&q->run) != RT_PARKED; i++)
        usleep(1000);
    CHECK_INT(atomic_load(&q->run), RT_PARKED);
    rt_task_cancel(q);
    CHECK_INT(qz_await_sync(queued), -7);
    set_gate(1);
    for (int i = 0; i < RT_BLOCKING_MAX_THREADS; i++)
        qz_await_sync(busy[i]);
    shut_down();   /* joins the pool's threads: any call still to run has run */
    CHECK_INT(atomic_load(&seen[3]), 0);
    CHECK_INT(atomic_load(&calls_made), RT_BLOCKING_MAX_THREADS);
}

/* A fresh scheduler after a shutdown starts a fresh pool. */
static void test_restart(void)
{
    reset();
    for (int round = 0; round < 3; round++) {
        qz_val t = go_call(double_slowly, round, 0);
        CHECK_INT(qz_await_sync(t), round * 2);
        shut_down();
    }
}

qz_val quartz_main(void)
{
    watchdog(120);
    RUN(test_many_calls);
    RUN(test_bounded);
    RUN(test_calls_run_in_parallel);
    RUN(test_worker_stays_free);
    RUN(test_no_false_deadlock);
    RUN(test_cancel_running_call);
    RUN(test_cancel_queued_call);
    RUN(test_restart);
    return qt_done("test_blocking");
}
