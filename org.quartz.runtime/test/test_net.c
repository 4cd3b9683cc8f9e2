/* Tests for rt_net.c and rt_poll.c: TCP in tasks (through the poller) and in synchronous code. */
#include "qz_tasks.h"

#include <netinet/in.h>
#include <sys/socket.h>

#if defined(__SANITIZE_THREAD__)
#define UNDER_TSAN 1
#elif defined(__has_feature)
#define UNDER_TSAN __has_feature(thread_sanitizer)
#else
#define UNDER_TSAN 0
#endif

/* A task of fn with 16 frame words, not started yet. */
static qz_val task16(qz_val (*fn)(qz_val))
{
    return qz_task_new(FN(fn), 16);
}

static int64_t str_len(qz_val s)
{
    return qz_str_size(s);
}

/* Client id's payload: size bytes of letters. */
static qz_val payload(qz_val id, qz_val size)
{
    struct qz_string *s = rt_str_new(size);
    for (int64_t i = 0; i < size; i++)
        s->bytes[i] = (char)('a' + (id * 7 + i) % 26);
    return rt_val(s);
}

/* A connected pair of sockets (a: the connecting end, b: the accepted one), made synchronously. */
static void socket_pair(qz_val *a, qz_val *b)
{
    qz_val l = qz_tcp_listen(0);
    *a = qz_tcp_connect_sync(S("127.0.0.1"), qz_tcp_port(l));
    *b = qz_tcp_accept_sync(l);
    qz_io_close(l);
}

/* ---- echo: a server task, a handler task per connection, client tasks and threads ---- */

/* frame: [0] fd, [1] atomic bytes echoed, [2] the chunk. Echoes until end of input. */
static qz_val echo_handler_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (;;) {
        switch (qz_task_state(t)) {
        case 0:
            SUSPEND(t, 1, qz_io_read_begin(t, f[0], 4096));
            /* fallthrough */
        case 1:
            f[2] = qz_task_io(t);
            if (str_len(f[2]) == 0) {
                qz_io_close(f[0]);
                FINISH(t, 0);
            }
            SUSPEND(t, 2, qz_io_write_begin(t, f[0], f[2]));
            /* fallthrough */
        case 2:
            if (qz_task_io(t) != str_len(f[2]))
                FINISH(t, -1);
            qz_atomic_add(f[1], qz_task_io(t));
            qz_task_set_state(t, 0);
            continue;
        }
        abort();
    }
}

/* frame: [0] listening fd, [1] connections to serve, [2] atomic bytes, [3] accepted. */
static qz_val echo_server_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (;;) {
        switch (qz_task_state(t)) {
        case 0:
            if (f[3] == f[1])
                FINISH(t, f[3]);
            SUSPEND(t, 1, qz_tcp_accept_begin(t, f[0]));
            /* fallthrough */
        case 1: {
            if (qz_task_io(t) < 0)
                FINISH(t, -1);
            qz_val h = task16(echo_handler_resume);
            FRAME(h)[0] = qz_task_io(t);
            FRAME(h)[1] = f[2];
            qz_task_spawn(h);
            f[3]++;
            qz_task_set_state(t, 0);
            continue;
        }
        }
        abort();
    }
}

/* frame: [0] port, [1] id, [2] size, [3] host, [4] fd, [5] payload, [6] received.
 * Sends its payload, reads it back in small pieces; 1 = every byte came back. */
