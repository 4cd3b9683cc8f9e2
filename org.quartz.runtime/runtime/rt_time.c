/*
 * rt_time.c - the monotonic clock. Readings only ever grow; they are for
 * measuring intervals, not for telling the time of day.
 */
#include "rt_internal.h"

#include <time.h>

qz_val qz_time_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (qz_val)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

qz_val qz_time_now_ms(void)
{
    return qz_time_now_ns() / 1000000;
}
