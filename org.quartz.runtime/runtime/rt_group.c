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
 * A group sees its tasks finish through their finish hook (struct member, one
 * per task started in the group), so the task core knows nothing of groups.
 * go and spawn (qz_task_spawn) are here because they join the current scope.
 *
 * Invariants
 *   - members is a list of member records, only ever prepended to under the
 *     lock, so a snapshot of its head can be walked without the lock.
 *   - unfinished drops after the member's result is recorded (qz_task_finish),
 *     so wait_all waiters see every result.
 *   - lock is a leaf; wake-ups and cancellations happen after unlocking. A
 *     deadline's timer is added after unlocking too (the waiter is still
 *     running then, so an early claim only marks it notified).
 */
#include "rt_internal.h"

struct member {
    struct rt_task_hook hook;           /* the task's on_finish */
    struct rt_group *group;
    struct rt_task *task;
    struct member *next;                /* owner: the group's lock (prepend only) */
};

struct rt_group {
    struct rt_lock lock;
    int cancelled;                      /* owner: lock */
    int64_t started, unfinished;        /* owner: lock */
    struct member *members;             /* owner: lock (prepend only) */
    int has_first;                      /* owner: lock */
    qz_val first;                       /* the first member result; owner: lock */
    struct rt_wq all_waiters;           /* owner: lock; value = started */
    struct rt_wq first_waiters;         /* owner: lock; value = first */
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
    return rt_val(rt_alloc(sizeof(struct rt_group)));
}

static void member_finished(struct rt_task_hook *h, struct rt_task *t);

static qz_val group_spawn(struct rt_group *g, struct rt_task *t)
{
    if (t->on_finish != NULL)
        rt_panic_cstr("task spawned twice");
    struct member *m = rt_alloc(sizeof *m);
    m->hook.finished = member_finished;
    m->group = g;
    m->task = t;
    t->on_finish = &m->hook;
    rt_lock(&g->lock);
    m->next = g->members;
    g->members = m;
    g->started++;
    g->unfinished++;
    int cancelled = g->cancelled;
    rt_unlock(&g->lock);
    if (cancelled)
        atomic_store(&t->cancelled, 1);
    return rt_task_start(t);
}

/* go / spawn: joins the innermost go_scope of the spawning task, if any. */
qz_val qz_task_spawn(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    struct rt_group *scope = rt_current_scope();
    return scope != NULL ? group_spawn(scope, t) : rt_task_start(t);
}

qz_val qz_group_spawn(qz_val g, qz_val task)
{
    return group_spawn(group_of(g), rt_task_of(task));
}

static void member_finished(struct rt_task_hook *h, struct rt_task *t)
{
    struct rt_group *g = ((struct member *)h)->group;
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    rt_lock(&g->lock);
    if (!g->has_first) {
        g->has_first = 1;
        g->first = t->result;
        while ((n = rt_wq_claim(&g->first_waiters)) != NULL)
            rt_wait_deliver(n, g->first, 1, &wake);
    }
    if (--g->unfinished == 0)
        while ((n = rt_wq_claim(&g->all_waiters)) != NULL)
            rt_wait_deliver(n, g->started, 1, &wake);
    rt_unlock(&g->lock);
    rt_wake_all(wake);
}

void qz_group_cancel(qz_val group)
{
    struct rt_group *g = group_of(group);
    rt_lock(&g->lock);
    g->cancelled = 1;
    struct member *members = g->members;
    rt_unlock(&g->lock);
    for (struct member *m = members; m != NULL; m = m->next)
        rt_task_cancel(m->task);
}

/* ---- waiting: all members (optionally until a deadline), or the first ---- */

/* Under g->lock: whether the wait is over, and its value. */
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

/* A task waiting for all members (with or without a deadline) or for the first. */
static int all_finish(struct rt_task *t, struct rt_park *p)
{
    struct rt_wait *w = &p->wait;
    if (w->has_timer)
        rt_timer_cancel(&w->timer);
    rt_queue_park_unlink((struct rt_queue_park *)p);
    /* With a deadline: 1 = all finished, 0 = timed out. */
    t->io = w->has_timer ? w->arm != w->timer.arm : w->value;
    return 1;
}

static int first_finish(struct rt_task *t, struct rt_park *p)
{
    rt_queue_park_unlink((struct rt_queue_park *)p);
    t->io = p->wait.value;
    return 1;
}

static const struct rt_park_kind all_kind = { all_finish, 0 };
static const struct rt_park_kind first_kind = { first_finish, 0 };

static qz_val wait_begin(struct rt_task *t, struct rt_group *g, int first, int64_t deadline)
{
    if (rt_task_precheck(t))
        return 0;
    struct rt_queue_park *p = rt_park_prepare(t, first ? &first_kind : &all_kind, sizeof *p);
    struct rt_wait *w = &p->park.wait;
    qz_val value;
    rt_lock(&g->lock);
    if (ready(g, first, &value)) {
        rt_unlock(&g->lock);
        t->io = deadline >= 0 ? 1 : value;
        return rt_task_complete(t);
    }
    rt_queue_park_push(p, first ? &g->first_waiters : &g->all_waiters, &g->lock);
    rt_unlock(&g->lock);
    if (deadline >= 0) {
        w->has_timer = 1;
        w->timer.deadline = deadline;
        w->timer.arm = 1;
        rt_timer_add(&w->timer);
    }
    rt_task_parked(t);
    return 0;
}

/* deadline < 0: none. Returns the value, or with a deadline 1 = done, 0 = timed out. */
static qz_val wait_sync(struct rt_group *g, int first, int64_t deadline)
{
    qz_val value;
    rt_lock(&g->lock);
    if (ready(g, first, &value)) {
        rt_unlock(&g->lock);
        return deadline >= 0 ? 1 : value;
    }
    struct rt_sync_wait w;
    struct rt_wnode node = { 0 };
    rt_wait_init_sync(&w);
    node.wait = &w.w;
    rt_wq_push(first ? &g->first_waiters : &g->all_waiters, &node);
    rt_unlock(&g->lock);
    int woken = rt_sync_park(&w, deadline);
    if (!woken) {
        rt_lock(&g->lock);
        rt_wq_unlink(&node);
        rt_unlock(&g->lock);
    }
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
