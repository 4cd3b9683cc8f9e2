/*
 * rt_io.c - console output: puts, print, eputs, flush.
 *
 * stdout goes through one process-wide buffer of the runtime's own (not stdio's),
 * so that the signal handler (rt_signal.c) can write it out with write(2) alone.
 * It is line-buffered when stdout is a terminal and fully buffered otherwise; it is
 * written out when full, by flush(), when the program ends (return from main,
 * exit), before anything goes to stderr (so the two streams interleave in the
 * order the program wrote them) and on every abnormal end (panic, fatal error,
 * fatal signal). stderr is unbuffered: each line goes out in one writev.
 *
 * A failed write to stdout (EPIPE once the reader closed the pipe - SIGPIPE is
 * ignored, rt_signal.c - or ENOSPC) ends the program at once with "fatal error:
 * write to standard output failed: <reason>" and exit code 1, like Unix tools; the
 * abnormal-end paths ignore it (their own message matters more).
 *
 * Thread safety: every call holds the runtime-wide output lock (out_mu) while it
 * writes, and so does a panic while it flushes and reports, so with tasks on
 * worker threads a line is never torn and flush-then-write to stderr is one step.
 * out_mu is a leaf lock: nothing else is taken while it is held. out_owner names
 * the thread holding it, so a fatal signal on that very thread does not wait for
 * itself (rt_out_lock_for_signal).
 */
#include "rt_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

enum { STDOUT_BUFFER_SIZE = 1 << 16, STDOUT_FAILED_EXIT_CODE = 1 };

static pthread_mutex_t out_mu = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(pthread_t) out_owner;    /* meaningful only while out_mu is held */
static atomic_int out_held;

/* Owner: out_mu. out_len grows only after an append's bytes are in place, so a
 * fatal signal during an append writes out what came before it. */
static char out_buf[STDOUT_BUFFER_SIZE];
static size_t out_len;
static int line_buffered;               /* written once by rt_io_init */

void rt_out_lock(void)
{
    pthread_mutex_lock(&out_mu);
    atomic_store(&out_owner, pthread_self());
    atomic_store(&out_held, 1);
}

void rt_out_unlock(void)
{
    atomic_store(&out_held, 0);
    pthread_mutex_unlock(&out_mu);
}

void rt_out_lock_for_signal(void)
{
    if (atomic_load(&out_held) && pthread_equal(atomic_load(&out_owner), pthread_self()))
        return;  /* this thread faulted while it held the lock: the buffer is as it left it */
    rt_out_lock();
}

void rt_io_init(void)
{
    line_buffered = isatty(1);
}

/* Writes all of iov to fd; -1 with errno on failure (EINTR retried). */
static int write_all(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        ssize_t w = writev(fd, iov, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
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
    return 0;
}

void rt_write_fd(int fd, struct iovec *iov, int n)
{
    (void)write_all(fd, iov, n);  /* nowhere left to report a failing stderr */
}

/* Under out_mu, with the failing write's errno: the program cannot go on printing. */
QZ_NORETURN static void stdout_failed(int err)
{
    const char *reason = strerror(err);
    struct iovec iov[3] = {
        { .iov_base = "fatal error: write to standard output failed: ", .iov_len = 46 },
        { .iov_base = (void *)reason, .iov_len = strlen(reason) },
        { .iov_base = "\n", .iov_len = 1 },
    };
    rt_write_fd(2, iov, 3);
    _exit(STDOUT_FAILED_EXIT_CODE);
}

/* Writes out the buffer and then extra (may be empty); under out_mu. -1: errno. */
static int write_out(const char *extra, size_t extra_len)
{
    struct iovec iov[2] = {
        { .iov_base = out_buf, .iov_len = out_len },
        { .iov_base = (void *)extra, .iov_len = extra_len },
    };
    int r = write_all(1, iov, 2);
    out_len = 0;
    return r;
}

void rt_out_flush_locked(void)
{
    if (out_len > 0)
        (void)write_out("", 0);
}

void rt_out_flush_for_signal(void)
{
    if (out_len > 0) {
        struct iovec iov = { .iov_base = out_buf, .iov_len = out_len };
        (void)write_all(1, &iov, 1);  /* writev is async-signal-safe */
    }
}

static void append(const char *p, size_t n)
{
    if (out_len + n > sizeof out_buf) {
        if (write_out(p, n) != 0)
            stdout_failed(errno);
        return;
    }
    memcpy(out_buf + out_len, p, n);
    out_len += n;
}

/* Under out_mu: a failure ends the program. */
static void flush_or_fail(void)
{
    if (out_len > 0 && write_out("", 0) != 0)
        stdout_failed(errno);
}

static void write_stdout(qz_val s, int newline)
{
    const struct qz_string *str = rt_ptr(s);
    const char *bytes = rt_str_bytes(str);
    size_t len = (size_t)rt_str_len(str);
    rt_out_lock();
    append(bytes, len);
    if (newline)
        append("\n", 1);
    if (line_buffered && (newline || memchr(bytes, '\n', len) != NULL))
        flush_or_fail();
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

void qz_flush(void)
{
    rt_out_lock();
    flush_or_fail();
    rt_out_unlock();
}

/* Before a read from standard input, as C's stdio does: a prompt written without a
 * newline shows on a terminal before the program waits for the answer. */
void rt_out_flush_if_terminal(void)
{
    if (!line_buffered)
        return;
    rt_out_lock();
    flush_or_fail();
    rt_out_unlock();
}

void qz_eputs(qz_val s)
{
    const struct qz_string *str = rt_ptr(s);
    struct iovec iov[2] = {
        { .iov_base = (void *)rt_str_bytes(str), .iov_len = (size_t)rt_str_len(str) },
        { .iov_base = "\n", .iov_len = 1 },
    };
    rt_out_lock();
    flush_or_fail();
    rt_write_fd(2, iov, 2);
    rt_out_unlock();
}
