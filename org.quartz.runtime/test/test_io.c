/* Tests for rt_io.c: puts/print/eputs/flush, NULL as "", stdout/stderr ordering,
 * buffering (line-buffered on a terminal only) and failed writes to stdout. */
#include "qz_test.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>

static void write_both(const void *arg)
{
    (void)arg;
    qz_print(S("a"));
    qz_puts(S("b"));
    qz_puts(0);
    qz_print(0);
    qz_eputs(S("to stderr"));
    qz_eputs(0);
    qz_puts(S("c"));
}

static void test_separate_streams(void)
{
    struct qt_child c = qt_run(write_both, NULL, 0);
    CHECK_INT(qt_exit_code(&c), 0);
    CHECK(strcmp(c.out, "ab\n\nc\n") == 0);
    CHECK(strcmp(c.err, "to stderr\n\n") == 0);
    qt_child_free(&c);
}

/* With both streams in one pipe, eputs must have flushed the stdout before it. */
static void test_interleaving(void)
{
    struct qt_child c = qt_run(write_both, NULL, 1);
    CHECK(strcmp(c.out, "ab\n\nto stderr\n\nc\n") == 0);
    qt_child_free(&c);
}

static void write_embedded_nul(const void *arg)
{
    (void)arg;
    qz_puts(rt_str_from("x\0y", 3));  /* strings carry a length: NUL is just a byte */
}

static void test_embedded_nul(void)
{
    struct qt_child c = qt_run(write_embedded_nul, NULL, 0);
    CHECK_INT((int64_t)c.out_len, 4);
    CHECK(memcmp(c.out, "x\0y\n", 4) == 0);
    qt_child_free(&c);
}

/* Prints a line and a partial one, then dies of a signal nothing flushes before:
 * what arrived is what the buffering already wrote out. */
static void line_then_kill(const void *arg)
{
    (void)arg;
    rt_io_init();  /* fd 1 may have become a terminal since main set up the buffering */
    qz_puts(S("line"));
    qz_print(S("partial"));
    kill(getpid(), SIGKILL);
}

/* Reads the pty master until the child's side is gone. */
static void read_all(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    for (;;) {
        ssize_t n = read(fd, buf + len, cap - 1 - len);
        if (n <= 0)
            break;  /* EIO once the slave side is closed */
        len += (size_t)n;
    }
    buf[len] = '\0';
}

static void test_line_buffered_on_terminal(void)
{
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) != 0) {
        perror("openpty");
        CHECK(0);
        return;
    }
    qz_flush();
    pid_t pid = fork();
    if (pid == 0) {
        close(master);
        dup2(slave, 1);
        close(slave);
        line_then_kill(NULL);
    }
    close(slave);
    char out[256];
    read_all(master, out, sizeof out);
    close(master);
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(strcmp(out, "line\r\n") == 0);  /* the terminal turns \n into \r\n */
}

static void test_fully_buffered_on_pipe(void)
{
    struct qt_child c = qt_run(line_then_kill, NULL, 0);
    CHECK_INT((int64_t)c.out_len, 0);
    qt_child_free(&c);
}

static void print_flush_kill(const void *arg)
{
    (void)arg;
    qz_print(S("flushed"));
    qz_flush();
    qz_print(S(" lost"));
    kill(getpid(), SIGKILL);
}

static void test_flush(void)
{
    struct qt_child c = qt_run(print_flush_kill, NULL, 0);
    CHECK(strcmp(c.out, "flushed") == 0);
    qt_child_free(&c);
}

/* stdout replaced by a file that refuses writes (/dev/full: ENOSPC) or by a pipe
 * whose reader is gone (EPIPE: SIGPIPE is ignored, rt_signal.c). */
struct broken_out {
    int full;           /* 1: /dev/full, 0: a closed pipe */
    int big;            /* write more than the buffer holds, without flushing */
};

static void write_to_broken(const void *arg)
{
    const struct broken_out *b = arg;
    if (b->full) {
        int fd = open("/dev/full", O_WRONLY);
        dup2(fd, 1);
        close(fd);
    } else {
        int p[2];
        if (pipe(p) != 0)
            _exit(97);
        close(p[0]);
        dup2(p[1], 1);
        close(p[1]);
    }
    if (b->big) {
        for (int i = 0; i < 100000; i++)
            qz_puts(S("more than the buffer holds"));
        _exit(0);  /* not reached: the write that overflows the buffer fails */
    }
    qz_puts(S("x"));
    /* qt_run's end flushes as the program's end does. */
}

static void test_failed_write(void)
{
    static const struct broken_out cases[] = { { 1, 0 }, { 0, 0 }, { 1, 1 }, { 0, 1 } };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct qt_child c = qt_run(write_to_broken, &cases[i], 0);
        CHECK_INT(qt_exit_code(&c), 1);
        char want[128];
        snprintf(want, sizeof want, "fatal error: write to standard output failed: %s\n",
                 strerror(cases[i].full ? ENOSPC : EPIPE));
        CHECK(strcmp(c.err, want) == 0);
        qt_child_free(&c);
    }
}

qz_val quartz_main(void)
{
    RUN(test_separate_streams);
    RUN(test_interleaving);
    RUN(test_embedded_nul);
    RUN(test_line_buffered_on_terminal);
    RUN(test_fully_buffered_on_pipe);
    RUN(test_flush);
    RUN(test_failed_write);
    return qt_done("io");
}