static qz_val echo_client_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (;;) {
        switch (qz_task_state(t)) {
        case 0:
            f[5] = payload(f[1], f[2]);
            SUSPEND(t, 1, qz_tcp_connect_begin(t, f[3], f[0]));
            /* fallthrough */
        case 1:
            f[4] = qz_task_io(t);
            if (f[4] < 0)
                FINISH(t, -1);
            SUSPEND(t, 2, qz_io_write_begin(t, f[4], f[5]));
            /* fallthrough */
        case 2:
            if (qz_task_io(t) != f[2])
                FINISH(t, -2);
            f[6] = S("");
            /* fallthrough */
        case 3:
            SUSPEND(t, 4, qz_io_read_begin(t, f[4], 1000));
            /* fallthrough */
        case 4:
            if (str_len(qz_task_io(t)) == 0)
                FINISH(t, -3);   /* end of input before the whole echo */
            f[6] = qz_str_concat(f[6], qz_task_io(t));
            if (str_len(f[6]) < f[2]) {
                qz_task_set_state(t, 3);
                continue;
            }
            qz_io_close(f[4]);
            FINISH(t, qz_str_eq(f[6], f[5]) ? 1 : -4);
        }
        abort();
    }
}

struct sync_client {
    qz_val port, id, size, result;
};

static void *sync_client_main(void *arg)
{
    struct sync_client *c = arg;
    qz_val data = payload(c->id, c->size);
    qz_val fd = qz_tcp_connect_sync(S("127.0.0.1"), c->port);
    c->result = -1;
    if (fd < 0)
        return NULL;
    c->result = -2;
    if (qz_io_write_sync(fd, data) != c->size)
        return NULL;
    qz_val got = S("");
    while (str_len(got) < c->size) {
        qz_val s = qz_io_read_sync(fd, 777);
        if (str_len(s) == 0)
            break;
        got = qz_str_concat(got, s);
    }
    qz_io_close(fd);
    c->result = qz_str_eq(got, data) ? 1 : -4;
    return NULL;
}

enum { CLIENT_TASKS = 50, CLIENT_THREADS = 2, CLIENT_BYTES = 20000 };

static void test_echo(void)
{
    qz_val l = qz_tcp_listen(0);
    CHECK(l >= 0);
    qz_val port = qz_tcp_port(l);
    CHECK(port > 0);
    qz_val bytes = qz_atomic_new(0);
    qz_val server = task16(echo_server_resume);
    FRAME(server)[0] = l;
    FRAME(server)[1] = CLIENT_TASKS + CLIENT_THREADS;
    FRAME(server)[2] = bytes;
    qz_task_spawn(server);
    qz_val clients[CLIENT_TASKS];
    for (int i = 0; i < CLIENT_TASKS; i++) {
        clients[i] = task16(echo_client_resume);
        qz_val *f = FRAME(clients[i]);
        f[0] = port;
        f[1] = i;
        f[2] = CLIENT_BYTES + i;
        f[3] = S(i % 2 ? "localhost" : "127.0.0.1");   /* localhost may try ::1 first */
        qz_task_spawn(clients[i]);
    }
    pthread_t threads[CLIENT_THREADS];
    struct sync_client sc[CLIENT_THREADS];
    for (int i = 0; i < CLIENT_THREADS; i++) {
        sc[i] = (struct sync_client){ port, 100 + i, CLIENT_BYTES * 3, 0 };
        qt_thread_start(&threads[i], sync_client_main, &sc[i]);
    }
    int64_t want = 0;
    for (int i = 0; i < CLIENT_TASKS; i++) {
        CHECK_INT(qz_await_sync(clients[i]), 1);
        want += CLIENT_BYTES + i;
    }
    for (int i = 0; i < CLIENT_THREADS; i++) {
        qt_thread_join(threads[i]);
        CHECK_INT(sc[i].result, 1);
        want += CLIENT_BYTES * 3;
    }
    CHECK_INT(qz_await_sync(server), CLIENT_TASKS + CLIENT_THREADS);
    qz_io_close(l);
    qz_sched_shutdown();   /* waits for the handlers too */
    CHECK_INT(qz_atomic_load(bytes), want);
    CHECK_INT(rt_sched_live_allocs(), 0);
}

/* ---- a write larger than the socket buffers: several rounds of EPOLLOUT ---- */

enum { BIG = 16 << 20 };

static char big_byte(int64_t i)
{
    return (char)(i * 131 + i / 4099);
}

