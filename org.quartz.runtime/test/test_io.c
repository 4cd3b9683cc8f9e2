/* Tests for rt_io.c: puts/print/eputs, NULL as "", and stdout/stderr ordering. */
#include "qz_test.h"

static void write_both(const void *arg)
{
    (void)arg;
    qz_print(S("a"));
    qz_puts(S("b"));
    qz_puts(0);
    qz_print(0);
    qz_eputs(S("to stderr"));
    qz_eputs(0);
    qz_puts(S("c"));
}

static void test_separate_streams(void)
{
    struct qt_child c = qt_run(write_both, NULL, 0);
    CHECK_INT(qt_exit_code(&c), 0);
    CHECK(strcmp(c.out, "ab\n\nc\n") == 0);
    CHECK(strcmp(c.err, "to stderr\n\n") == 0);
    qt_child_free(&c);
}

/* With both streams in one pipe, eputs must have flushed the stdout before it. */
static void test_interleaving(void)
{
    struct qt_child c = qt_run(write_both, NULL, 1);
    CHECK(strcmp(c.out, "ab\n\nto stderr\n\nc\n") == 0);
    qt_child_free(&c);
}

static void write_embedded_nul(const void *arg)
{
    (void)arg;
    qz_puts(rt_str_from("x\0y", 3));  /* strings carry a length: NUL is just a byte */
}

static void test_embedded_nul(void)
{
    struct qt_child c = qt_run(write_embedded_nul, NULL, 0);
    CHECK_INT((int64_t)c.out_len, 4);
    CHECK(memcmp(c.out, "x\0y\n", 4) == 0);
    qt_child_free(&c);
}

qz_val quartz_main(void)
{
    RUN(test_separate_streams);
    RUN(test_interleaving);
    RUN(test_embedded_nul);
    return qt_done("io");
}
