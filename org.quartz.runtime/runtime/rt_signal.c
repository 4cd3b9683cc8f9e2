/*
 * rt_signal.c - fatal signals: a stack overflow is a panic, any other fault a
 * fatal error, never a bare signal.
 *
 * SIGSEGV and SIGBUS go to one handler that runs on an alternate signal stack
 * (sigaltstack), because a thread whose stack overflowed has no stack left to
 * run it on. Every thread that runs Quartz code has one: main (rt_signal_init)
 * and each thread the runtime starts - workers, the timer thread, the poller -
 * between rt_signal_thread_start and rt_signal_thread_stop. Each records its own
 * stack's lowest address then (pthread_getattr_np is not async-signal-safe, so
 * the handler cannot ask); a fault within GUARD_REACH below it, or in its lowest
 * page, is a stack overflow: "panic: stack overflow", exit 101. Any other
 * SIGSEGV or SIGBUS is "fatal error: unexpected signal ...", exit 2, as in Go.
 * Both flush stdout first (rt_io.c), with write(2) only.
 *
 * SIGPIPE is ignored, so a write to a closed pipe fails with EPIPE, which rt_io.c
 * reports. The collector's own signals (SIGPWR and SIGXCPU for stopping the
 * world on Linux) are left alone.
 *
 * The handler is async-signal-safe except for taking the output lock, which it
 * takes only when another thread holds it (that thread is in a short write and
 * lets go; a thread that faulted while holding it skips the lock).
 */
#include "rt_internal.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

enum {
    ALT_STACK_SIZE = 64 * 1024,     /* the handler needs little; sanitizers more */
    GUARD_REACH = 1 << 20,          /* the kernel's stack guard gap for main; pthreads' guard is less */
    OVERFLOW_EXIT_CODE = 101,
    SIGNAL_EXIT_CODE = 2,
};

/* This thread's stack (lowest address, 0 = unknown) and alternate stack. Plain
 * numbers and an mmap'd block: nothing the collector needs to see. */
static _Thread_local uintptr_t stack_low;
static _Thread_local void *alt_stack;
static uintptr_t page_size;             /* written once by rt_signal_init */

static void write_str(const char *s)
{
    struct iovec iov = { .iov_base = (void *)s, .iov_len = strlen(s) };
    rt_write_fd(2, &iov, 1);
}

/* "0x" and the hex digits of v, without printf (not async-signal-safe). */
static void write_hex(uintptr_t v)
{
    char buf[2 + 2 * sizeof v + 1];
    int i = (int)sizeof buf;
    buf[--i] = '\0';
    do {
        buf[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v != 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    write_str(buf + i);
}

static int is_stack_overflow(uintptr_t addr)
{
    return stack_low != 0 && addr < stack_low + page_size && addr + GUARD_REACH >= stack_low;
}

static void on_fault(int sig, siginfo_t *info, void *context)
{
    (void)context;
    uintptr_t addr = (uintptr_t)info->si_addr;
    rt_out_lock_for_signal();
    rt_out_flush_for_signal();
    if (sig == SIGSEGV && is_stack_overflow(addr)) {
        write_str("panic: stack overflow\n");
        _exit(OVERFLOW_EXIT_CODE);
    }
    write_str(sig == SIGSEGV ? "fatal error: unexpected signal SIGSEGV (segmentation fault) at address "
                             : "fatal error: unexpected signal SIGBUS (bus error) at address ");
    write_hex(addr);
    write_str("\n");
    _exit(SIGNAL_EXIT_CODE);
}

void rt_signal_thread_start(void)
{
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0)
            stack_low = (uintptr_t)addr;
        pthread_attr_destroy(&attr);
    }
    void *p = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return;  /* no alternate stack: an overflow then dies of the signal itself */
    stack_t ss = { .ss_sp = p, .ss_size = ALT_STACK_SIZE, .ss_flags = 0 };
    if (sigaltstack(&ss, NULL) != 0) {
        munmap(p, ALT_STACK_SIZE);
        return;
    }
    alt_stack = p;
}

void rt_signal_thread_stop(void)
{
    if (alt_stack == NULL)
        return;
    stack_t ss = { .ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE };
    sigaltstack(&ss, NULL);
    munmap(alt_stack, ALT_STACK_SIZE);
    alt_stack = NULL;
}

void rt_signal_init(void)
{
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    signal(SIGPIPE, SIG_IGN);
    rt_signal_thread_start();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