/* frame: [0] fd, [1] String, [2] set to 1 when the write had to park. Result: bytes written. */
static qz_val writer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        if (!qz_io_write_begin(t, f[0], f[1])) {
            f[2] = 1;
            qz_task_set_state(t, 1);
            return QZ_PENDING;
        }
        /* fallthrough */
    case 1:
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* frame: [0] fd, [1] bytes expected, [2] bytes so far, [3] mismatches.
 * Sleeps first (so the writer fills the buffers), reads everything, then
 * expects end of input. Result: mismatched bytes, or -1 for a short stream. */
static qz_val big_reader_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    for (;;) {
        switch (qz_task_state(t)) {
        case 0:
            SUSPEND(t, 1, qz_sleep_begin(t, 50));
            /* fallthrough */
        case 1:
            SUSPEND(t, 2, qz_io_read_begin(t, f[0], 1 << 20));
            /* fallthrough */
        case 2: {
            const struct qz_string *s = rt_ptr(qz_task_io(t));
            if (s->len == 0)
                FINISH(t, f[2] == f[1] ? f[3] : -1);
            for (int64_t i = 0; i < s->len; i++)
                f[3] += s->bytes[i] != big_byte(f[2] + i);
            f[2] += s->len;
            qz_task_set_state(t, 1);
            continue;
        }
        }
        abort();
    }
}

static void test_big_write(void)
{
    qz_val a, b;
    socket_pair(&a, &b);
    struct qz_string *s = rt_str_new(BIG);
    for (int64_t i = 0; i < BIG; i++)
        s->bytes[i] = big_byte(i);
    qz_val w = task16(writer_resume);
    FRAME(w)[0] = a;
    FRAME(w)[1] = rt_val(s);
    qz_val r = task16(big_reader_resume);
    FRAME(r)[0] = b;
    FRAME(r)[1] = BIG;
    qz_task_spawn(w);
    qz_task_spawn(r);
    CHECK_INT(qz_await_sync(w), BIG);
    CHECK_INT(FRAME(w)[2], 1);
    qz_io_close(a);   /* the reader then sees the end of input */
    CHECK_INT(qz_await_sync(r), 0);
    CHECK_INT(FRAME(r)[2], BIG);
    qz_io_close(b);
}

/* ---- io_close wakes tasks parked on the descriptor ---- */

/* frame: [0] fd, [1] op (0 read, 1 write [3], 2 accept), [2] 1 when it parked.
 * Result: read -> its length, others -> their result. */
static qz_val parked_op_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    qz_val done;
    switch (qz_task_state(t)) {
    case 0:
        if (f[1] == 0)
            done = qz_io_read_begin(t, f[0], 100);
        else if (f[1] == 1)
            done = qz_io_write_begin(t, f[0], f[3]);
        else
            done = qz_tcp_accept_begin(t, f[0]);
        if (!done) {
            f[2] = 1;
            qz_task_set_state(t, 1);
            return QZ_PENDING;
        }
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t))
            FINISH(t, -7);
        FINISH(t, f[1] == 0 ? str_len(qz_task_io(t)) : qz_task_io(t));
    }
    abort();
}

static qz_val parked_op(qz_val fd, qz_val op)
{
    qz_val t = task16(parked_op_resume);
    FRAME(t)[0] = fd;
    FRAME(t)[1] = op;
    return t;
}

static void test_close_wakes_parked_tasks(void)
{
    qz_val a, b, c, d;
    socket_pair(&a, &b);
    socket_pair(&c, &d);
    qz_val l = qz_tcp_listen(0);
    qz_val reader = qz_task_spawn(parked_op(a, 0));
    qz_val writer = parked_op(c, 1);
    FRAME(writer)[3] = payload(0, 32 << 20);   /* more than the socket buffers hold */
    qz_task_spawn(writer);
    qz_val acceptor = qz_task_spawn(parked_op(l, 2));
    qz_sleep_sync(100);
    qz_val t0 = qz_time_now_ms();
    qz_io_close(a);
    qz_io_close(c);
    qz_io_close(l);
    CHECK_INT(qz_await_sync(reader), 0);
    CHECK_INT(qz_await_sync(writer), -1);
    CHECK_INT(qz_await_sync(acceptor), -1);
    CHECK(ms_since(t0) < 5000);
    CHECK_INT(FRAME(reader)[2], 1);
    CHECK_INT(FRAME(writer)[2], 1);
    CHECK_INT(FRAME(acceptor)[2], 1);
    qz_io_close(b);
    qz_io_close(d);
}

