/*
 * rt_file.c - files and standard input (reference §12): file_read, file_write,
 * file_append, file_exists?, file_delete, dir_list, read_line, read_all.
 *
 * Each operation is one C function of its arguments (the call) that makes
 * blocking system calls. The synchronous form makes the call on the calling
 * thread; the task form hands it to the blocking pool (rt_blocking.c) and parks
 * the task, so its worker runs other tasks meanwhile. The one exception is
 * read_line finding a whole line already buffered: it completes at once.
 *
 * Errors are results: Err("<operation> <path>: <the system's reason>"), e.g.
 * "open /no/such: No such file or directory", where the operation is the system
 * call that failed (open, read, write, close, unlink). A path holding a NUL byte
 * fails with EINVAL ("Invalid argument"), as no system call can take it. A read
 * error on standard input counts as its end.
 *
 * Standard input is read through one buffer of the runtime's (stdin), so
 * read_line and read_all from several tasks and from main see one stream.
 * Invariants: in_mu guards stdin; its bytes [start, end) are read and not yet
 * consumed, buf holds cap bytes (malloc: bytes only, nothing for the collector).
 * A read takes in_mu for all its system calls, so the lines of concurrent
 * readers never mix; before each read(2) it flushes stdout when that is a
 * terminal (rt_out_flush_if_terminal: lock order in_mu -> the output lock).
 *
 * What the collector sees: the calls' arguments and results are Quartz values
 * held by the park record while a pool thread runs the call (rt_blocking.c), or
 * by the calling thread's stack in synchronous code; the file buffers are
 * Strings being filled (pointer-free collected memory) reachable from the stack.
 */
#include "rt_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Err("op path: reason"). */
static qz_val failure(const char *op, qz_val path, int err)
{
    char reason_buf[128];
    const char *reason = strerror_r(err, reason_buf, sizeof reason_buf);   /* GNU: may not use the buffer */
    int64_t op_len = (int64_t)strlen(op), path_len = rt_str_len(rt_str(path)), reason_len = (int64_t)strlen(reason);
    struct qz_string *m = rt_str_new(op_len + 1 + path_len + 2 + reason_len);
    char *out = m->bytes;
    memcpy(out, op, (size_t)op_len);
    out += op_len;
    *out++ = ' ';
    memcpy(out, rt_str_bytes(rt_str(path)), (size_t)path_len);
    out += path_len;
    *out++ = ':';
    *out++ = ' ';
    memcpy(out, reason, (size_t)reason_len);
    return qz_err(rt_val(m));
}

/* The path as a C string (Strings end in a NUL already); NULL if it holds a NUL. */
static const char *c_path(qz_val path)
{
    const struct qz_string *s = rt_str(path);
    const char *p = rt_str_bytes(s);
    return memchr(p, '\0', (size_t)rt_str_len(s)) == NULL ? p : NULL;
}

static int open_retrying(const char *path, int flags)
{
    int fd;
    while ((fd = open(path, flags | O_CLOEXEC, 0666)) < 0 && errno == EINTR) {
    }
    return fd;
}

/* ---- the calls (run on a pool thread, or on the caller's in synchronous code) ---- */

enum { READ_MIN = 4096 };

/* A String of len bytes whose room is cap >= len bytes (plus the NUL). */
static struct qz_string *grow_text(struct qz_string *s, int64_t cap)
{
    if (cap < 0 || (uint64_t)cap > SIZE_MAX / 2)
        rt_panic_oom();
    size_t bytes = sizeof(struct qz_string) + (size_t)cap + 1;
    return s == NULL ? rt_alloc_bytes(bytes) : rt_realloc(s, bytes);
}

