/*
 * rt_net.c - TCP and descriptor I/O: tcp_listen, tcp_port, tcp_accept,
 * tcp_connect, io_read, io_write, io_close.
 *
 * Every socket the runtime makes is non-blocking (SOCK_NONBLOCK | SOCK_CLOEXEC).
 * An operation is a loop of attempts (attempt(): one non-blocking syscall, or a
 * few). When an attempt would block:
 *   - in a task, the task parks on the poller (rt_poll.c) and the worker runs
 *     other tasks; the poller wakes it on readiness and the worker retries the
 *     attempt before resuming the task (net_finish, its park's finish), so the
 *     compiled code sees the usual protocol: _begin returns 1 with the result in
 *     the io word, or 0 and the result is in the io word on the next resume;
 *   - in synchronous code, the thread blocks in poll(2) on the descriptor.
 * The state that survives a park (fd, String, offset, address list) lives in the
 * task's park record (struct net_park), owned by the task.
 *
 * Errors. Invalid arguments (a port outside 0..65535, max < 1) panic. Failures
 * of the system (refused or unreachable connect, unknown host, port in use, a
 * reset connection, a bad descriptor) are results: -1 from tcp_listen,
 * tcp_accept, tcp_connect, tcp_port and io_write, "" from io_read (as at the
 * end of input). io_close of a descriptor wakes the tasks parked on it (read
 * gives "", the others -1), and shuts a socket down first so that a thread
 * blocked in poll(2) on it wakes up too.
 *
 * Writes use send(MSG_NOSIGNAL), so a peer that went away gives -1, not SIGPIPE.
 * Host names are resolved with getaddrinfo, which blocks the worker (or thread)
 * while it runs; numeric addresses and "localhost" need no network.
 */
#include "rt_internal.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { NET_ACCEPT = 1, NET_CONNECT, NET_READ, NET_WRITE };

/* One I/O operation in progress. */
struct rt_netop {
    int kind;                   /* NET_* */
    int fd;                     /* connect: the socket being connected, -1 between addresses */
    int dir;                    /* the readiness it waits for: RT_POLL_READ or RT_POLL_WRITE */
    struct rt_pdesc *desc;      /* fd's poller registration, once it had to wait */
    qz_val str;                 /* write: the String */
    int64_t max, off;           /* read: the byte limit; write: bytes written so far */
    void *addrs, *next;         /* connect: the getaddrinfo list, the next address to try */
};

/* A task's park record for I/O: a park on the poller, and the operation. */
struct net_park {
    struct rt_queue_park q;
    struct rt_netop op;
};

/* A single read returns at most this much, however large max is. */
enum { READ_CHUNK_MAX = 1 << 20, READ_STACK = 1 << 16 };

static void check_port(const char *what, qz_val port)
{
    if (port < 0 || port > 65535) {
        char msg[96];
        int n = snprintf(msg, sizeof msg, "%s: port %lld is outside 0..65535", what, (long long)port);
        rt_panic_msg(msg, (size_t)n);
    }
}

/* Closes a descriptor the poller may know. */
static void close_fd(int fd)
{
    rt_poll_close(fd);
    shutdown(fd, SHUT_RDWR);   /* wakes threads blocked on it; fails harmlessly for non-sockets */
    close(fd);
}

/* The result of a failed op, with its resources released. */
static qz_val fail(struct rt_netop *op)
{
    if (op->kind == NET_CONNECT) {
        if (op->fd >= 0)
            close_fd(op->fd);
        op->fd = -1;
        if (op->addrs != NULL)
            freeaddrinfo(op->addrs);
        op->addrs = op->next = NULL;
    }
    return op->kind == NET_READ ? rt_str_from("", 0) : -1;
}

static int would_block(int e)
{
    return e == EAGAIN || e == EWOULDBLOCK;
}

/* One try at connect: the next address, or the pending one's outcome. */
static int attempt_connect(struct rt_netop *op, qz_val *result, int *dir)
{
    for (;;) {
        if (op->fd < 0) {
            struct addrinfo *a = op->next;
            if (a == NULL) {
                *result = fail(op);
                return 1;
            }
            op->next = a->ai_next;
            int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
            if (fd < 0)
                continue;
            op->fd = fd;
            op->desc = NULL;   /* a new descriptor: registered when it has to wait */
            if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS && errno != EINTR) {
                close_fd(fd);
                op->fd = -1;
                continue;
            }
        }
        struct pollfd pf = { .fd = op->fd, .events = POLLOUT };
        int r = poll(&pf, 1, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0) {
            *dir = RT_POLL_WRITE;
            return 0;
        }
        int err = 0;
        socklen_t len = sizeof err;
        if (r > 0 && getsockopt(op->fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) {
            *result = op->fd;
            op->fd = -1;
            freeaddrinfo(op->addrs);
            op->addrs = op->next = NULL;
            return 1;
        }
        close_fd(op->fd);   /* refused or unreachable: the next address */
        op->fd = -1;
    }
}

