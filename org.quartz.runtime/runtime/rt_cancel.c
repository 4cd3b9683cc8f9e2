/*
 * rt_cancel.c - task contexts: cancellation and task-locals.
 *
 * A context (struct rt_ctx, rt_internal.h) is what a task has once, for all its
 * frames, made at its first use; the main thread has main_ctx. It holds the
 * task-locals and the innermost go_scope.
 *
 * Cancellation is cooperative and one-shot. rt_task_cancel sets the task's
 * cancelled flag and then interrupts the task if it is parked in a cancellable
 * operation (one it published with rt_task_parked): it claims the wait of the
 * task's park record, whatever the operation. Every task operation checks
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
    if (t == NULL)
        return &main_ctx;
    if (t->ctx == NULL)
        t->ctx = rt_alloc(sizeof *t->ctx);
    return t->ctx;
}

/* The running context if it has been made, else NULL: for reads, which need not make one. */
static struct rt_ctx *existing_ctx(void)
{
    struct rt_task *t = rt_current_task();
    return t == NULL ? &main_ctx : t->ctx;
}

struct rt_group *rt_current_scope(void)
{
    struct rt_ctx *c = existing_ctx();
    return c != NULL ? c->scope : NULL;
}

int rt_task_precheck(struct rt_task *t)
{
    if (!atomic_load(&t->cancelled) || atomic_load(&t->unwinding))
        return 0;
    t->interrupted = 1;
    t->io = 0;
    rt_task_wake(t);   /* RUNNING -> NOTIFIED: resumed again once it returns */
    return 1;
}

/* A canceller may hold a record the task no longer uses: its wait is then claimed
 * or not parked (rt_wait.c), so the claim fails. */
static void interrupt(struct rt_task *t)
{
    struct rt_park *p = atomic_load_explicit(&t->park, memory_order_acquire);
    if (p != NULL && rt_wait_claim_parked(&p->wait)) {
        p->wait.cancelled = 1;
        rt_wake_one(&p->wait);
    }
}

void rt_task_parked(struct rt_task *t)
{
    struct rt_park *p = atomic_load_explicit(&t->park, memory_order_relaxed);
    t->streak = 0;
    p->pending = 1;
    if (p->kind->outside || p->wait.has_timer) {
        t->waits_outside = 1;
        rt_sched_outside_wait(1);
    }
    if (atomic_load(&t->unwinding))
        return;
    rt_wait_publish_parked(&p->wait);
    if (atomic_load(&t->cancelled))
        interrupt(t);
}

void rt_task_cancel(struct rt_task *t)
{
    if (!atomic_exchange(&t->cancelled, 1))
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
    struct rt_ctx *c = existing_ctx();
    return c == NULL || c->locals == 0 ? 0 : qz_unwrap_or(qz_map_get(c->locals, key), 0);
}
