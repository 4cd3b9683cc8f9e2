/*
 * rt_task.c - tasks: the object, the resume protocol, await, yield, sleep.
 *
 * A task is a heap object: a header (below) and the compiler's frame words. The
 * compiled resume function runs one step of the task's state machine:
 *     qz_val resume(qz_val task)    -> QZ_PENDING (parked) or QZ_DONE (finished)
 * The resume point is in the header (qz_task_state / qz_task_set_state); the
 * frame is the compiler's alone. A *_begin operation returns 1 when it completed
 * at once (result in the io word), or 0 when the task is now registered as a
 * waiter; the compiled code saves its state and returns QZ_PENDING, and the next
 * resume finds the result in the io word.
 *
 * Run state (atomic run), the exactly-once resume:
 *   NEW --spawn--> RUNNABLE --worker pops--> RUNNING --resume returns DONE--> FINISHED
 *   RUNNING --resume returns PENDING--> PARKED --wake--> RUNNABLE (enqueued)
 *   RUNNING --wake (the op completed before resume returned)--> NOTIFIED
 *   NOTIFIED --resume returns PENDING--> RUNNABLE (re-enqueued by the worker)
 * A wake-up can arrive while the resume function is still unwinding (after the
 * begin call registered the task); NOTIFIED defers it, so the resume function
 * never runs twice at once. Wake-ups come only from the claimer of the task's
 * rt_wait (one per operation) or from yield, so there is at most one per park.
 *
 * Before each resume the worker finishes the parked operation (complete_op):
 * unlinks leftover registrations, cancels the timer, and turns the claimer's
 * result into the io word.
 *
 * Ownership: state, io, op, sel, own[] and wait's result fields belong to the
 * task (to the worker running it); the claimer writes wait's result fields only
 * after winning the claim and before the wake-up. result/awaiters: under mu.
 * Tasks are program values and are never freed.
 */
#include "rt_internal.h"

#include <errno.h>
#include <sched.h>
#include <time.h>

static struct rt_task *task_of(qz_val task)
{
    struct rt_task *t = rt_ptr(task);
    if (t == NULL)
        rt_panic_cstr("task is nil");
    return t;
}

qz_val qz_task_new(qz_val resume_fn, qz_val frame_words)
{
    if (resume_fn == 0)
        rt_panic_cstr("task without a resume function");
    struct rt_task *t = rt_alloc(sizeof *t + rt_words(frame_words));
    t->resume = (qz_val (*)(qz_val))(intptr_t)resume_fn;
    atomic_init(&t->run, RT_NEW);
    atomic_init(&t->done, 0);
    pthread_mutex_init(&t->mu, NULL);
    rt_wait_reset(&t->wait, t);
    t->nwords = frame_words;
    return rt_val(t);
}

/* A promise: a task that never runs. Some other code finishes it with
 * qz_task_finish (an actor answering a message); it can be awaited as usual. */
qz_val qz_task_new_promise(void)
{
    struct rt_task *t = rt_alloc(sizeof *t);
    t->resume = NULL;
    atomic_init(&t->run, RT_NEW);
    atomic_init(&t->done, 0);
    pthread_mutex_init(&t->mu, NULL);
    rt_wait_reset(&t->wait, t);
    t->nwords = 0;
    return rt_val(t);
}

qz_val qz_task_frame(qz_val task) { return rt_val(task_of(task)->frame); }
qz_val qz_task_state(qz_val task) { return task_of(task)->state; }
void qz_task_set_state(qz_val task, qz_val state) { task_of(task)->state = state; }
qz_val qz_task_io(qz_val task) { return task_of(task)->io; }
qz_val qz_task_done(qz_val task) { return atomic_load(&task_of(task)->done); }

qz_val qz_task_spawn(qz_val task)
{
    struct rt_task *t = task_of(task);
    if (t->resume == NULL)
        rt_panic_cstr("a promise cannot be spawned");
    int expected = RT_NEW;
    if (!atomic_compare_exchange_strong(&t->run, &expected, RT_RUNNABLE))
        rt_panic_cstr("task spawned twice");
    rt_sched_spawn(t);
    return task;
}

qz_val qz_task_result(qz_val task)
{
    struct rt_task *t = task_of(task);
    if (!atomic_load(&t->done))
        rt_panic_cstr("task_result of a task that has not finished");
    return t->result;
}

/* Records the result and wakes every awaiter (tasks and threads). */
void qz_task_finish(qz_val task, qz_val result)
{
    struct rt_task *t = task_of(task);
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    pthread_mutex_lock(&t->mu);
    if (atomic_load(&t->done)) {
        pthread_mutex_unlock(&t->mu);
        rt_panic_cstr("task finished twice");
    }
    t->result = result;
    atomic_store(&t->done, 1);
    while ((n = rt_wq_claim(&t->awaiters)) != NULL)
        rt_wait_deliver(n, result, 1, &wake);
    pthread_mutex_unlock(&t->mu);
    rt_wake_all(wake);
}

