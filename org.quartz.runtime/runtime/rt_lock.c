/*
 * rt_lock.c - the runtime's small lock (struct rt_lock, rt_internal.h): one word
 * instead of a 40-byte pthread mutex in every channel, task, mutex, group and
 * descriptor. It is the futex mutex of Drepper's "Futexes Are Tricky" (and Go's
 * lock_futex.go): state 0 = unlocked, 1 = locked, 2 = locked and somebody may
 * sleep on it. The fast paths (inline in the header) are one CAS to lock and one
 * exchange to unlock; only an unlock that finds 2 makes a system call.
 *
 * Every critical section under one of these is short and never blocks, so a
 * contended locker spins a little before it sleeps in the kernel.
 */
#include "rt_internal.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { SPINS = 64 };

static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

void rt_lock_contended(struct rt_lock *l)
{
    for (int i = 0; i < SPINS; i++) {
        int c = atomic_load_explicit(&l->state, memory_order_relaxed);
        if (c == 2)
            break;   /* others sleep already: join them */
        if (c == 0 && atomic_compare_exchange_weak_explicit(&l->state, &c, 1, memory_order_acquire,
                                                            memory_order_relaxed))
            return;
        cpu_relax();
    }
    /* Taking it as 2 is conservative: its unlock makes one futex call too many at worst. */
    while (atomic_exchange_explicit(&l->state, 2, memory_order_acquire) != 0)
        rt_futex_wait(&l->state, 2);
}

void rt_lock_wake(struct rt_lock *l)
{
    rt_futex_wake(&l->state);
}

void rt_futex_wait(atomic_int *word, int expected)
{
    syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, NULL, NULL, 0);
}

void rt_futex_wake(atomic_int *word)
{
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}
