/*
 * rt_group.c - task groups: task_group_*, go_scope, go_scope_timeout, go_race.
 *
 * A group counts the tasks started in it and the ones still unfinished; its
 * waiters wait for all of them (wait_all: task_group_wait, go_scope, with a
 * deadline for go_scope_timeout) or for the first result (wait_first: go_race).
 * Cancelling a group cancels every member, and every task started in it later
 * (rt_cancel.c). A go_scope is a group made the running context's current scope
 * while its block runs, so that go/spawn (qz_task_spawn) joins it.
 *
 * Invariants
 *   - members is a list through task->group_next, only ever prepended to under
 *     mu, so a snapshot of its head can be walked without the lock.
 *   - unfinished drops after the member's result is recorded (qz_task_finish),
 *     so wait_all waiters see every result.
 *   - mu is a leaf lock; wake-ups and cancellations happen after unlocking. A
 *     deadline's timer is added after unlocking too (the waiter is still
 *     running then, so an early claim only marks it notified).
 */
#include "rt_internal.h"

struct rt_group {
    pthread_mutex_t mu;
    int64_t started, unfinished;        /* owner: mu */
    struct rt_task *members;            /* owner: mu (prepend only) */
    int cancelled;                      /* owner: mu */
    int has_first;                      /* owner: mu */
    qz_val first;                       /* the first member result; owner: mu */
    struct rt_wq all_waiters;           /* owner: mu; value = started */
    struct rt_wq first_waiters;         /* owner: mu; value = first */
    struct rt_group *outer;             /* the scope this one is nested in; owner: the running task */
};

static struct rt_group *group_of(qz_val g)
{
    struct rt_group *group = rt_ptr(g);
    if (group == NULL)
        rt_panic_cstr("task group is nil");
    return group;
}

qz_val qz_group_new(void)
{
    struct rt_group *g = rt_alloc(sizeof *g);
    pthread_mutex_init(&g->mu, NULL);
    return rt_val(g);
}

qz_val rt_group_spawn(struct rt_group *g, struct rt_task *t)
{
    pthread_mutex_lock(&g->mu);
    t->group = g;
    t->group_next = g->members;
    g->members = t;
    g->started++;
    g->unfinished++;
    int cancelled = g->cancelled;
    pthread_mutex_unlock(&g->mu);
    if (cancelled)
        atomic_store(&t->ctx.cancelled, 1);
    return rt_task_start(t);
}

qz_val qz_group_spawn(qz_val g, qz_val task)
{
    return rt_group_spawn(group_of(g), rt_task_of(task));
}

void rt_group_task_finished(struct rt_task *t)
{
    struct rt_group *g = t->group;
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    pthread_mutex_lock(&g->mu);
    if (!g->has_first) {
        g->has_first = 1;
        g->first = t->result;
        while ((n = rt_wq_claim(&g->first_waiters)) != NULL)
            rt_wait_deliver(n, g->first, 1, &wake);
    }
    if (--g->unfinished == 0)
        while ((n = rt_wq_claim(&g->all_waiters)) != NULL)
            rt_wait_deliver(n, g->started, 1, &wake);
    pthread_mutex_unlock(&g->mu);
    rt_wake_all(wake);
}

void qz_group_cancel(qz_val group)
{
    struct rt_group *g = group_of(group);
    pthread_mutex_lock(&g->mu);
    g->cancelled = 1;
    struct rt_task *members = g->members;
    pthread_mutex_unlock(&g->mu);
    for (struct rt_task *t = members; t != NULL; t = t->group_next)
        rt_task_cancel(t);
}

/* ---- waiting: all members (optionally until a deadline), or the first ---- */

/* Under g->mu: whether the wait is over, and its value. */
static int ready(struct rt_group *g, int first, qz_val *value)
{
    if (first && g->started == 0)
        rt_panic_cstr("go_race of no closures");
    if (first ? g->has_first : g->unfinished == 0) {
        *value = first ? g->first : g->started;
        return 1;
    }
    return 0;
}

static qz_val wait_begin(struct rt_task *t, struct rt_group *g, int first, int64_t deadline)
{
    if (rt_task_precheck(t))
        return 0;
    qz_val value;
    pthread_mutex_lock(&g->mu);
    if (ready(g, first, &value)) {
        pthread_mutex_unlock(&g->mu);
        t->io = deadline >= 0 ? 1 : value;
        return rt_task_complete(t);
    }
    rt_task_enqueue_waiter(t, first ? RT_OP_GROUP_FIRST : RT_OP_GROUP_WAIT,
                           first ? &g->first_waiters : &g->all_waiters, &g->mu);
    pthread_mutex_unlock(&g->mu);
    if (deadline >= 0) {
        t->wait.has_timer = 1;
        t->wait.timer.deadline = deadline;
        t->wait.timer.arm = 1;
        rt_timer_add(&t->wait.timer);
    }
    rt_task_parked(t);
    return 0;
}

/* deadline < 0: none. Returns the value, or with a deadline 1 = done, 0 = timed out. */
static qz_val wait_sync(struct rt_group *g, int first, int64_t deadline)
{
    qz_val value;
    pthread_mutex_lock(&g->mu);
    if (ready(g, first, &value)) {
        pthread_mutex_unlock(&g->mu);
        return deadline >= 0 ? 1 : value;
    }
    struct rt_sync_wait w;
    struct rt_wnode node = { 0 };
    rt_wait_init_sync(&w);
    node.wait = &w.w;
    rt_wq_push(first ? &g->first_waiters : &g->all_waiters, &node);
    pthread_mutex_unlock(&g->mu);
    int woken = rt_sync_park(&w, deadline);
    if (!woken) {
        pthread_mutex_lock(&g->mu);
        rt_wq_unlink(&node);
        pthread_mutex_unlock(&g->mu);
    }
    rt_wait_destroy_sync(&w);
    return deadline >= 0 ? woken : w.w.value;
}

qz_val qz_group_wait_begin(qz_val task, qz_val g)
{
    return wait_begin(rt_task_of(task), group_of(g), 0, -1);
}

qz_val qz_group_wait_sync(qz_val g)
{
    return wait_sync(group_of(g), 0, -1);
}

qz_val qz_group_wait_until_begin(qz_val task, qz_val g, qz_val deadline)
{
    return wait_begin(rt_task_of(task), group_of(g), 0, deadline < 0 ? 0 : deadline);
}

qz_val qz_group_wait_until_sync(qz_val g, qz_val deadline)
{
    return wait_sync(group_of(g), 0, deadline < 0 ? 0 : deadline);
}

qz_val qz_group_first_begin(qz_val task, qz_val g)
{
    return wait_begin(rt_task_of(task), group_of(g), 1, -1);
}

qz_val qz_group_first_sync(qz_val g)
{
    return wait_sync(group_of(g), 1, -1);
}

qz_val qz_deadline_after(qz_val ms)
{
    return rt_deadline_after(ms);
}

/* ---- go_scope: the running context's current scope ---- */

void qz_scope_enter(qz_val group)
{
    struct rt_group *g = group_of(group);
    struct rt_ctx *c = rt_current_ctx();
    g->outer = c->scope;
    c->scope = g;
}

void qz_scope_exit(qz_val group)
{
    struct rt_group *g = group_of(group);
    struct rt_ctx *c = rt_current_ctx();
    if (c->scope != g)
        rt_panic_cstr("go_scope exited out of order");
    c->scope = g->outer;
}