static qz_val file_read(qz_val path, qz_val unused)
{
    (void)unused;
    const char *p = c_path(path);
    if (p == NULL)
        return failure("open", path, EINVAL);
    int fd = open_retrying(p, O_RDONLY);
    if (fd < 0)
        return failure("open", path, errno);
    struct stat st;
    /* A regular file's size is a good guess; one byte more sees the end in the first round. */
    int64_t cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 ? (int64_t)st.st_size + 1 : READ_MIN;
    if (cap < READ_MIN)
        cap = READ_MIN;
    struct qz_string *s = grow_text(NULL, cap);
    int64_t len = 0;
    for (;;) {
        if (len == cap) {
            cap *= 2;
            s = grow_text(s, cap);
        }
        ssize_t n = read(fd, s->bytes + len, (size_t)(cap - len));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            close(fd);
            return failure("read", path, err);
        }
        if (n == 0)
            break;
        len += n;
    }
    close(fd);
    s->len = len;
    s->bytes[len] = '\0';
    /* Much room left over (a pipe, a file that shrank): keep only what was read. */
    if (cap - len > len / 4 + READ_MIN)
        return qz_ok(rt_str_from(s->bytes, len));
    return qz_ok(rt_val(s));
}

static qz_val write_file(qz_val path, qz_val text, int flags)
{
    const char *p = c_path(path);
    if (p == NULL)
        return failure("open", path, EINVAL);
    int fd = open_retrying(p, O_WRONLY | O_CREAT | flags);
    if (fd < 0)
        return failure("open", path, errno);
    const char *bytes = rt_str_bytes(rt_str(text));
    int64_t len = rt_str_len(rt_str(text)), done = 0;
    while (done < len) {
        ssize_t n = write(fd, bytes + done, (size_t)(len - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            close(fd);
            return failure("write", path, err);
        }
        done += n;
    }
    /* A full disk may show only now (NFS); EINTR from close leaves the descriptor closed on Linux. */
    if (close(fd) != 0 && errno != EINTR)
        return failure("close", path, errno);
    return qz_ok(len);
}

static qz_val file_write(qz_val path, qz_val text)
{
    return write_file(path, text, O_TRUNC);
}

static qz_val file_append(qz_val path, qz_val text)
{
    return write_file(path, text, O_APPEND);
}

static qz_val file_exists(qz_val path, qz_val unused)
{
    (void)unused;
    const char *p = c_path(path);
    struct stat st;
    return p != NULL && stat(p, &st) == 0;
}

static qz_val file_delete(qz_val path, qz_val unused)
{
    (void)unused;
    const char *p = c_path(path);
    if (p == NULL)
        return failure("unlink", path, EINVAL);
    if (unlink(p) == 0)
        return qz_ok(1);
    return errno == ENOENT ? qz_ok(0) : failure("unlink", path, errno);
}

static qz_val dir_list(qz_val path, qz_val unused)
{
    (void)unused;
    const char *p = c_path(path);
    if (p == NULL)
        return failure("open", path, EINVAL);
    DIR *d;
    while ((d = opendir(p)) == NULL && errno == EINTR) {
    }
    if (d == NULL)
        return failure("open", path, errno);
    qz_val names = qz_vec_new();
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (e == NULL) {
            if (errno != 0) {
                int err = errno;
                closedir(d);
                return failure("read", path, err);
            }
            break;
        }
        const char *n = e->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
            continue;
        qz_vec_push(names, rt_str_from(n, (int64_t)strlen(n)));
    }
    closedir(d);
    qz_vec_sort_str(names);
    return qz_ok(names);
}

/* ---- standard input ---- */

enum { STDIN_CHUNK = 1 << 16 };

static pthread_mutex_t in_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char *buf;
    int64_t start, end, cap;
} in;   /* owner: in_mu */

/* Under in_mu: reads more into the buffer; 0 at the end of input (or an error). */
static int fill(void)
{
    if (in.start == in.end)
        in.start = in.end = 0;
    if (in.end == in.cap) {
        if (in.start > 0) {
            memmove(in.buf, in.buf + in.start, (size_t)(in.end - in.start));
            in.end -= in.start;
            in.start = 0;
        } else {
            int64_t cap = in.cap == 0 ? STDIN_CHUNK : in.cap * 2;
            char *buf = realloc(in.buf, (size_t)cap);
            if (buf == NULL)
                rt_panic_oom();
            in.buf = buf;
            in.cap = cap;
        }
    }
    rt_out_flush_if_terminal();
    for (;;) {
        ssize_t n = read(0, in.buf + in.end, (size_t)(in.cap - in.end));
        if (n > 0) {
            in.end += n;
            return 1;
        }
        if (n == 0)
            return 0;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            /* Somebody made our stdin non-blocking: wait for it like a blocking read would. */
            struct pollfd pf = { .fd = 0, .events = POLLIN };
            poll(&pf, 1, -1);
        } else if (errno != EINTR) {
            return 0;
        }
    }
}

