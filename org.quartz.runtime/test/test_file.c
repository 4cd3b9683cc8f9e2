/* Tests for rt_file.c: files and standard input, in synchronous code and in tasks (through the
 * blocking pool). Works in a fresh folder under $TMPDIR (or /tmp) and removes it. */
#include "qz_tasks.h"

#include <fcntl.h>
#include <sys/stat.h>

static char dir[160];

/* dir/name as a String. */
static qz_val path(const char *name)
{
    char buf[256];
    if (snprintf(buf, sizeof buf, "%s/%s", dir, name) >= (int)sizeof buf)
        abort();
    return S(buf);
}

static int is_ok(qz_val r) { return qz_is_ok(r) != 0; }
static qz_val payload(qz_val r) { return ((const qz_val *)rt_ptr(r))[1]; }

/* r is Ok(v); returns v (0 if it is not Ok). */
#define OK(r) ok_of((r), #r, __FILE__, __LINE__)
static qz_val ok_of(qz_val r, const char *expr, const char *file, int line)
{
    qt_checks++;
    if (!is_ok(r)) {
        char buf[600];
        const struct qz_string *e = rt_ptr(payload(r));
        snprintf(buf, sizeof buf, "%s is Err(\"%.*s\")", expr, (int)(e->len < 400 ? e->len : 400), e->bytes);
        qt_fail(file, line, buf);
        return 0;
    }
    return payload(r);
}

/* r is Err("<op> dir/<name>: <reason>"). */
static void check_err(qz_val r, const char *op, const char *name, const char *reason, int line)
{
    char want[256];
    if (snprintf(want, sizeof want, "%s %s/%s: %s", op, dir, name, reason) >= (int)sizeof want)
        abort();   /* a TMPDIR too long for this test */
    qt_checks++;
    if (is_ok(r)) {
        qt_fail(__FILE__, line, want);
        return;
    }
    qt_check_str(payload(r), want, "the error", __FILE__, line);
}
#define CHECK_ERR(r, op, name, reason) check_err((r), (op), (name), (reason), __LINE__)

static void test_files_sync(void)
{
    CHECK_INT(OK(qz_file_write_sync(path("b.txt"), S("hello"))), 5);
    CHECK_INT(OK(qz_file_append_sync(path("b.txt"), S(", world\n"))), 8);
    CHECK_STR(OK(qz_file_read_sync(path("b.txt"))), "hello, world\n");
    /* write replaces what was there. */
    CHECK_INT(OK(qz_file_write_sync(path("a.txt"), S("first version, longer"))), 21);
    CHECK_INT(OK(qz_file_write_sync(path("a.txt"), S("second"))), 6);
    CHECK_STR(OK(qz_file_read_sync(path("a.txt"))), "second");
    /* append creates. */
    CHECK_INT(OK(qz_file_append_sync(path("B.txt"), S("x"))), 1);
    CHECK_INT(OK(qz_file_write_sync(path("empty"), S(""))), 0);
    CHECK_STR(OK(qz_file_read_sync(path("empty"))), "");
    CHECK_INT(qz_file_exists_sync(path("a.txt")), 1);
    CHECK_INT(qz_file_exists_sync(path("nope")), 0);
    CHECK_INT(qz_file_exists_sync(S(dir)), 1);   /* a folder exists too */

    qz_val names = OK(qz_dir_list_sync(S(dir)));
    CHECK_STR(qz_str_join(names, S(",")), "B.txt,a.txt,b.txt,empty");   /* bytewise, no . or .. */

    CHECK_INT(OK(qz_file_delete_sync(path("B.txt"))), 1);
    CHECK_INT(OK(qz_file_delete_sync(path("B.txt"))), 0);   /* no such file: Ok(false) */
    CHECK_INT(qz_file_exists_sync(path("B.txt")), 0);

    /* Errors name the system call, the path and the reason. */
    CHECK_ERR(qz_file_read_sync(path("missing")), "open", "missing", "No such file or directory");
    CHECK_ERR(qz_dir_list_sync(path("missing")), "open", "missing", "No such file or directory");
    CHECK_ERR(qz_file_write_sync(path("missing/x"), S("x")), "open", "missing/x", "No such file or directory");
    CHECK_ERR(qz_file_append_sync(path("missing/x"), S("x")), "open", "missing/x", "No such file or directory");
    CHECK_ERR(qz_dir_list_sync(path("a.txt")), "open", "a.txt", "Not a directory");
    CHECK_ERR(qz_file_read_sync(path(".")), "read", ".", "Is a directory");
    CHECK_ERR(qz_file_delete_sync(path(".")), "unlink", ".", "Is a directory");
    CHECK_STR(payload(qz_file_read_sync(S("/no/such"))), "open /no/such: No such file or directory");
    /* A NUL can be in a String but not in a path. */
    qz_val nul = rt_str_from("a\0b", 3);
    qz_val e = payload(qz_file_read_sync(nul));
    CHECK_INT(qz_str_size(e), 26);
    CHECK(memcmp(((const struct qz_string *)rt_ptr(e))->bytes, "open a\0b: Invalid argument", 26) == 0);
    CHECK_INT(qz_file_exists_sync(nul), 0);

    /* Bigger than any first guess: a file of 3 MB, bytes of every value. */
    struct qz_string *big = rt_str_new(3 << 20);
    for (int64_t i = 0; i < big->len; i++)
        big->bytes[i] = (char)(i * 7 % 256);
    CHECK_INT(OK(qz_file_write_sync(path("big"), rt_val(big))), 3 << 20);
    CHECK_INT(qz_str_eq(OK(qz_file_read_sync(path("big"))), rt_val(big)), 1);
    CHECK_INT(OK(qz_file_delete_sync(path("big"))), 1);
}