/* ---- cancellation of tasks parked in accept, read and connect ---- */

static void test_cancel(void)
{
    qz_val a, b;
    socket_pair(&a, &b);
    qz_val l = qz_tcp_listen(0);
    qz_val g = qz_group_new();
    qz_val reader = qz_group_spawn(g, parked_op(a, 0));
    qz_val acceptor = qz_group_spawn(g, parked_op(l, 2));
    qz_sleep_sync(100);
    qz_group_cancel(g);
    CHECK_INT(qz_group_wait_sync(g), 2);
    CHECK_INT(qz_await_sync(reader), -7);
    CHECK_INT(qz_await_sync(acceptor), -7);
    CHECK_INT(FRAME(reader)[2], 1);
    CHECK_INT(FRAME(acceptor)[2], 1);
    /* They took nothing and left nothing behind: new waiters on both work. */
    qz_val reader2 = qz_task_spawn(parked_op(a, 0));
    qz_val acceptor2 = qz_task_spawn(parked_op(l, 2));
    qz_sleep_sync(20);
    CHECK_INT(qz_io_write_sync(b, S("hello")), 5);
    qz_val e = qz_tcp_connect_sync(S("127.0.0.1"), qz_tcp_port(l));
    CHECK(e >= 0);
    CHECK_INT(qz_await_sync(reader2), 5);
    qz_val f = qz_await_sync(acceptor2);
    CHECK(f >= 0);
    qz_io_close(e);
    qz_io_close(f);
    qz_io_close(a);
    qz_io_close(b);
    qz_io_close(l);
}

/* frame: [0] host, [1] port, [2] 1 when it parked. Result: the fd, or -7 when interrupted. */
static qz_val connector_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        if (!qz_tcp_connect_begin(t, f[0], f[1])) {
            f[2] = 1;
            qz_task_set_state(t, 1);
            return QZ_PENDING;
        }
        /* fallthrough */
    case 1:
        if (qz_task_interrupted(t))
            FINISH(t, -7);
        FINISH(t, qz_task_io(t));
    }
    abort();
}

/* A listener whose accept queue is full: a further connect stays pending. */
static qz_val full_listener(qz_val *filler)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    CHECK_INT(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    CHECK_INT(listen(fd, 0), 0);
    *filler = qz_tcp_connect_sync(S("127.0.0.1"), qz_tcp_port(fd));   /* takes the one slot */
    CHECK(*filler >= 0);
    return fd;
}

static void test_cancel_pending_connect(void)
{
    qz_val filler;
    qz_val l = full_listener(&filler);
    qz_val g = qz_group_new();
    qz_val t = task16(connector_resume);
    FRAME(t)[0] = S("127.0.0.1");
    FRAME(t)[1] = qz_tcp_port(l);
    qz_group_spawn(g, t);
    qz_sleep_sync(100);
    CHECK_INT(qz_task_done(t), 0);
    qz_group_cancel(g);
    CHECK_INT(qz_group_wait_sync(g), 1);
    CHECK_INT(qz_await_sync(t), -7);
    CHECK_INT(FRAME(t)[2], 1);
    qz_io_close(filler);
    qz_io_close(l);
}

/* ---- connect errors, in a task and synchronously ---- */

