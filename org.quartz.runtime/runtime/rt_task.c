/*
 * rt_task.c - tasks: the object, the resume protocol, frames, await, yield,
 * preemption.
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
 * never runs twice at once. Wake-ups come only from the claimer of the wait in
 * the task's park record (one per operation) or from yield, so there is at most
 * one per park.
 *
 * The core knows no operation. A wait source parks the task with a park record
 * (struct rt_park) it owns; before the next resume the worker calls the
 * record's kind->finish, which removes leftover registrations and the timer and
 * turns the claimer's result into the io word. An I/O operation is woken by
 * readiness, not with a result: its finish retries the syscall, and if that
 * would block again it parks again without the resume function running.
 *
 * Frames. A task runs a stack of frames (struct rt_frame), its top running or
 * parked. A call of a waiting function from a task form is qz_call_frame: it
 * pushes the callee's frame and calls its resume function right away, on the
 * same C stack, so the call costs no scheduling at all until something really
 * waits (as Kotlin's continuations and Rust's nested futures do). The callee's
 * return (qz_task_finish on a frame with a caller) pops it and leaves the result
 * in the io word: qz_call_frame then returns 1 and the caller goes on. If the
 * callee parks, qz_call_frame returns 0 and the caller returns QZ_PENDING too
 * (its state was saved before the call); when the task is resumed, rt_task_run
 * resumes the top frame, and each frame that returns hands over to its caller in
 * a loop. Every MAX_DIRECT_DEPTH nested direct calls, the next call goes through
 * the scheduler instead, so a deep chain (100,000 calls) never overflows the
 * worker's stack. A frame that returns while the task unwinds a cancellation
 * interrupts its caller, so the chain unwinds innermost first.
 *
 * Cancellation (rt_cancel.c) ends an operation with no result: the task's next
 * resume finds interrupted set, qz_task_interrupted reports it once, and the
 * compiled code runs the body's defers and finishes with the zero value.
 *
 * Ownership: the frames, io, the park record and interrupted belong to the task
 * (to the worker running it); the claimer writes the record's wait result fields
 * only after winning the claim and before the wake-up. result/awaiters: under
 * lock. Tasks are program values on the
 * collector's heap: a parked task is reachable from what it waits on (a wait
 * queue, the timer heap, the poller's table), a runnable one from its run queue,
 * a running one from its worker's stack; a finished one is garbage once nothing
 * refers to its handle.
 */
#include "rt_internal.h"

#include <string.h>

#include <sched.h>

static _Thread_local struct rt_task *current_task;

struct rt_task *rt_current_task(void)
{
    return current_task;
}

struct rt_task *rt_task_of(qz_val task)
{
    struct rt_task *t = rt_ptr(task);
    if (t == NULL)
        rt_panic_cstr("task is nil");
    return t;
}

enum { MAX_DIRECT_DEPTH = 1000 };

static void frame_init(struct rt_frame *f, qz_val resume_fn, qz_val words)
{
    if (resume_fn == 0)
        rt_panic_cstr("task without a resume function");
    f->resume = (qz_val (*)(qz_val))(intptr_t)resume_fn;
    f->nwords = words;
}

static struct rt_frame *frame_of(qz_val frame)
{
    if (frame == 0)
        rt_panic_cstr("frame is nil");
    return (struct rt_frame *)((char *)rt_ptr(frame) - offsetof(struct rt_frame, words));
}

/* A task with no frame yet; top is set by the caller. */
static struct rt_task *task_alloc(size_t extra)
{
    struct rt_task *t = rt_alloc(sizeof *t + extra);
    atomic_init(&t->run, RT_NEW);
    return t;
}

/* A task and its first frame, in one allocation (the frame right after the header). */
qz_val qz_task_new(qz_val resume_fn, qz_val frame_words)
{
    struct rt_task *t = task_alloc(sizeof(struct rt_frame) + rt_words(frame_words));
    t->top = (struct rt_frame *)(t + 1);
    frame_init(t->top, resume_fn, frame_words);
    return rt_val(t);
}