/* ---- the same in tasks ---- */

/* frame: [0] path a, [1] path b. write a, append a, read a, exists a, list dir, delete a,
 * read b (missing); result: a Vec of the io words. */
static qz_val files_task_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[2] = qz_vec_new();
        SUSPEND(t, 1, qz_file_write_begin(t, f[0], S("in a task")));
        /* fallthrough */
    case 1:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 2, qz_file_append_begin(t, f[0], S("!")));
        /* fallthrough */
    case 2:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 3, qz_file_read_begin(t, f[0]));
        /* fallthrough */
    case 3:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 4, qz_file_exists_begin(t, f[0]));
        /* fallthrough */
    case 4:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 5, qz_dir_list_begin(t, S(dir)));
        /* fallthrough */
    case 5:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 6, qz_file_delete_begin(t, f[0]));
        /* fallthrough */
    case 6:
        qz_vec_push(f[2], qz_task_io(t));
        SUSPEND(t, 7, qz_file_read_begin(t, f[1]));
        /* fallthrough */
    case 7:
        qz_vec_push(f[2], qz_task_io(t));
        FINISH(t, f[2]);
    }
    abort();
}

static void test_files_in_tasks(void)
{
    qz_sched_init(1);
    qz_val r = qz_await_sync(go4(files_task_resume, path("t.txt"), path("gone"), 0, 0));
    CHECK_INT(qz_vec_size(r), 7);
    CHECK_INT(OK(qz_vec_get(r, 0)), 9);
    CHECK_INT(OK(qz_vec_get(r, 1)), 1);
    CHECK_STR(OK(qz_vec_get(r, 2)), "in a task!");
    CHECK_INT(qz_vec_get(r, 3), 1);
    CHECK_STR(qz_str_join(OK(qz_vec_get(r, 4)), S(",")), "a.txt,b.txt,empty,t.txt");
    CHECK_INT(OK(qz_vec_get(r, 5)), 1);
    CHECK_ERR(qz_vec_get(r, 6), "open", "gone", "No such file or directory");
    qz_sched_shutdown();
}

/* A FIFO: the reader's open blocks until a writer opens it. With one worker, the reader task
 * must leave the worker to the writer task, or neither ever finishes (the watchdog fails the test). */
static qz_val fifo_reader_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_file_read_begin(t, f[0]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

static qz_val fifo_writer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        SUSPEND(t, 1, qz_file_write_begin(t, f[0], f[1]));
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

static void test_fifo_between_tasks(void)
{
    qz_val fifo = path("fifo");
    CHECK_INT(mkfifo(rt_str_bytes(rt_ptr(fifo)), 0600), 0);
    /* More than a pipe holds, so the write itself waits for the reader too. */
    struct qz_string *data = rt_str_new(300000);
    for (int64_t i = 0; i < data->len; i++)
        data->bytes[i] = (char)('a' + i % 26);
    qz_sched_init(1);
    qz_val reader = go4(fifo_reader_resume, fifo, 0, 0, 0);
    qz_val writer = go4(fifo_writer_resume, fifo, rt_val(data), 0, 0);
    CHECK_INT(OK(qz_await_sync(writer)), 300000);
    CHECK_INT(qz_str_eq(OK(qz_await_sync(reader)), rt_val(data)), 1);
    qz_sched_shutdown();
    CHECK_INT(OK(qz_file_delete_sync(fifo)), 1);
}

/* ---- standard input ---- */

/* Makes fd 0 read text (through a file: no writer to coordinate). */
static void stdin_from(const char *text, size_t len)
{
    char buf[256];
    if (snprintf(buf, sizeof buf, "%s/stdin", dir) >= (int)sizeof buf)
        abort();
    int fd = open(buf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) != 0) {
        perror("stdin file");
        exit(2);
    }
    fd = open(buf, O_RDONLY);
    dup2(fd, 0);
    close(fd);
    unlink(buf);
}

static void check_line(qz_val line, const char *want, int at)
{
    qt_checks++;
    if (!qz_is_some(line)) {
        qt_fail(__FILE__, at, want);
        return;
    }
    qt_check_str(qz_unwrap(line), want, "read_line", __FILE__, at);
}
#define CHECK_LINE(line, want) check_line((line), (want), __LINE__)

