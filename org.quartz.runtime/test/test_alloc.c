/* Tests for rt_alloc.c: zeroed memory, and running out of it. */
#include "qz_test.h"

static void test_zeroed(void)
{
    for (int n = 0; n < 200; n += 7) {
        const unsigned char *p = rt_ptr(qz_alloc(n));
        CHECK(p != NULL);
        CHECK(((uintptr_t)p & 7) == 0);
        int zero = 1;
        for (int i = 0; i < n; i++)
            zero &= p[i] == 0;
        CHECK(zero);
    }
}

static void alloc_huge(const void *arg)
{
    (void)arg;
    qz_alloc(INT64_C(1) << 62);
}

static void alloc_negative(const void *arg)
{
    (void)arg;
    qz_alloc(-1);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void test_out_of_memory(void)
{
    /* AddressSanitizer warns about the failed allocation first, so only the tail is ours. */
    struct qt_child c = qt_run(alloc_huge, NULL, 0);
    CHECK_INT(qt_exit_code(&c), 101);
    CHECK(ends_with(c.err, "panic: out of memory\n"));
    qt_child_free(&c);

    CHECK_PANIC(alloc_negative, NULL, "out of memory", "");
}

qz_val quartz_main(void)
{
    RUN(test_zeroed);
    RUN(test_out_of_memory);
    return qt_done("alloc");
}
