/* Tests for rt_panic.c: every panic's message, exit code 101, and stdout flushed first. */
#include "qz_test.h"

static void panic_with(const void *msg)
{
    qz_print(S("partial output"));  /* buffered: the panic must flush it */
    qz_panic(S(msg));
}

static void panic_null(const void *arg)
{
    (void)arg;
    qz_panic(0);
}

static void div_zero(const void *arg) { (void)arg; qz_panic_div_zero(); }
static void unwrap_none(const void *arg) { (void)arg; qz_panic_unwrap_none(); }
static void unwrap_err(const void *arg) { (void)arg; qz_panic_unwrap_err(); }
static void no_match(const void *arg) { (void)arg; qz_panic_match(); }
static void index_oob(const void *arg) { (void)arg; rt_panic_index(5, 3); }
static void index_extreme(const void *arg) { (void)arg; rt_panic_index(INT64_MIN, INT64_MAX); }
static void nil_value(const void *arg)
{
    (void)arg;
    qz_print(S("partial output"));
    qz_panic_nil(S("Job"), S("jobs.qz:12:8"));
}

static void test_messages(void)
{
    CHECK_PANIC(panic_with, "boom", "boom", "partial output");
    CHECK_PANIC(panic_with, "", "", "partial output");
    CHECK_PANIC(panic_null, NULL, "", "");
    CHECK_PANIC(div_zero, NULL, "division by zero", "");
    CHECK_PANIC(unwrap_none, NULL, "called unwrap on None", "");
    CHECK_PANIC(unwrap_err, NULL, "called unwrap on Err", "");
    CHECK_PANIC(no_match, NULL, "no match arm matched", "");
    CHECK_PANIC(nil_value, NULL, "nil value of Job at jobs.qz:12:8", "partial output");
    CHECK_PANIC(index_oob, NULL, "index out of bounds: index 5, size 3", "");
    CHECK_PANIC(index_extreme, NULL,
                "index out of bounds: index -9223372036854775808, size 9223372036854775807", "");
}

/* A long message must reach stderr whole. */
static void panic_long(const void *arg)
{
    (void)arg;
    char buf[100001];
    memset(buf, 'x', sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    qz_panic(S(buf));
}

static void test_long_message(void)
{
    struct qt_child c = qt_run(panic_long, NULL, 0);
    CHECK_INT(qt_exit_code(&c), 101);
    CHECK_INT((int64_t)c.err_len, 7 + 100000 + 1);
    qt_child_free(&c);
}

qz_val quartz_main(void)
{
    RUN(test_messages);
    RUN(test_long_message);
    return qt_done("panic");
}
