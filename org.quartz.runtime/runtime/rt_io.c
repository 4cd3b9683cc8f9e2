/*
 * rt_io.c - console output: puts, print, eputs.
 *
 * stdout is fully buffered through one large process-wide buffer, set up before
 * the program runs; it is flushed when main returns, on qz_exit and on a panic,
 * and before anything goes to stderr so the two streams interleave in the order
 * the program wrote them. stderr is unbuffered: each line goes out in one writev.
 *
 * Thread safety: every call holds the runtime-wide output lock (out_mu) while it
 * writes, and so does a panic while it flushes and reports, so with tasks on
 * worker threads a line is never torn and flush-then-write to stderr is one step.
 * out_mu is a leaf lock: nothing else is taken while it is held.
 */
#include "rt_internal.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

enum { STDOUT_BUFFER_SIZE = 1 << 16 };

static pthread_mutex_t out_mu = PTHREAD_MUTEX_INITIALIZER;

void rt_out_lock(void)
{
    pthread_mutex_lock(&out_mu);
}

void rt_out_unlock(void)
{
    pthread_mutex_unlock(&out_mu);
}

/* Lives for the whole process: stdio flushes from it at exit. */
static char stdout_buffer[STDOUT_BUFFER_SIZE];

void rt_io_init(void)
{
    setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
}

void rt_write_fd(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        ssize_t w = writev(fd, iov, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;  /* nowhere left to report a failing stderr */
        }
        /* Short write: skip what went out and retry the rest. */
        while (n > 0 && (size_t)w >= iov->iov_len) {
            w -= (ssize_t)iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + w;
            iov->iov_len -= (size_t)w;
        }
    }
}

static void write_stdout(qz_val s, int newline)
{
    const struct qz_string *str = rt_ptr(s);
    rt_out_lock();
    flockfile(stdout);
    fwrite_unlocked(rt_str_bytes(str), 1, (size_t)rt_str_len(str), stdout);
    if (newline)
        putc_unlocked('\n', stdout);
    funlockfile(stdout);
    rt_out_unlock();
}

void qz_puts(qz_val s)
{
    write_stdout(s, 1);
}

void qz_print(qz_val s)
{
    write_stdout(s, 0);
}

void qz_eputs(qz_val s)
{
    const struct qz_string *str = rt_ptr(s);
    struct iovec iov[2] = {
        { .iov_base = (void *)rt_str_bytes(str), .iov_len = (size_t)rt_str_len(str) },
        { .iov_base = "\n", .iov_len = 1 },
    };
    rt_out_lock();
    fflush(stdout);
    rt_write_fd(2, iov, 2);
    rt_out_unlock();
}