static void test_connect_refused(void)
{
    qz_val l = qz_tcp_listen(0);
    qz_val port = qz_tcp_port(l);
    qz_io_close(l);
    CHECK_INT(qz_tcp_connect_sync(S("127.0.0.1"), port), -1);
    qz_val t = task16(connector_resume);
    FRAME(t)[0] = S("127.0.0.1");
    FRAME(t)[1] = port;
    CHECK_INT(qz_await_sync(qz_task_spawn(t)), -1);
}

/* ---- synchronous code: EOF, errors, a thread blocked in poll woken by io_close ---- */

#if !UNDER_TSAN
struct blocked_read {
    qz_val fd, result;
};

static void *blocked_read_main(void *arg)
{
    struct blocked_read *r = arg;
    r->result = qz_io_read_sync(r->fd, 10);
    return NULL;
}
#endif

static void test_sync(void)
{
    qz_val a, b;
    socket_pair(&a, &b);
    CHECK(a >= 0 && b >= 0);
    CHECK_INT(qz_io_write_sync(a, S("ping")), 4);
    CHECK_STR(qz_io_read_sync(b, 100), "ping");
    CHECK_INT(qz_io_write_sync(a, S("")), 0);
    qz_io_close(a);
    CHECK_STR(qz_io_read_sync(b, 100), "");   /* end of input */
    /* The peer is gone: writing fails (-1, no SIGPIPE) within a few tries. */
    qz_val w = 0;
    for (int i = 0; i < 100 && w >= 0; i++)
        w = qz_io_write_sync(b, payload(1, 4096));
    CHECK_INT(w, -1);
    qz_io_close(b);

#if !UNDER_TSAN
    /* io_close shuts the socket down first, which wakes a thread blocked in poll(2) on it.
     * Its read then races with the close (EBADF: ""), as in C, so TSan would object. */
    socket_pair(&a, &b);
    struct blocked_read r = { a, 0 };
    pthread_t th;
    qt_thread_start(&th, blocked_read_main, &r);
    qz_sleep_sync(100);
    qz_io_close(a);
    qt_thread_join(th);
    CHECK_STR(r.result, "");
    qz_io_close(b);
#endif

    qz_val l = qz_tcp_listen(0);
    CHECK_INT(qz_tcp_listen(qz_tcp_port(l)), -1);   /* in use */
    qz_io_close(l);
    CHECK_INT(qz_tcp_port(-1), -1);
    CHECK_INT(qz_tcp_accept_sync(-1), -1);
    CHECK_STR(qz_io_read_sync(-1, 10), "");
    CHECK_INT(qz_io_write_sync(-1, S("x")), -1);
    qz_io_close(-1);   /* nothing to close: a no-op */
}

static void listen_bad_port(const void *arg)
{
    (void)arg;
    qz_tcp_listen(70000);
}

static void connect_bad_port(const void *arg)
{
    (void)arg;
    qz_tcp_connect_sync(S("127.0.0.1"), -1);
}

static void read_zero(const void *arg)
{
    (void)arg;
    qz_io_read_sync(0, 0);
}

static void test_panics(void)
{
    CHECK_PANIC(listen_bad_port, NULL, "tcp_listen: port 70000 is outside 0..65535", "");
    CHECK_PANIC(connect_bad_port, NULL, "tcp_connect: port -1 is outside 0..65535", "");
    CHECK_PANIC(read_zero, NULL, "io_read: max must be at least 1, got 0", "");
}

qz_val quartz_main(void)
{
    watchdog(120);
    test_sync();
    test_panics();
    CHECK_INT(rt_sched_live_allocs(), 0);   /* synchronous I/O needs no scheduler */
    test_echo();
    test_echo();   /* a new scheduler and a new poller */
    test_big_write();
    test_close_wakes_parked_tasks();
    test_cancel();
    test_cancel_pending_connect();
    test_connect_refused();
    qz_sched_shutdown();
    CHECK_INT(rt_sched_live_allocs(), 0);
    printf("net: %d checks, %d failed\n", qt_checks, qt_failures);
    return qt_failures;
}