static void test_stdin_sync(void)
{
    stdin_from("one\ntwo\r\n\nlast", 14);
    CHECK_LINE(qz_read_line_sync(), "one");
    CHECK_LINE(qz_read_line_sync(), "two");   /* \r\n: both go */
    CHECK_LINE(qz_read_line_sync(), "");
    CHECK_LINE(qz_read_line_sync(), "last");  /* a last line without a newline */
    CHECK_INT(qz_is_some(qz_read_line_sync()), 0);
    CHECK_INT(qz_is_some(qz_read_line_sync()), 0);
    CHECK_STR(qz_read_all_sync(), "");

    stdin_from("x\ny\r\nz", 6);
    CHECK_LINE(qz_read_line_sync(), "x");
    CHECK_STR(qz_read_all_sync(), "y\r\nz");  /* the rest, as it is */
    CHECK_INT(qz_is_some(qz_read_line_sync()), 0);

    /* A line longer than the buffer, then a lone \r that is not before a newline. */
    size_t n = 200000;
    char *text = malloc(n + 8);
    memset(text, 'q', n);
    memcpy(text + n, "\na\rb\n", 5);
    stdin_from(text, n + 5);
    qz_val long_line = qz_unwrap(qz_read_line_sync());
    CHECK_INT(qz_str_size(long_line), (int64_t)n);
    CHECK_INT(qz_str_byte_at(long_line, (int64_t)n - 1), 'q');
    CHECK_LINE(qz_read_line_sync(), "a\rb");
    CHECK_INT(qz_is_some(qz_read_line_sync()), 0);
    free(text);
}

/* frame: [0] lines to read, [2] 1: no read_all. Reads the lines, then read_all; result: a Vec
 * of every io word. */
static qz_val stdin_task_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (;;) {
        switch (qz_task_state(t)) {
        case 0:
            f[1] = qz_vec_new();
            qz_task_set_state(t, 3);
            continue;
        case 3:
            if (qz_vec_size(f[1]) == f[0]) {
                if (f[2])
                    FINISH(t, f[1]);
                SUSPEND(t, 2, qz_read_all_begin(t));
                qz_task_set_state(t, 2);
                continue;
            }
            SUSPEND(t, 1, qz_read_line_begin(t));
            /* fallthrough */
        case 1:
            qz_vec_push(f[1], qz_task_io(t));
            qz_task_set_state(t, 3);
            continue;
        case 2:
            qz_vec_push(f[1], qz_task_io(t));
            FINISH(t, f[1]);
        }
        abort();
    }
}

static void test_stdin_in_tasks(void)
{
    stdin_from("alpha\nbeta\ngamma\nrest\nof it", 27);
    qz_sched_init(1);
    /* Four lines: the first read fills the buffer through the pool; the others find theirs
     * buffered; the fifth is None. */
    qz_val r = qz_await_sync(go4(stdin_task_resume, 5, 0, 0, 0));
    CHECK_INT(qz_vec_size(r), 6);
    CHECK_LINE(qz_vec_get(r, 0), "alpha");
    CHECK_LINE(qz_vec_get(r, 1), "beta");
    CHECK_LINE(qz_vec_get(r, 2), "gamma");
    CHECK_LINE(qz_vec_get(r, 3), "rest");
    CHECK_LINE(qz_vec_get(r, 4), "of it");
    CHECK_STR(qz_vec_get(r, 5), "");
    qz_sched_shutdown();

    stdin_from("1\n2\n3\n4\n", 8);
    qz_sched_init(2);
    qz_val a = go4(stdin_task_resume, 2, 0, 1, 0), b = go4(stdin_task_resume, 2, 0, 1, 0);
    qz_val ra = qz_await_sync(a), rb = qz_await_sync(b);
    /* Two readers share one stream: every line goes to exactly one of them. */
    int64_t sum = 0, lines = 0;
    qz_val both[2] = { ra, rb };
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 2; i++) {
            qz_val line = qz_vec_get(both[k], i);
            if (qz_is_some(line)) {
                lines++;
                sum += qz_unwrap(qz_str_to_int(qz_unwrap(line)));
            }
        }
    CHECK_INT(lines, 4);
    CHECK_INT(sum, 10);
    qz_sched_shutdown();
}

qz_val quartz_main(void)
{
    watchdog(60);
    const char *tmp = getenv("TMPDIR");
    if (snprintf(dir, sizeof dir, "%s/qz_test_file_XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp") >= (int)sizeof dir
        || mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    RUN(test_files_sync);
    RUN(test_files_in_tasks);
    RUN(test_fifo_between_tasks);
    RUN(test_stdin_sync);
    RUN(test_stdin_in_tasks);
    const char *left[] = { "a.txt", "b.txt", "empty" };
    for (int i = 0; i < 3; i++)
        unlink(rt_str_bytes(rt_ptr(path(left[i]))));
    CHECK_INT(rmdir(dir), 0);   /* nothing else was left behind */
    return qt_done("test_file");
}