void rt_task_wake(struct rt_task *t)
{
    int s = atomic_load(&t->run);
    for (;;) {
        if (s == RT_RUNNING) {
            if (atomic_compare_exchange_weak(&t->run, &s, RT_NOTIFIED))
                return;
        } else if (s == RT_PARKED) {
            if (atomic_compare_exchange_weak(&t->run, &s, RT_RUNNABLE)) {
                rt_sched_enqueue(t);
                return;
            }
        } else {
            return;   /* already due to run */
        }
    }
}

/* The io word an operation's outcome gives. */
static qz_val op_io(struct rt_task *t, int op)
{
    struct rt_wait *w = &t->wait;
    switch (op) {
    case RT_OP_RECV:
    case RT_OP_AWAIT:
        return w->value;
    case RT_OP_RECV_OPT:
        return w->ok ? qz_some(w->value) : qz_none();
    case RT_OP_RECV_TIMEOUT:
        return w->arm == 0 && w->ok ? qz_some(w->value) : qz_none();
    case RT_OP_SEND:
        return w->ok;
    case RT_OP_SELECT:
        t->sel->value = w->value;
        return w->arm;
    default:
        return 0;
    }
}

static int op_arms(struct rt_task *t, int op, struct rt_arm **arms)
{
    if (op == RT_OP_SELECT) {
        *arms = t->sel->arms;
        return (int)t->sel->n;
    }
    *arms = t->own;
    return op == RT_OP_RECV_TIMEOUT ? 2 : 1;
}

qz_val rt_task_op(struct rt_task *t, int op)
{
    struct rt_arm *arms;
    int n = op_arms(t, op, &arms);
    rt_wait_reset(&t->wait, t);
    int chosen = rt_arms_try(arms, n, &t->wait, 1);
    if (chosen == -1) {
        t->op = op;
        return 0;
    }
    t->io = op_io(t, op);
    return 1;
}

/* Before a resume: the parked operation's cleanup and result. */
static void complete_op(struct rt_task *t)
{
    int op = t->op;
    t->op = RT_OP_NONE;
    if (op != RT_OP_AWAIT && op != RT_OP_YIELD) {
        struct rt_arm *arms;
        int n = op_arms(t, op, &arms);
        rt_arms_cleanup(arms, n, &t->wait);
    }
    t->io = op_io(t, op);
}

void rt_task_run(struct rt_task *t)
{
    atomic_store(&t->run, RT_RUNNING);
    if (t->op != RT_OP_NONE)
        complete_op(t);
    qz_val r = t->resume(rt_val(t));
    if (r == QZ_DONE) {
        if (!atomic_load(&t->done))
            rt_panic_cstr("task returned QZ_DONE without qz_task_finish");
        atomic_store(&t->run, RT_FINISHED);
        rt_sched_task_exited();
        return;
    }
    int s = RT_RUNNING;
    if (!atomic_compare_exchange_strong(&t->run, &s, RT_PARKED)) {
        /* NOTIFIED: woken before we got here; run it again later. */
        atomic_store(&t->run, RT_RUNNABLE);
        rt_sched_enqueue(t);
    }
}

/* ---- await ---- */

qz_val qz_await_begin(qz_val task, qz_val other)
{
    struct rt_task *t = task_of(task), *o = task_of(other);
    pthread_mutex_lock(&o->mu);
    if (atomic_load(&o->done)) {
        t->io = o->result;
        pthread_mutex_unlock(&o->mu);
        return 1;
    }
    rt_wait_reset(&t->wait, t);
    t->own[0].kind = 0;
    t->own[0].node.wait = &t->wait;
    t->own[0].node.arm = 0;
    t->op = RT_OP_AWAIT;
    rt_wq_push(&o->awaiters, &t->own[0].node);
    pthread_mutex_unlock(&o->mu);
    return 0;
}

qz_val qz_await_sync(qz_val other)
{
    struct rt_task *o = task_of(other);
    pthread_mutex_lock(&o->mu);
    if (atomic_load(&o->done)) {
        qz_val r = o->result;
        pthread_mutex_unlock(&o->mu);
        return r;
    }
    struct rt_wait w;
    struct rt_wnode node = { 0 };
    rt_wait_init_sync(&w);
    node.wait = &w;
    rt_wq_push(&o->awaiters, &node);
    pthread_mutex_unlock(&o->mu);
    rt_sync_park(&w, -1);
    rt_wait_destroy_sync(&w);
    return w.value;
}

/* ---- yield and sleep ---- */

qz_val qz_yield_begin(qz_val task)
{
    struct rt_task *t = task_of(task);
    rt_wait_reset(&t->wait, t);
    t->op = RT_OP_YIELD;
    rt_task_wake(t);   /* RUNNING -> NOTIFIED: re-queued at the back once it returns */
    return 0;
}

void qz_yield_sync(void)
{
    sched_yield();
}

qz_val qz_sleep_begin(qz_val task, qz_val ms)
{
    struct rt_task *t = task_of(task);
    t->own[0].kind = RT_ARM_TIMEOUT;
    t->own[0].ms = ms;
    return rt_task_op(t, RT_OP_SLEEP);
}

void qz_sleep_sync(qz_val ms)
{
    int64_t deadline = rt_deadline_after(ms);
    struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
    }
}