static int attempt_read(struct rt_netop *op, int fd, qz_val *result, int *dir)
{
    char stack[READ_STACK];
    size_t want = op->max < READ_CHUNK_MAX ? (size_t)op->max : READ_CHUNK_MAX;
    char *buf = want <= sizeof stack ? stack : rt_alloc_bytes(want);
    ssize_t n;
    while ((n = read(fd, buf, want)) < 0 && errno == EINTR) {
    }
    int done = 1;
    if (n >= 0)
        *result = rt_str_from(buf, n);
    else if (would_block(errno))
        done = 0;
    else
        *result = fail(op);
    if (buf != stack)
        rt_free(buf);
    *dir = RT_POLL_READ;
    return done;
}

static int attempt_write(struct rt_netop *op, int fd, qz_val *result, int *dir)
{
    const struct qz_string *s = rt_ptr(op->str);
    int64_t len = rt_str_len(s);
    const char *bytes = rt_str_bytes(s);
    while (op->off < len) {
        ssize_t k = send(fd, bytes + op->off, (size_t)(len - op->off), MSG_NOSIGNAL);
        if (k < 0 && errno == ENOTSOCK)
            k = write(fd, bytes + op->off, (size_t)(len - op->off));
        if (k >= 0) {
            op->off += k;
        } else if (would_block(errno)) {
            *dir = RT_POLL_WRITE;
            return 0;
        } else if (errno != EINTR) {
            *result = fail(op);
            return 1;
        }
    }
    *result = len;
    return 1;
}

/* One attempt without waiting: 1 = done (*result); 0 = would block on *dir. */
static int attempt(struct rt_netop *op, qz_val *result, int *dir)
{
    switch (op->kind) {
    case NET_ACCEPT:
        for (;;) {
            int fd = accept4(op->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                *result = fd;
                return 1;
            }
            if (would_block(errno)) {
                *dir = RT_POLL_READ;
                return 0;
            }
            if (errno != EINTR && errno != ECONNABORTED) {
                *result = fail(op);
                return 1;
            }
        }
    case NET_CONNECT:
        return attempt_connect(op, result, dir);
    case NET_READ:
        return attempt_read(op, op->fd, result, dir);
    default:
        return attempt_write(op, op->fd, result, dir);
    }
}

/* ---- the two ways to wait ---- */

static qz_val run_sync(struct rt_netop *op)
{
    for (;;) {
        qz_val result;
        int dir;
        if (attempt(op, &result, &dir))
            return result;
        struct pollfd pf = { .fd = op->fd, .events = dir == RT_POLL_READ ? POLLIN : POLLOUT };
        if (poll(&pf, 1, -1) < 0 && errno != EINTR)
            return fail(op);
    }
}

/* Attempts until done (1, io set) or parked on the poller (0). */
static int task_step(struct rt_task *t, struct net_park *p)
{
    struct rt_netop *op = &p->op;
    for (;;) {
        unsigned seq = op->desc != NULL ? rt_poll_seq(op->desc, op->dir) : 0;
        qz_val result;
        int dir;
        if (attempt(op, &result, &dir)) {
            t->io = result;
            return 1;
        }
        if (op->desc == NULL || dir != op->dir) {
            /* First wait on this fd: register, then try again with a seq snapshot. */
            op->desc = rt_poll_desc(op->fd);
            op->dir = dir;
            if (op->desc == NULL) {
                t->io = fail(op);
                return 1;
            }
            continue;
        }
        int parked = rt_poll_park(t, &p->q, op->desc, dir, seq);
        if (parked > 0)
            return 0;
        if (parked < 0) {
            t->io = fail(op);   /* io_close of the descriptor */
            return 1;
        }
    }
}

/* The readiness (or io_close, or a cancellation) woke the task: retry, or give up. */
static int net_finish(struct rt_task *t, struct rt_park *park)
{
    struct net_park *p = (struct net_park *)park;
    struct rt_netop *op = &p->op;
    rt_queue_park_unlink(&p->q);
    if (park->wait.cancelled) {
        fail(op);   /* releases a pending connect */
        return 1;
    }
    if (!park->wait.ok) {
        if (op->kind == NET_CONNECT)
            op->fd = -1;   /* closed by io_close already */
        t->io = fail(op);
        return 1;
    }
    return task_step(t, p);
}