/* Under in_mu: the line ending at the first newline at or after from (an offset
 * from start), without it and a \r before it, consumed; 0 when none is buffered. */
static int take_line(int64_t from, qz_val *line)
{
    const char *p = in.buf + in.start;
    int64_t avail = in.end - in.start;
    const char *nl = avail > from ? memchr(p + from, '\n', (size_t)(avail - from)) : NULL;
    if (nl == NULL)
        return 0;
    int64_t len = nl - p;
    in.start += len + 1;
    if (len > 0 && p[len - 1] == '\r')
        len--;
    *line = qz_some(rt_str_from(p, len));
    return 1;
}

/* Under in_mu: everything buffered, consumed. */
static qz_val take_all(void)
{
    qz_val s = rt_str_from(in.buf + in.start, in.end - in.start);
    in.start = in.end = 0;
    return s;
}

static qz_val read_line(qz_val unused_a, qz_val unused_b)
{
    (void)unused_a;
    (void)unused_b;
    qz_val line;
    pthread_mutex_lock(&in_mu);
    for (;;) {
        int64_t seen = in.end - in.start;
        if (take_line(0, &line))
            break;
        if (!fill()) {
            line = in.end > in.start ? qz_some(take_all()) : qz_none();   /* a last line without a newline */
            break;
        }
        if (take_line(seen, &line))
            break;
    }
    pthread_mutex_unlock(&in_mu);
    return line;
}

static qz_val read_all(qz_val unused_a, qz_val unused_b)
{
    (void)unused_a;
    (void)unused_b;
    pthread_mutex_lock(&in_mu);
    while (fill()) {
    }
    qz_val s = take_all();
    pthread_mutex_unlock(&in_mu);
    return s;
}

/* A task's read_line that needs no system call: a whole line is buffered already. */
static int buffered_line(qz_val *line)
{
    if (pthread_mutex_trylock(&in_mu) != 0)
        return 0;
    int found = take_line(0, line);
    pthread_mutex_unlock(&in_mu);
    return found;
}

/* ---- the built-ins ---- */

static qz_val begin(qz_val task, rt_blocking_fn call, qz_val a, qz_val b)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    return rt_blocking_begin(t, call, a, b);
}

qz_val qz_file_read_begin(qz_val task, qz_val path) { return begin(task, file_read, path, 0); }
qz_val qz_file_read_sync(qz_val path) { return file_read(path, 0); }
qz_val qz_file_write_begin(qz_val task, qz_val path, qz_val s) { return begin(task, file_write, path, s); }
qz_val qz_file_write_sync(qz_val path, qz_val s) { return file_write(path, s); }
qz_val qz_file_append_begin(qz_val task, qz_val path, qz_val s) { return begin(task, file_append, path, s); }
qz_val qz_file_append_sync(qz_val path, qz_val s) { return file_append(path, s); }
qz_val qz_file_exists_begin(qz_val task, qz_val path) { return begin(task, file_exists, path, 0); }
qz_val qz_file_exists_sync(qz_val path) { return file_exists(path, 0); }
qz_val qz_file_delete_begin(qz_val task, qz_val path) { return begin(task, file_delete, path, 0); }
qz_val qz_file_delete_sync(qz_val path) { return file_delete(path, 0); }
qz_val qz_dir_list_begin(qz_val task, qz_val path) { return begin(task, dir_list, path, 0); }
qz_val qz_dir_list_sync(qz_val path) { return dir_list(path, 0); }
qz_val qz_read_all_begin(qz_val task) { return begin(task, read_all, 0, 0); }
qz_val qz_read_all_sync(void) { return read_all(0, 0); }
qz_val qz_read_line_sync(void) { return read_line(0, 0); }

qz_val qz_read_line_begin(qz_val task)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    qz_val line;
    if (buffered_line(&line)) {
        t->io = line;
        return rt_task_complete(t);
    }
    return rt_blocking_begin(t, read_line, 0, 0);
}
