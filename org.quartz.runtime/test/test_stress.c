/* Stress tests for the scheduler and channels: they end by themselves (bounded
 * loops, a watchdog) and check that no value is lost or duplicated. */
#include "qz_tasks.h"

enum { PRODUCERS = 6, CONSUMERS = 5, PER_PRODUCER = 3000 };
#define TOTAL (PRODUCERS * PER_PRODUCER)

static atomic_int seen[TOTAL];
static atomic_int order_errors;

/* frame: [0] ch, [1] producer id, [2] i. Sends id * PER_PRODUCER + i in order. */
static qz_val stress_producer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = 0;
    loop:
        if (f[2] >= PER_PRODUCER)
            FINISH(t, 0);
        SUSPEND(t, 1, qz_send_begin(t, f[0], f[1] * PER_PRODUCER + f[2]));
        /* fallthrough */
    case 1:
        if (!qz_task_io(t))
            FINISH(t, -1);
        f[2]++;
        if (f[2] % 97 == 0) {
            SUSPEND(t, 2, qz_yield_begin(t));
        }
        /* fallthrough */
    case 2:
        goto loop;
    }
    abort();
}

/* frame: [0] ch, [1] sum, [2] count, [3] last[] per producer (int64 array).
 * recv_opt until closed; checks each producer's values arrive in order. */
static qz_val consumer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[3] = qz_alloc(PRODUCERS * 8);
        for (int i = 0; i < PRODUCERS; i++)
            ((int64_t *)rt_ptr(f[3]))[i] = -1;
    loop:
        SUSPEND(t, 1, qz_recv_opt_begin(t, f[0]));
        /* fallthrough */
    case 1: {
        qz_val o = qz_task_io(t);
        if (!qz_is_some(o))
            FINISH(t, f[1]);
        qz_val v = qz_unwrap(o);
        int64_t *last = rt_ptr(f[3]);
        if (v < 0 || v >= TOTAL) {
            atomic_fetch_add(&order_errors, 1);
            goto loop;
        }
        if (v <= last[v / PER_PRODUCER])
            atomic_fetch_add(&order_errors, 1);
        last[v / PER_PRODUCER] = v;
        atomic_fetch_add(&seen[v], 1);
        f[1] += v;
        f[2]++;
        goto loop;
    }
    }
    abort();
}

/* frame: [0] ch, [1] first producer value offset id. Synchronous producer thread. */
struct sync_producer {
    qz_val ch, id;
};

static void *sync_producer_main(void *arg)
{
    struct sync_producer *p = arg;
    for (qz_val i = 0; i < PER_PRODUCER; i++)
        qz_send_sync(p->ch, p->id * PER_PRODUCER + i);
    return NULL;
}

static void run_mpmc(qz_val cap)
{
    for (int i = 0; i < TOTAL; i++)
        atomic_store(&seen[i], 0);
    atomic_store(&order_errors, 0);
    qz_val ch = qz_chan_new(cap);
    qz_val c[CONSUMERS], p[PRODUCERS - 1];
    for (int i = 0; i < CONSUMERS; i++)
        c[i] = go4(consumer_resume, ch, 0, 0, 0);
    for (int i = 0; i < PRODUCERS - 1; i++)
        p[i] = go4(stress_producer_resume, ch, i, 0, 0);
    /* The last producer is a plain thread: sync and task waiters share the queues. */
    struct sync_producer sp = { ch, PRODUCERS - 1 };
    pthread_t th;
    qt_thread_start(&th, sync_producer_main, &sp);
    for (int i = 0; i < PRODUCERS - 1; i++)
        CHECK_INT(qz_await_sync(p[i]), 0);
    qt_thread_join(th);
    qz_chan_close(ch);
    qz_val sum = 0;
    for (int i = 0; i < CONSUMERS; i++)
        sum += qz_await_sync(c[i]);
    CHECK_INT(sum, (qz_val)TOTAL * (TOTAL - 1) / 2);
    int bad = 0;
    for (int i = 0; i < TOTAL; i++)
        bad += atomic_load(&seen[i]) != 1;
    CHECK_INT(bad, 0);
    CHECK_INT(atomic_load(&order_errors), 0);
}

