/*
 * rt_cancel.c - task contexts: cancellation and task-locals.
 *
 * A context (struct rt_ctx, rt_internal.h) is what a task has once, for all its
 * frames; the main thread has main_ctx. It holds the task-locals, the innermost
 * go_scope and the cancellation flag.
 *
 * Cancellation is cooperative and one-shot. rt_task_cancel sets ctx.cancelled
 * and then interrupts the task if it is parked in a cancellable operation (one
 * it published with rt_task_parked). Every task operation checks
 * the flag before it starts (rt_task_precheck: a cancelled task does not take a
 * value or a lock it would then drop) and again after it published its park, so
 * a park that races with the cancellation is interrupted by one side or the
 * other: the canceller stores the flag then reads the park state; the task
 * stores the park state then reads the flag (both sequentially consistent).
 * An interrupted task's next resume sees qz_task_interrupted = 1; from then on
 * it is unwinding (running its defers): its operations are neither prechecked
 * nor published, so they run to completion.
 */
#include "rt_internal.h"

static struct rt_ctx main_ctx;

struct rt_ctx *rt_current_ctx(void)
{
    struct rt_task *t = rt_current_task();
    return t != NULL ? &t->ctx : &main_ctx;
}

int rt_task_precheck(struct rt_task *t)
{
    if (!atomic_load(&t->ctx.cancelled) || atomic_load(&t->unwinding))
        return 0;
    t->interrupted = 1;
    t->op = RT_OP_NONE;
    t->io = 0;
    rt_task_wake(t);   /* RUNNING -> NOTIFIED: resumed again once it returns */
    return 1;
}

static void interrupt(struct rt_task *t)
{
    if (rt_wait_claim_parked(&t->wait)) {
        t->wait.cancelled = 1;
        rt_wake_one(&t->wait);
    }
}

void rt_task_parked(struct rt_task *t)
{
    t->streak = 0;
    if (t->op == RT_OP_IO || t->wait.has_timer) {
        t->waits_outside = 1;
        rt_sched_outside_wait(1);
    }
    if (atomic_load(&t->unwinding))
        return;
    rt_wait_publish_parked(&t->wait);
    if (atomic_load(&t->ctx.cancelled))
        interrupt(t);
}

void rt_task_cancel(struct rt_task *t)
{
    if (!atomic_exchange(&t->ctx.cancelled, 1))
        interrupt(t);
}

/* ---- task-locals: a String-keyed Map per context ---- */

void qz_task_local_set(qz_val key, qz_val v)
{
    struct rt_ctx *c = rt_current_ctx();
    if (c->locals == 0)
        c->locals = qz_map_new(1);
    qz_map_set(c->locals, key, v);
}

qz_val qz_task_local_get(qz_val key)
{
    struct rt_ctx *c = rt_current_ctx();
    return c->locals == 0 ? 0 : qz_unwrap_or(qz_map_get(c->locals, key), 0);
}
