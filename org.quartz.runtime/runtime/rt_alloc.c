/*
 * rt_alloc.c - memory.
 *
 * Every allocation in the runtime goes through here, so that a collector can take
 * over in one place later. There is none yet: Quartz values live until the process
 * exits. rt_free exists for the runtime's scratch memory only (storage a Vec has
 * outgrown, a Map's old tables, a finished string builder), which no value can
 * reference. Nothing here returns NULL: running out of memory is a panic.
 */
#include "rt_internal.h"

#include <stdlib.h>

void *rt_alloc(size_t n)
{
    /* calloc(0) may return NULL, which would read as failure. */
    void *p = calloc(1, n ? n : 1);
    if (p == NULL)
        rt_panic_oom();
    return p;
}

void *rt_alloc_raw(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
        rt_panic_oom();
    return p;
}

void *rt_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        rt_panic_oom();
    return q;
}

void rt_free(void *p)
{
    free(p);
}

size_t rt_words(int64_t n)
{
    if (n < 0 || (uint64_t)n > SIZE_MAX / sizeof(int64_t))
        rt_panic_oom();
    return (size_t)n * sizeof(int64_t);
}

qz_val qz_alloc(qz_val nbytes)
{
    /* A negative size cannot be satisfied; treat it like any impossible request. */
    if (nbytes < 0)
        rt_panic_oom();
    return rt_val(rt_alloc((size_t)nbytes));
}