/* Woken by the poller, not by a task: counted as an outside wait (deadlock check). */
static const struct rt_park_kind net_kind = { net_finish, 1 };

static struct rt_netop op_for(int kind, qz_val fd)
{
    struct rt_netop op = { .kind = kind, .fd = fd < 0 || fd > INT32_MAX ? -1 : (int)fd };
    return op;
}

static qz_val begin(struct rt_task *t, struct rt_netop op)
{
    struct net_park *p = rt_park_prepare(t, &net_kind, sizeof *p);
    p->op = op;
    return task_step(t, p) ? rt_task_complete(t) : 0;
}

/* ---- the built-ins ---- */

qz_val qz_tcp_listen(qz_val port)
{
    check_port("tcp_listen", port);
    int one = 1, zero = 0;
    /* One dual-stack socket for every local address, IPv4 included; IPv4 alone without IPv6. */
    int fd = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd >= 0) {
        struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port), .sin6_addr = in6addr_any };
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, (struct sockaddr *)&a6, sizeof a6) == 0)
            goto bound;
        int e = errno;
        close(fd);
        if (e != EADDRNOTAVAIL && e != EAFNOSUPPORT)
            return -1;
    } else if (errno != EAFNOSUPPORT) {
        return -1;
    }
    fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr.s_addr = htonl(INADDR_ANY) };
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&a4, sizeof a4) != 0) {
        close(fd);
        return -1;
    }
bound:
    if (listen(fd, SOMAXCONN) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

qz_val qz_tcp_port(qz_val fd)
{
    struct sockaddr_storage a;
    socklen_t len = sizeof a;
    if (fd < 0 || fd > INT32_MAX || getsockname((int)fd, (struct sockaddr *)&a, &len) != 0)
        return -1;
    if (a.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&a)->sin6_port);
    if (a.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&a)->sin_port);
    return -1;
}

qz_val qz_tcp_accept_begin(qz_val task, qz_val fd)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    return begin(t, op_for(NET_ACCEPT, fd));
}

qz_val qz_tcp_accept_sync(qz_val fd)
{
    struct rt_netop op = op_for(NET_ACCEPT, fd);
    return run_sync(&op);
}

/* The op of a connect to host:port, its address list resolved; 0 = no address. */
static int resolve(struct rt_netop *op, qz_val host, qz_val port)
{
    check_port("tcp_connect", port);
    *op = op_for(NET_CONNECT, -1);
    char service[8];
    snprintf(service, sizeof service, "%d", (int)port);
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
    struct addrinfo *list = NULL;
    if (getaddrinfo(rt_str_bytes(rt_ptr(host)), service, &hints, &list) != 0)
        return 0;
    op->addrs = op->next = list;
    return 1;
}

qz_val qz_tcp_connect_begin(qz_val task, qz_val host, qz_val port)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    struct rt_netop op;
    if (!resolve(&op, host, port)) {
        t->io = -1;
        return 1;
    }
    return begin(t, op);
}

qz_val qz_tcp_connect_sync(qz_val host, qz_val port)
{
    struct rt_netop op;
    if (!resolve(&op, host, port))
        return -1;
    return run_sync(&op);
}

static struct rt_netop read_op(qz_val fd, qz_val max)
{
    if (max < 1) {
        char msg[96];
        int n = snprintf(msg, sizeof msg, "io_read: max must be at least 1, got %lld", (long long)max);
        rt_panic_msg(msg, (size_t)n);
    }
    struct rt_netop op = op_for(NET_READ, fd);
    op.max = max;
    return op;
}

qz_val qz_io_read_begin(qz_val task, qz_val fd, qz_val max)
{
    struct rt_task *t = rt_task_of(task);
    struct rt_netop op = read_op(fd, max);
    if (rt_task_precheck(t))
        return 0;
    return begin(t, op);
}

qz_val qz_io_read_sync(qz_val fd, qz_val max)
{
    struct rt_netop op = read_op(fd, max);
    return run_sync(&op);
}

static struct rt_netop write_op(qz_val fd, qz_val s)
{
    struct rt_netop op = op_for(NET_WRITE, fd);
    op.str = s;
    return op;
}

qz_val qz_io_write_begin(qz_val task, qz_val fd, qz_val s)
{
    struct rt_task *t = rt_task_of(task);
    if (rt_task_precheck(t))
        return 0;
    return begin(t, write_op(fd, s));
}

qz_val qz_io_write_sync(qz_val fd, qz_val s)
{
    struct rt_netop op = write_op(fd, s);
    return run_sync(&op);
}

void qz_io_close(qz_val fd)
{
    if (fd < 0 || fd > INT32_MAX)
        return;
    close_fd((int)fd);
}