/* A task calling a waiting function in a loop reuses the frame of the last call that
 * returned (a frame is dead once it returned: only its task's top chain refers to
 * one), so such a call allocates nothing. */
qz_val qz_frame_new(qz_val resume_fn, qz_val frame_words)
{
    struct rt_task *t = rt_current_task();
    struct rt_frame *f;
    if (t != NULL && t->spare != NULL && t->spare->nwords == frame_words) {
        f = t->spare;
        t->spare = NULL;
        memset(f, 0, sizeof *f + rt_words(frame_words));
    } else {
        f = rt_alloc(sizeof *f + rt_words(frame_words));
    }
    frame_init(f, resume_fn, frame_words);
    return rt_val(f->words);
}

qz_val qz_task_from_frame(qz_val frame)
{
    struct rt_task *t = task_alloc(0);
    t->top = frame_of(frame);
    return rt_val(t);
}

/* A promise: a task that never runs. Some other code finishes it with
 * qz_task_finish (an actor answering a message); it can be awaited as usual. */
qz_val qz_task_new_promise(void)
{
    return rt_val(task_alloc(0));
}

static struct rt_frame *top_of(qz_val task)
{
    struct rt_frame *f = rt_task_of(task)->top;
    if (f == NULL)
        rt_panic_cstr("a promise has no frame");
    return f;
}

qz_val qz_task_frame(qz_val task) { return rt_val(top_of(task)->words); }
qz_val qz_task_state(qz_val task) { return top_of(task)->state; }
void qz_task_set_state(qz_val task, qz_val state) { top_of(task)->state = state; }
qz_val qz_task_io(qz_val task) { return rt_task_of(task)->io; }
qz_val qz_task_done(qz_val task) { return atomic_load(&rt_task_of(task)->done); }

static void spawn(struct rt_task *t)
{
    if (t->top == NULL)
        rt_panic_cstr("a promise cannot be spawned");
    int expected = RT_NEW;
    if (!atomic_compare_exchange_strong(&t->run, &expected, RT_RUNNABLE))
        rt_panic_cstr("task spawned twice");
    rt_sched_spawn(t);
}

qz_val rt_task_start(struct rt_task *t)
{
    spawn(t);
    return rt_val(t);
}

qz_val qz_task_start(qz_val task)
{
    return rt_task_start(rt_task_of(task));
}

qz_val qz_task_result(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    if (!atomic_load(&t->done))
        rt_panic_cstr("task_result of a task that has not finished");
    return t->result;
}

/* The return of a frame with a caller: the result goes to the caller through io. */
static void frame_return(struct rt_task *t, qz_val result)
{
    struct rt_frame *f = t->top;
    t->top = f->caller;
    t->io = result;
    t->spare = f;
    /* A callee that unwound a cancellation interrupts its caller in turn (unless the
     * caller was unwinding already: then it is running its own defers). */
    if (atomic_load(&t->unwinding) && !f->caller_unwinding)
        t->interrupted = 1;
}

/* Records the result, wakes every awaiter (tasks and threads) and runs the
 * finish hook; for a frame that a caller called, returns to that caller instead. */
