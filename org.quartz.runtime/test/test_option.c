/* Tests for rt_option.c: layout, helpers, unwrap panics, and NULL as the zero value. */
#include "qz_test.h"

static int64_t word(qz_val e, int i)
{
    return ((const int64_t *)rt_ptr(e))[i];
}

static void test_layout(void)
{
    CHECK_INT(word(qz_none(), 0), 0);
    CHECK(qz_none() == qz_none());  /* shared */
    CHECK_INT(word(qz_some(7), 0), 1);
    CHECK_INT(word(qz_some(7), 1), 7);
    CHECK_INT(word(qz_ok(8), 0), 0);
    CHECK_INT(word(qz_ok(8), 1), 8);
    CHECK_INT(word(qz_err(9), 0), 1);
    CHECK_INT(word(qz_err(9), 1), 9);
}

static void test_helpers(void)
{
    CHECK_INT(qz_unwrap(qz_some(-3)), -3);
    CHECK_INT(qz_unwrap_result(qz_ok(INT64_MIN)), INT64_MIN);
    CHECK_INT(qz_unwrap_or(qz_some(1), 2), 1);
    CHECK_INT(qz_unwrap_or(qz_none(), 2), 2);
    CHECK_INT(qz_is_some(qz_some(0)), 1);
    CHECK_INT(qz_is_some(qz_none()), 0);
    CHECK_INT(qz_is_ok(qz_ok(0)), 1);
    CHECK_INT(qz_is_ok(qz_err(0)), 0);
}

/* A NULL enum reads as an all-zero block: None, or Ok(0). */
static void test_null(void)
{
    CHECK_INT(qz_is_some(0), 0);
    CHECK_INT(qz_unwrap_or(0, 5), 5);
    CHECK_INT(qz_is_ok(0), 1);
    CHECK_INT(qz_unwrap_result(0), 0);
}

static void unwrap_none(const void *arg) { (void)arg; qz_unwrap(qz_none()); }
static void unwrap_null(const void *arg) { (void)arg; qz_unwrap(0); }
static void unwrap_err(const void *arg) { (void)arg; qz_unwrap_result(qz_err(1)); }

static void test_panics(void)
{
    CHECK_PANIC(unwrap_none, NULL, "called unwrap on None", "");
    CHECK_PANIC(unwrap_null, NULL, "called unwrap on None", "");
    CHECK_PANIC(unwrap_err, NULL, "called unwrap on Err", "");
}

qz_val quartz_main(void)
{
    RUN(test_layout);
    RUN(test_helpers);
    RUN(test_null);
    RUN(test_panics);
    return qt_done("option");
}
