/*
 * Tests for rt_signal.c: a stack overflow on main or on a worker is "panic: stack
 * overflow" (101) and any other fault "fatal error: unexpected signal ..." (2),
 * with stdout flushed first; a thread the runtime started has its own alternate
 * stack.
 */
#include "qz_tasks.h"

static volatile int64_t depth_limit = INT64_MAX;   /* volatile: the compiler cannot see the end */

/* Not a tail call and not foldable: each level keeps a live array on the stack. */
static int64_t recurse(int64_t n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    pad[255] = (char)(n >> 8);
    if (n == depth_limit)
        return 0;
    return recurse(n + 1) + pad[0] + pad[255];
}

static void overflow_main(const void *arg)
{
    (void)arg;
    qz_print(S("before"));
    recurse(0);
}

static qz_val overflow_task(qz_val t)
{
    FINISH(t, recurse(0));
}

static void overflow_worker(const void *arg)
{
    (void)arg;
    qz_print(S("before"));
    qz_val t = qz_task_spawn(qz_task_new(FN(overflow_task), 0));
    qz_await_sync(t);
}

static void test_stack_overflow(void)
{
    CHECK_PANIC(overflow_main, NULL, "stack overflow", "before");
    CHECK_PANIC(overflow_worker, NULL, "stack overflow", "before");
}

static int64_t *volatile bad_address = (int64_t *)24;

static void bad_write(const void *arg)
{
    (void)arg;
    qz_print(S("before"));
    *bad_address = 1;
}

static void test_other_fault(void)
{
    struct qt_child c = qt_run(bad_write, NULL, 0);
    CHECK_INT(qt_exit_code(&c), 2);
    CHECK(strcmp(c.err, "fatal error: unexpected signal SIGSEGV (segmentation fault) at address 0x18\n") == 0);
    CHECK(strcmp(c.out, "before") == 0);
    qt_child_free(&c);
}

qz_val quartz_main(void)
{
    RUN(test_stack_overflow);
    RUN(test_other_fault);
    return qt_done("signal");
}
