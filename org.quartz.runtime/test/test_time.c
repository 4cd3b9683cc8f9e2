/* Tests for rt_time.c: the clock is monotonic and its two units agree. */
#include "qz_test.h"

#include <time.h>

static void test_monotonic(void)
{
    qz_val prev = qz_time_now_ns();
    for (int i = 0; i < 1000; i++) {
        qz_val now = qz_time_now_ns();
        CHECK(now >= prev);
        prev = now;
    }
}

static void test_units(void)
{
    qz_val ms0 = qz_time_now_ms(), ns0 = qz_time_now_ns();
    struct timespec nap = { 0, 20 * 1000000 };
    nanosleep(&nap, NULL);
    qz_val ms1 = qz_time_now_ms(), ns1 = qz_time_now_ns();
    CHECK(ns1 - ns0 >= 20 * 1000000);
    CHECK(ms1 - ms0 >= 19);  /* ms readings are truncated */
    CHECK(ms1 - ms0 < 5000);
    CHECK(ns1 / 1000000 - ms1 <= 1);
}

qz_val quartz_main(void)
{
    RUN(test_monotonic);
    RUN(test_units);
    return qt_done("time");
}
