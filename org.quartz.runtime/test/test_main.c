/*
 * Tests for rt_main.c: arguments, the exit status, qz_exit, and that buffered
 * output survives every way out. Each case re-runs this very binary with QT_MODE
 * set, so the runtime's real main does the work.
 */
#include "qz_test.h"

#include <fcntl.h>

enum { BIG_LINES = 200000 };

/* at_exit handlers: closures laid out as the compiler makes them, {function, 0}. */
static qz_val say_first(qz_val self) { (void)self; qz_puts(S("first")); return 0; }
static qz_val say_second(qz_val self) { (void)self; qz_puts(S("second")); return 0; }
static qz_val exit_four(qz_val self) { (void)self; qz_puts(S("exit 4")); qz_exit(4); }
static qz_val first_closure[2], second_closure[2], exit_closure[2];

static void make_closures(void)
{
    first_closure[0] = (qz_val)say_first;
    second_closure[0] = (qz_val)say_second;
    exit_closure[0] = (qz_val)exit_four;
}

/* The child's side: what quartz_main does in each mode. */
static qz_val run_mode(const char *mode)
{
    if (strcmp(mode, "return42") == 0) {
        qz_print(S("no newline, still flushed"));
        return 42;
    }
    if (strcmp(mode, "return256") == 0)
        return 256 + 7;  /* only the low 8 bits reach the parent */
    if (strcmp(mode, "args") == 0) {
        qz_val a = qz_args();
        for (int64_t i = 0; i < vlen(a); i++)
            qz_puts(vat(a, i));
        qz_vec_push(a, S("mutated"));  /* each call gives a fresh Vec */
        return vlen(qz_args());
    }
    if (strcmp(mode, "exit") == 0) {
        qz_print(S("bye"));
        qz_exit(3);
    }
    make_closures();
    if (strcmp(mode, "atexit") == 0) {
        qz_at_exit((qz_val)first_closure);
        qz_at_exit((qz_val)second_closure);
        qz_puts(S("main"));
        return 5;
    }
    if (strcmp(mode, "atexit_exit") == 0) {
        qz_at_exit((qz_val)first_closure);
        qz_at_exit((qz_val)exit_closure);
        qz_at_exit((qz_val)second_closure);
        qz_exit(9);
    }
    if (strcmp(mode, "full") == 0) {
        qz_print(S("to /dev/full"));  /* the end's flush fails: a fatal error, not success */
        return 0;
    }
    if (strcmp(mode, "big") == 0) {
        for (int i = 0; i < BIG_LINES; i++)
            qz_puts(qz_int_to_s(i));
        return 0;
    }
    return 99;
}

struct exec_args {
    const char *mode;
    char *const *argv;
};

static void exec_self(const void *arg)
{
    const struct exec_args *e = arg;
    if (strcmp(e->mode, "full") == 0) {
        int fd = open("/dev/full", O_WRONLY);
        dup2(fd, 1);
        close(fd);
    }
    setenv("QT_MODE", e->mode, 1);
    execv("/proc/self/exe", e->argv);
    _exit(98);
}

static struct qt_child run_self(const char *mode, char *const *argv)
{
    static char *const no_args[] = { "test_main", NULL };
    struct exec_args e = { mode, argv ? argv : no_args };
    return qt_run(exec_self, &e, 0);
}

static void test_exit_status(void)
{
    struct qt_child c = run_self("return42", NULL);
    CHECK_INT(qt_exit_code(&c), 42);
    CHECK(strcmp(c.out, "no newline, still flushed") == 0);
    qt_child_free(&c);

    c = run_self("return256", NULL);
    CHECK_INT(qt_exit_code(&c), 7);
    qt_child_free(&c);
}

static void test_args(void)
{
    char *const argv[] = { "test_main", "alpha", "two words", "", "ünï", NULL };
    struct qt_child c = run_self("args", argv);
    CHECK_INT(qt_exit_code(&c), 4);
    CHECK(strcmp(c.out, "alpha\ntwo words\n\nünï\n") == 0);
    qt_child_free(&c);

    char *const bare[] = { "test_main", NULL };
    c = run_self("args", bare);
    CHECK_INT(qt_exit_code(&c), 0);
    CHECK_INT((int64_t)c.out_len, 0);
    qt_child_free(&c);
}

static void test_exit(void)
{
    struct qt_child c = run_self("exit", NULL);
    CHECK_INT(qt_exit_code(&c), 3);
    CHECK(strcmp(c.out, "bye") == 0);
    qt_child_free(&c);
}

/* Handlers run newest first after main; one calling qz_exit sets the code, the rest still run once. */
static void test_at_exit(void)
{
    struct qt_child c = run_self("atexit", NULL);
    CHECK_INT(qt_exit_code(&c), 5);
    CHECK(strcmp(c.out, "main\nsecond\nfirst\n") == 0);
    qt_child_free(&c);

    c = run_self("atexit_exit", NULL);
    CHECK_INT(qt_exit_code(&c), 4);
    CHECK(strcmp(c.out, "second\nexit 4\nfirst\n") == 0);
    qt_child_free(&c);
}

/* Far more than the stdout buffer: every byte must arrive, in order. */
static void test_big_output(void)
{
    struct qt_child c = run_self("big", NULL);
    CHECK_INT(qt_exit_code(&c), 0);
    size_t want = 0;
    for (int i = 0; i < BIG_LINES; i++)
        want += (size_t)rt_int_len(i) + 1;
    CHECK_INT((int64_t)c.out_len, (int64_t)want);
    CHECK(c.out_len >= 14 && strcmp(c.out + c.out_len - 14, "199998\n199999\n") == 0);
    qt_child_free(&c);
}

/* The flush at the end of a program that fails is not silent. */
static void test_failed_final_flush(void)
{
    struct qt_child c = run_self("full", NULL);
    CHECK_INT(qt_exit_code(&c), 1);
    CHECK(strcmp(c.err, "fatal error: write to standard output failed: No space left on device\n") == 0);
    qt_child_free(&c);
}

qz_val quartz_main(void)
{
    const char *mode = getenv("QT_MODE");
    if (mode != NULL)
        return run_mode(mode);
    RUN(test_exit_status);
    RUN(test_args);
    RUN(test_exit);
    RUN(test_at_exit);
    RUN(test_big_output);
    RUN(test_failed_final_flush);
    return qt_done("main");
}