static void test_mpmc_buffered(void)
{
    run_mpmc(16);
}

static void test_mpmc_unbuffered(void)
{
    run_mpmc(0);
}

static qz_val square_resume(qz_val t)
{
    qz_val x = FRAME(t)[0];
    FINISH(t, x * x % 1000);
}

/* frame: [0] first, [1] count. Spawns count children and awaits each. */
static qz_val fan_out_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = qz_vec_with_capacity(f[1]);
        for (qz_val i = 0; i < f[1]; i++)
            qz_vec_push(f[2], go4(square_resume, f[0] + i, 0, 0, 0));
        f[3] = 0;
        f[4] = 0;
    loop:
        if (f[3] >= f[1])
            FINISH(t, f[4]);
        SUSPEND(t, 1, qz_await_begin(t, qz_vec_get(f[2], f[3])));
        /* fallthrough */
    case 1:
        f[4] += qz_task_io(t);
        f[3]++;
        goto loop;
    }
    abort();
}

static void test_many_tasks(void)
{
    enum { N = 100000, FROM_MAIN = 60000, PARENTS = 40 };
    qz_val want = 0;
    for (qz_val i = 0; i < N; i++)
        want += i * i % 1000;
    qz_val v = qz_vec_with_capacity(FROM_MAIN);
    for (qz_val i = 0; i < FROM_MAIN; i++)
        qz_vec_push(v, go4(square_resume, i, 0, 0, 0));
    /* The rest spawned from inside tasks (worker run queues, stealing). */
    qz_val per = (N - FROM_MAIN) / PARENTS;
    qz_val parents[PARENTS];
    for (int k = 0; k < PARENTS; k++)
        parents[k] = go4(fan_out_resume, FROM_MAIN + k * per, per, 0, 0);
    qz_val got = 0;
    for (qz_val i = 0; i < FROM_MAIN; i++)
        got += qz_await_sync(qz_vec_get(v, i));
    for (int k = 0; k < PARENTS; k++)
        got += qz_await_sync(parents[k]);
    CHECK_INT(got, want);
}

/* frame: [0] seed, [1] rounds, [2] i, [3] counter. Random sleeps and yields. */
static qz_val jitter_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = 0;
    loop:
        if (f[2] >= f[1])
            FINISH(t, f[2]);
        f[0] = (qz_val)(((uint64_t)f[0] * 6364136223846793005u + 1442695040888963407u) >> 1);
        atomic_fetch_add((atomic_long *)rt_ptr(f[3]), 1);
        if ((f[0] >> 33) % 2) {
            SUSPEND(t, 1, qz_sleep_begin(t, (f[0] >> 40) % 4));
        } else {
            SUSPEND(t, 1, qz_yield_begin(t));
        }
        /* fallthrough */
    case 1:
        f[2]++;
        goto loop;
    }
    abort();
}

static void test_jitter(void)
{
    enum { TASKS = 300, ROUNDS = 20 };
    static atomic_long counter;
    qz_val t[TASKS];
    qz_val t0 = qz_time_now_ms();
    for (int i = 0; i < TASKS; i++)
        t[i] = go4(jitter_resume, i + 1, ROUNDS, 0, rt_val(&counter));
    for (int i = 0; i < TASKS; i++)
        CHECK_INT(qz_await_sync(t[i]), ROUNDS);
    CHECK_INT(atomic_load(&counter), TASKS * ROUNDS);
    CHECK(ms_since(t0) < 20000);
}

qz_val quartz_main(void)
{
    watchdog(100);
    qz_sched_init(4);   /* more workers than cores: more interleavings */
    RUN(test_mpmc_buffered);
    RUN(test_mpmc_unbuffered);
    RUN(test_many_tasks);
    RUN(test_jitter);
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
    return qt_done("stress");
}
