/*
 * qz_test.h - the little harness the runtime's unit tests share.
 *
 * Each test_*.c is a whole Quartz-shaped program: it defines quartz_main, which the
 * runtime's own main calls, and returns the number of failed checks as the exit
 * status. So the tests run the real start-up path (arguments, stdout buffering,
 * exit) rather than a stand-in.
 *
 * Paths that end the process (panics, exit) run in a forked child whose stdout and
 * stderr are captured through pipes; the parent checks its exit status and output.
 */
#ifndef QZ_TEST_H
#define QZ_TEST_H

#include "rt_internal.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int qt_checks, qt_failures;

/* A thread of the test's own that runs synchronous Quartz code (a sender main waits
 * for): registered as foreign, so the deadlock detector (rt_deadlock.c) knows main
 * may still be woken. qt_thread_join unregisters it. */
static inline void qt_thread_start(pthread_t *th, void *(*body)(void *), void *arg)
{
    rt_foreign_thread_enter();
    if (pthread_create(th, NULL, body, arg) != 0) {
        perror("pthread_create");
        exit(2);
    }
}

static inline void qt_thread_join(pthread_t th)
{
    pthread_join(th, NULL);
    rt_foreign_thread_exit();
}

static inline void qt_fail(const char *file, int line, const char *what)
{
    qt_failures++;
    fprintf(stderr, "%s:%d: FAIL %s\n", file, line, what);
}

#define CHECK(cond) \
    do { qt_checks++; if (!(cond)) qt_fail(__FILE__, __LINE__, #cond); } while (0)

#define CHECK_INT(got, want) qt_check_int((got), (want), #got, __FILE__, __LINE__)
#define CHECK_STR(got, want) qt_check_str((got), (want), #got, __FILE__, __LINE__)

static inline void qt_check_int(int64_t got, int64_t want, const char *expr, const char *file, int line)
{
    qt_checks++;
    if (got != want) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s == %lld, want %lld", expr, (long long)got, (long long)want);
        qt_fail(file, line, buf);
    }
}

/* Compares a Quartz String with a C string; got must be non-NULL (the runtime never returns NULL). */
static inline void qt_check_str(qz_val got, const char *want, const char *expr, const char *file, int line)
{
    qt_checks++;
    const struct qz_string *s = rt_ptr(got);
    if (s == NULL) {
        qt_fail(file, line, expr);
        return;
    }
    if ((size_t)s->len != strlen(want) || memcmp(s->bytes, want, strlen(want)) != 0
        || s->bytes[s->len] != '\0') {
        char buf[512];
        snprintf(buf, sizeof buf, "%s == \"%.*s\", want \"%s\"", expr,
                 (int)(s->len < 200 ? s->len : 200), s->bytes, want);
        qt_fail(file, line, buf);
    }
}

/* A Quartz String from a C string. */
static inline qz_val S(const char *c)
{
    return rt_str_from(c, (int64_t)strlen(c));
}

/* A Vec<String> from C strings. */
static inline qz_val V(int n, const char *const *items)
{
    qz_val v = qz_vec_new();
    for (int i = 0; i < n; i++)
        qz_vec_push(v, S(items[i]));
    return v;
}

static inline int64_t vlen(qz_val v)
{
    return ((const struct qz_vec *)rt_ptr(v))->len;
}

static inline qz_val vat(qz_val v, int64_t i)
{
    return ((const struct qz_vec *)rt_ptr(v))->data[i];
}

/* Captured outcome of a child process. */
struct qt_child {
    int status;        /* as from waitpid */
    char *out, *err;   /* NUL-terminated; free with qt_child_free */
    size_t out_len, err_len;
};

static inline void qt_append(char **buf, size_t *len, const char *data, size_t n)
{
    *buf = realloc(*buf, *len + n + 1);
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = '\0';
}

/*
 * Runs body(arg) in a forked child. If body returns, the child flushes stdout (as
 * the program's end does: a failed write is a fatal error) and exits 0. With merge set, the child's stderr goes into the same pipe as its
 * stdout, so the order between the two streams can be checked.
 */
static inline struct qt_child qt_run(void (*body)(const void *), const void *arg, int merge)
{
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) {
        perror("pipe");
        exit(2);
    }
    qz_flush();      /* else the child would inherit, and repeat, our buffered output */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(merge ? out[1] : err[1], 2);
        close(out[0]);
        close(out[1]);
        close(err[0]);
        close(err[1]);
        body(arg);
        qz_flush();
        _exit(0);
    }
    close(out[1]);
    close(err[1]);
    struct qt_child c = { 0, calloc(1, 1), calloc(1, 1), 0, 0 };
    struct pollfd fds[2] = { { out[0], POLLIN, 0 }, { err[0], POLLIN, 0 } };
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0)
            continue;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            char buf[65536];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                if (i == 0)
                    qt_append(&c.out, &c.out_len, buf, (size_t)n);
                else
                    qt_append(&c.err, &c.err_len, buf, (size_t)n);
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;  /* poll ignores negative descriptors */
                open_fds--;
            }
        }
    }
    waitpid(pid, &c.status, 0);
    return c;
}

static inline void qt_child_free(struct qt_child *c)
{
    free(c->out);
    free(c->err);
}

static inline int qt_exit_code(const struct qt_child *c)
{
    return WIFEXITED(c->status) ? WEXITSTATUS(c->status) : -1;
}

/* body must panic with exactly msg: exit code 101, stderr "panic: msg\n", and
 * its stdout (flushed before the panic) must be want_out. */
#define CHECK_PANIC(body, arg, msg, want_out) \
    qt_check_panic((body), (arg), (msg), (want_out), #body, __FILE__, __LINE__)

static inline void qt_check_panic(void (*body)(const void *), const void *arg, const char *msg, const char *want_out,
                           const char *name, const char *file, int line)
{
    struct qt_child c = qt_run(body, arg, 0);
    char want_err[512];
    snprintf(want_err, sizeof want_err, "panic: %s\n", msg);
    qt_checks++;
    if (qt_exit_code(&c) != 101 || strcmp(c.err, want_err) != 0 || strcmp(c.out, want_out) != 0) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s: exit %d, stderr \"%.200s\", stdout \"%.200s\"; want 101, \"%s\", \"%s\"",
                 name, qt_exit_code(&c), c.err, c.out, want_err, want_out);
        qt_fail(file, line, buf);
    }
    qt_child_free(&c);
}

#define RUN(test) (test)()

/* The value quartz_main returns: the number of failures (0 = success). */
static inline qz_val qt_done(const char *suite)
{
    fprintf(stderr, "%s: %d checks, %d failed\n", suite, qt_checks, qt_failures);
    return qt_failures;
}

#endif
