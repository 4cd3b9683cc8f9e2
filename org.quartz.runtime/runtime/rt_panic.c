/*
 * rt_panic.c - panics: the one way a Quartz program stops abnormally.
 *
 * A panic flushes stdout (so everything printed before it is seen), writes
 * "panic: <message>\n" to stderr in one writev, and exits with code 101.
 * It uses _exit, not exit: a panic may come from any thread once tasks run on
 * worker threads, and atexit handlers or stdio teardown must not race with them.
 * It holds the output lock (rt_io.c) from the flush to the exit, so output of
 * other threads cannot slip in between, and a second panic waits for the first.
 * Nothing here allocates, so running out of memory can panic too. rt_fatal is
 * the same for the runtime's own fatal errors ("fatal error: <message>", its
 * own exit code), such as a deadlock.
 */
#include "rt_internal.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { PANIC_EXIT_CODE = 101 };

void rt_panic_msg(const char *msg, size_t len)
{
    rt_out_lock();
    rt_out_flush_locked();
    struct iovec iov[3] = {
        { .iov_base = "panic: ", .iov_len = 7 },
        { .iov_base = (void *)msg, .iov_len = len },
        { .iov_base = "\n", .iov_len = 1 },
    };
    rt_write_fd(2, iov, 3);
    _exit(PANIC_EXIT_CODE);
}

void rt_fatal(const char *msg, int exit_code)
{
    rt_out_lock();
    rt_out_flush_locked();
    struct iovec iov[3] = {
        { .iov_base = "fatal error: ", .iov_len = 13 },
        { .iov_base = (void *)msg, .iov_len = strlen(msg) },
        { .iov_base = "\n", .iov_len = 1 },
    };
    rt_write_fd(2, iov, 3);
    _exit(exit_code);
}

void rt_panic_cstr(const char *msg)
{
    rt_panic_msg(msg, strlen(msg));
}

void rt_panic_index(int64_t index, int64_t size)
{
    char buf[80];  /* fits both numbers at their widest */
    int n = snprintf(buf, sizeof buf, "index out of bounds: index %lld, size %lld",
                     (long long)index, (long long)size);
    rt_panic_msg(buf, (size_t)n);
}

void rt_panic_oom(void)
{
    rt_panic_cstr("out of memory");
}

void qz_panic(qz_val msg)
{
    const struct qz_string *s = rt_ptr(msg);
    rt_panic_msg(rt_str_bytes(s), (size_t)rt_str_len(s));
}

/* A nil struct, Vec, Map or closure used where a value is needed: the compiler
 * checks before the dereference and passes the type's name and the place. */
void qz_panic_nil(qz_val type, qz_val where)
{
    const struct qz_string *t = rt_ptr(type), *w = rt_ptr(where);
    int tn = rt_str_len(t) < 400 ? (int)rt_str_len(t) : 400;  /* short compiler constants */
    int wn = rt_str_len(w) < 400 ? (int)rt_str_len(w) : 400;
    char buf[840];
    int n = snprintf(buf, sizeof buf, "nil value of %.*s at %.*s", tn, rt_str_bytes(t), wn, rt_str_bytes(w));
    rt_panic_msg(buf, (size_t)n);
}

void qz_panic_index(qz_val index, qz_val size)
{
    rt_panic_index(index, size);
}

void qz_panic_div_zero(void)
{
    rt_panic_cstr("division by zero");
}

void qz_panic_unwrap_none(void)
{
    rt_panic_cstr("called unwrap on None");
}

void qz_panic_unwrap_err(void)
{
    rt_panic_cstr("called unwrap on Err");
}

void qz_panic_match(void)
{
    rt_panic_cstr("no match arm matched");
}
