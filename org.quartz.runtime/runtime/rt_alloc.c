/*
 * rt_alloc.c - memory: every allocation of the runtime and of compiled code.
 *
 * Quartz values live on the heap of the Boehm-Demers-Weiser collector (bdwgc),
 * linked statically into every program. It is conservative: any word in a root
 * or in a scanned object that points into (or one past) an object keeps it
 * alive, so values need no type maps and a task's heap frame, a wait node
 * embedded in a task, or a pointer to a string's bytes all hold their object.
 * The collector sees
 *   - every thread's stack and registers: gc.h (included with GC_THREADS by
 *     rt_internal.h) turns each pthread_create of the runtime into the
 *     collector's, and the main thread registers in GC_INIT below;
 *   - the data and bss of the program (the compiled program's globals and the
 *     runtime's statics: the at_exit list, the scheduler, the timer heap, the
 *     poller's table);
 *   - the objects reachable from those. Thread-locals are not scanned: no value
 *     may live only in a _Thread_local (rt_internal.h).
 * Kinds of memory:
 *   rt_alloc        a collected object that may hold pointers (scanned), zeroed;
 *   rt_alloc_bytes  a collected object that holds no pointers (never scanned:
 *                   string bytes, hash indexes, I/O buffers), uninitialised;
 *   rt_alloc_fixed  runtime-owned memory that holds pointers but is freed
 *                   explicitly (the scheduler's structures): scanned, never
 *                   collected, released with rt_free.
 * rt_free releases at once memory that nothing else can reference (scratch the
 * runtime owns); anything else is simply dropped and collected.
 *
 * QZ_NO_GC (the runtime's ASan/UBSan and TSan test builds only: sanitizers and
 * a conservative collector do not mix) puts calloc/malloc behind the same
 * functions; nothing is then collected. What ships is always the collector.
 *
 * QUARTZ_GC_STRESS=N (environment) runs a full collection every N allocations
 * of each thread, so that a pointer the collector cannot see shows up at once
 * as a crash or as corrupted output (the tests run the stress programs so).
 *
 * Nothing here returns NULL: running out of memory is a panic.
 */
#include "rt_internal.h"

#include <stdlib.h>

#ifdef QZ_NO_GC

static void *checked(void *p)
{
    if (p == NULL)
        rt_panic_oom();
    return p;
}

/* calloc(0) and malloc(0) may return NULL, which would read as failure. */
void *rt_alloc(size_t n) { return checked(calloc(1, n ? n : 1)); }
void *rt_alloc_bytes(size_t n) { return checked(malloc(n ? n : 1)); }
void *rt_alloc_fixed(size_t n) { return rt_alloc(n); }
void *rt_realloc(void *p, size_t n) { return checked(realloc(p, n ? n : 1)); }
void rt_free(void *p) { free(p); }
int64_t rt_gc_collections(void) { return 0; }

#else

#include <stdatomic.h>

enum { INITIAL_HEAP = 1 << 20 };
static int64_t stress_every;                    /* 0: no stress; written before main */
static _Thread_local int64_t stress_countdown;

/* Before main, on the main thread: the collector must know that thread first. */
__attribute__((constructor)) static void gc_start(void)
{
    GC_set_all_interior_pointers(1);
    GC_INIT();
    /* Its warnings (e.g. "repeated allocation of very large block") are advice for C
     * programmers and would only puzzle a program's users on stderr. */
    GC_set_warn_proc(GC_ignore_warn_proc);
    /* A program that makes garbage but keeps little gets a collection per MiB or so
     * of it rather than per few hundred KiB (each stops every thread): the actor
     * row of bench/concurrency went from 86 collections to 12, for 0.8 MiB more
     * peak RSS (Go's smallest heap goal is 4 MiB; 4 MiB here cost 4 MiB of RSS). */
    GC_expand_hp(INITIAL_HEAP);
    const char *stress = getenv("QUARTZ_GC_STRESS");
    if (stress != NULL && *stress != '\0') {
        long long every = atoll(stress);
        stress_every = every > 0 ? every : 1;
    }
}

static void *checked(void *p)
{
    if (p == NULL)
        rt_panic_oom();
    return p;
}

static void stress_tick(void)
{
    if (stress_every > 0 && --stress_countdown <= 0) {
        stress_countdown = stress_every;
        GC_gcollect();
    }
}

/* GC_MALLOC(0) returns a unique object too, but keep the size positive like realloc. */
void *rt_alloc(size_t n)
{
    stress_tick();
    return checked(GC_MALLOC(n ? n : 1));
}

void *rt_alloc_bytes(size_t n)
{
    stress_tick();
    return checked(GC_MALLOC_ATOMIC(n ? n : 1));
}

void *rt_alloc_fixed(size_t n)
{
    return checked(GC_MALLOC_UNCOLLECTABLE(n ? n : 1));
}

/* Keeps the kind of p's memory; from NULL it is rt_alloc's kind. */
void *rt_realloc(void *p, size_t n)
{
    stress_tick();
    return checked(GC_REALLOC(p, n ? n : 1));
}

void rt_free(void *p)
{
    GC_FREE(p);
}

int64_t rt_gc_collections(void)
{
    return (int64_t)GC_get_gc_no();
}

#endif

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