void qz_task_finish(qz_val task, qz_val result)
{
    struct rt_task *t = rt_task_of(task);
    if (t->top != NULL && t->top->caller != NULL) {
        frame_return(t, result);
        return;
    }
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    rt_lock(&t->lock);
    if (atomic_load(&t->done)) {
        rt_unlock(&t->lock);
        rt_panic_cstr("task finished twice");
    }
    t->result = result;
    atomic_store(&t->done, 1);
    while ((n = rt_wq_claim(&t->awaiters)) != NULL)
        rt_wait_deliver(n, result, 1, &wake);
    rt_unlock(&t->lock);
    rt_wake_all(wake);
    if (t->on_finish != NULL)
        t->on_finish->finished(t->on_finish, t);
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

/*
 * The cooperative budget (Tokio's): a task may complete RT_BUDGET operations at
 * once in a row, or go on doing so for BUDGET_NS; the next one completes too, but
 * the task then yields, so a task whose waits never have to wait (a pipelining
 * client, a channel that is always ready) cannot keep its worker from the other
 * tasks. Time counts because one operation may be long (a 64 KiB read and
 * write); the clock is read every BUDGET_CLOCK_EVERY operations. Parking resets
 * the count.
 */
enum { RT_BUDGET = 128, BUDGET_CLOCK_EVERY = 16 };
static const int64_t BUDGET_NS = 2 * 1000 * 1000;

/* Whether t has run for at least ns since its first such check after it was
 * resumed (that first check starts the clock). */
static int ran_for(struct rt_task *t, int64_t ns)
{
    int64_t now = qz_time_now_ns();
    if (t->slice_start == 0) {
        t->slice_start = now;
        return 0;
    }
    return now - t->slice_start >= ns;
}

static int budget_left(struct rt_task *t)
{
    if (++t->streak >= RT_BUDGET)
        return 0;
    return t->streak % BUDGET_CLOCK_EVERY != 0 || !ran_for(t, BUDGET_NS);
}

qz_val rt_task_complete(struct rt_task *t)
{
    if (budget_left(t))
        return 1;
    t->streak = 0;
    t->yielded = RT_YIELD_LOCAL;   /* the result is in io already: it resumes straight into it */
    rt_task_wake(t);      /* RUNNING -> NOTIFIED: re-queued once it returns */
    return 0;
}

/* Before a resume: finishes the operation the task is parked in (its park
 * kind's finish). 0 = the operation parked the task again. */
static int finish_park(struct rt_task *t)
{
    struct rt_park *p = atomic_load_explicit(&t->park, memory_order_relaxed);
    if (p == NULL || !p->pending)
        return 1;
    p->pending = 0;
    if (!p->kind->finish(t, p))
        return 0;
    /* Parks are published (cancellable) only while not unwinding, so a
     * cancelled wait means the task was not unwinding. */
    if (p->wait.cancelled) {
        t->interrupted = 1;
        t->io = 0;
    }
    return 1;
}

void rt_task_run(struct rt_task *t)
{
    atomic_store(&t->run, RT_RUNNING);
    t->slice_start = 0;
    if (t->waits_outside) {
        t->waits_outside = 0;
        rt_sched_outside_wait(-1);
    }
    current_task = t;
    t->depth = 0;
    qz_val r = QZ_PENDING;
    if (finish_park(t)) {
        /* The top frame, then each caller its return hands over to. */
        struct rt_frame *running;
        do {
            running = t->top;
            r = running->resume(rt_val(t));
        } while (r == QZ_DONE && !atomic_load(&t->done) && t->top != running);
    }
    current_task = NULL;
    if (r == QZ_DONE) {
        if (!atomic_load(&t->done))
            rt_panic_cstr("task returned QZ_DONE without qz_task_finish");
        atomic_store(&t->run, RT_FINISHED);
        rt_sched_task_exited();
        return;
    }
    int s = RT_RUNNING;
    if (!atomic_compare_exchange_strong(&t->run, &s, RT_PARKED)) {
        /* NOTIFIED: woken before we got here; run it again later. A task that
         * yielded goes behind everything already waiting anywhere (Go's Gosched),
         * one out of budget behind its worker's queue (Tokio's). */
        atomic_store(&t->run, RT_RUNNABLE);
        int yielded = t->yielded;
        t->yielded = 0;
        if (yielded == RT_YIELD_GLOBAL) {
            rt_sched_enqueue_global(t);
        } else if (yielded == RT_YIELD_LOCAL) {
            rt_sched_enqueue_local(t);
        } else {
            rt_sched_enqueue(t);
        }
    }
}

qz_val qz_task_interrupted(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    if (!t->interrupted)
        return 0;
    t->interrupted = 0;
    atomic_store(&t->unwinding, 1);
    return 1;
}

/* ---- await ---- */

static int await_finish(struct rt_task *t, struct rt_park *p)
{
    rt_queue_park_unlink((struct rt_queue_park *)p);
    t->io = p->wait.value;
    return 1;
}

static const struct rt_park_kind await_kind = { await_finish, 0 };

qz_val qz_await_begin(qz_val task, qz_val other)
{
    struct rt_task *t = rt_task_of(task), *o = rt_task_of(other);
    if (rt_task_precheck(t))
        return 0;
    if (atomic_load(&o->done)) {   /* result is written before done */
        t->io = o->result;
        return rt_task_complete(t);
    }
    struct rt_queue_park *p = rt_park_prepare(t, &await_kind, sizeof *p);
    rt_lock(&o->lock);
    if (atomic_load(&o->done)) {
        t->io = o->result;
        rt_unlock(&o->lock);
        return rt_task_complete(t);
    }
    rt_queue_park_push(p, &o->awaiters, &o->lock);
    rt_unlock(&o->lock);
    rt_task_parked(t);
    return 0;
}

/*
 * A call of a waiting function from a task form: pushes its frame and runs it at
 * once. 1 = it returned, its result in io; 0 = it parked (or, past
 * MAX_DIRECT_DEPTH, it runs from the scheduler next): the caller returns
 * QZ_PENDING, its state already saved.
 */
qz_val qz_call_frame(qz_val task, qz_val frame)
{
    struct rt_task *t = rt_task_of(task);
    struct rt_frame *f = frame_of(frame);
    if (rt_task_precheck(t))
        return 0;
    f->caller = t->top;
    f->caller_unwinding = atomic_load(&t->unwinding);
    t->top = f;
    if (t->depth >= MAX_DIRECT_DEPTH) {
        rt_task_wake(t);   /* RUNNING -> NOTIFIED: the worker resumes the new top frame */
        return 0;
    }
    t->depth++;
    qz_val r = f->resume(task);
    t->depth--;
    return r == QZ_DONE ? 1 : 0;
}

qz_val qz_await_sync(qz_val other)
{
    struct rt_task *o = rt_task_of(other);
    rt_lock(&o->lock);
    if (atomic_load(&o->done)) {
        qz_val r = o->result;
        rt_unlock(&o->lock);
        return r;
    }
    struct rt_sync_wait w;
    struct rt_wnode node = { 0 };
    rt_wait_init_sync(&w);
    node.wait = &w.w;
    rt_wq_push(&o->awaiters, &node);
    rt_unlock(&o->lock);
    rt_sync_park(&w, -1);
    return w.w.value;
}

/* ---- yield and preemption ---- */

/* Parks t as yielding: it runs again once every task already waiting had a turn. */
static qz_val yield(struct rt_task *t)
{
    t->io = 0;
    t->streak = 0;
    t->yielded = RT_YIELD_GLOBAL;
    rt_task_wake(t);   /* RUNNING -> NOTIFIED: re-queued once it returns */
    return 0;
}

qz_val qz_yield_begin(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    return rt_task_precheck(t) ? 0 : yield(t);
}

/*
 * Preemption: the compiler puts this on the back-edge of every loop of a task form
 * that has no wait of its own. 1 = go on; after the task has run TIME_SLICE_NS
 * since it was resumed it yields instead (0), so a compute-bound task delays a
 * timer or a new connection by one time slice at most. It reads the clock only
 * every PREEMPT_CHECK_EVERY back-edges. Not a cancellation point: a loop that
 * never waits still runs to its end when its task is cancelled (reference §7.5).
 */
enum { PREEMPT_CHECK_EVERY = 256 };
static const int64_t TIME_SLICE_NS = 10 * 1000 * 1000;

qz_val qz_preempt_begin(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    if (++t->preempt_checks % PREEMPT_CHECK_EVERY != 0 || !ran_for(t, TIME_SLICE_NS))
        return 1;
    return yield(t);
}

void qz_yield_sync(void)
{
    sched_yield();
}
