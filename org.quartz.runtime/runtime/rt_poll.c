/*
 * rt_poll.c - the poller: descriptor readiness for tasks, through epoll
 * (modelled on Go's runtime/netpoll).
 *
 * One poller thread per scheduler owns an epoll instance. It starts with the
 * first task that has to wait for a descriptor and stops with the scheduler
 * (through rt_sched_at_shutdown), so a program without I/O pays nothing.
 * Synchronous code never comes here: it blocks its thread in poll(2) (rt_net.c).
 *
 * Each descriptor a task waited on has a registration (struct rt_pdesc, one per
 * fd number, kept in a table by fd) added to the epoll set once, edge-triggered
 * for input and output. The poller does no I/O: an edge bumps the direction's
 * sequence number and wakes every task parked in that direction, and each woken
 * task retries its non-blocking syscall (rt_net.c); EAGAIN parks it again. A
 * lost wake-up is impossible: the task reads seq before the syscall and parks
 * (under the registration's lock) only if seq is unchanged, so an edge that came
 * after the syscall failed is either seen there or finds the task queued.
 * Spurious wake-ups (a stale event of a reused fd number) only cost a retry.
 *
 * Invariants and lock order
 *   - poll_mu guards poller, the table, and each registration's registered flag.
 *     It is taken before a registration's lock, never after; the poller thread
 *     holds it while it dispatches one batch of events (it looks registrations
 *     up by fd, so an event of an unregistered fd finds nothing).
 *   - A registration's lock guards closed and its queues; seq is written under
 *     it and read without it. Wake-ups are delivered after both locks are dropped.
 *   - io_close (rt_poll_close) unregisters the fd and wakes its waiters with
 *     ok = 0 before the fd is closed, so no epoll entry or waiter outlives it.
 *   - Registrations are freed only by the poller's stop, when no task runs: a
 *     parked task's park record points at one's lock. The table and registrations are scheduler
 *     memory (rt_sched_alloc), so rt_sched_live_allocs counts them.
 */
#include "rt_internal.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

struct rt_pdesc {
    struct rt_lock lock;
    int registered;             /* in the epoll set; owner: poll_mu */
    int closed;                 /* io_close ran since it was registered; owner: lock */
    _Atomic unsigned seq[2];    /* readiness edges per direction; written under lock */
    struct rt_wq q[2];          /* parked tasks per direction; owner: lock */
};

struct rt_poller {
    int epfd;
    int evfd;                   /* written once by stop: the thread exits */
    pthread_t thread;
    struct rt_pdesc **table;    /* by fd number; owner: poll_mu */
    int64_t cap;                /* owner: poll_mu */
};

enum { EVENTS_PER_WAIT = 64 };
/* epoll data of the stop eventfd; registrations use their fd (>= 0). */
#define STOP_TOKEN UINT64_MAX

static pthread_mutex_t poll_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rt_poller *poller;    /* owner: poll_mu */

/* Under d->lock: one readiness edge in dir; claims every waiter there. */
static void ready(struct rt_pdesc *d, int dir, struct rt_wait **wake)
{
    struct rt_wnode *n;
    atomic_store(&d->seq[dir], atomic_load(&d->seq[dir]) + 1);
    while ((n = rt_wq_claim(&d->q[dir])) != NULL)
        rt_wait_deliver(n, 0, 1, wake);
}

static void *poller_main(void *arg)
{
    struct rt_poller *p = arg;
    struct epoll_event evs[EVENTS_PER_WAIT];
    rt_signal_thread_start();
    for (;;) {
        int n = epoll_wait(p->epfd, evs, EVENTS_PER_WAIT, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rt_panic_cstr("epoll_wait failed in the I/O poller");
        }
        struct rt_wait *wake = NULL;
        int stop = 0;
        pthread_mutex_lock(&poll_mu);
        for (int i = 0; i < n; i++) {
            if (evs[i].data.u64 == STOP_TOKEN) {
                stop = 1;
                continue;
            }
            int64_t fd = (int64_t)evs[i].data.u64;
            struct rt_pdesc *d = fd < p->cap ? p->table[fd] : NULL;
            if (d == NULL || !d->registered)
                continue;   /* unregistered after the kernel reported it */
            uint32_t e = evs[i].events;
            rt_lock(&d->lock);
            if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                ready(d, RT_POLL_READ, &wake);
            if (e & (EPOLLOUT | EPOLLHUP | EPOLLERR))
                ready(d, RT_POLL_WRITE, &wake);
            rt_unlock(&d->lock);
        }
        pthread_mutex_unlock(&poll_mu);
        rt_wake_all(wake);
        if (stop) {
            rt_signal_thread_stop();
            return NULL;
        }
    }
}

static void stop(void);

/* Under poll_mu. */
static struct rt_poller *start(void)
{
    struct rt_poller *p = rt_sched_alloc(sizeof *p);
    p->epfd = epoll_create1(EPOLL_CLOEXEC);
    p->evfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (p->epfd < 0 || p->evfd < 0)
        rt_panic_cstr("cannot create the I/O poller (epoll_create1 or eventfd failed)");
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = STOP_TOKEN };
    if (epoll_ctl(p->epfd, EPOLL_CTL_ADD, p->evfd, &ev) != 0)
        rt_panic_cstr("cannot create the I/O poller (epoll_ctl failed)");
    if (pthread_create(&p->thread, NULL, poller_main, p) != 0)
        rt_panic_cstr("cannot start the I/O poller thread");
    rt_sched_at_shutdown(stop);
    poller = p;
    return p;
}

struct rt_pdesc *rt_poll_desc(int fd)
{
    if (fd < 0) {
        errno = EBADF;
        return NULL;
    }
    pthread_mutex_lock(&poll_mu);
    struct rt_poller *p = poller != NULL ? poller : start();
    if (fd >= p->cap) {
        int64_t cap = p->cap ? p->cap : 64;
        while (cap <= fd)
            cap *= 2;
        struct rt_pdesc **table = rt_sched_alloc((size_t)cap * sizeof *table);
        for (int64_t i = 0; i < p->cap; i++)
            table[i] = p->table[i];
        rt_sched_free(p->table);
        p->table = table;
        p->cap = cap;
    }
    struct rt_pdesc *d = p->table[fd];
    if (d == NULL) {
        d = rt_sched_alloc(sizeof *d);
        p->table[fd] = d;
    }
    if (!d->registered) {
        struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.u64 = (uint64_t)fd };
        if (epoll_ctl(p->epfd, EPOLL_CTL_ADD, fd, &ev) != 0
            && !(errno == EEXIST && epoll_ctl(p->epfd, EPOLL_CTL_MOD, fd, &ev) == 0)) {
            pthread_mutex_unlock(&poll_mu);
            return NULL;   /* not pollable (a regular file) or not open: errno says */
        }
        d->registered = 1;
        rt_lock(&d->lock);
        d->closed = 0;     /* a new descriptor with this number */
        rt_unlock(&d->lock);
    }
    pthread_mutex_unlock(&poll_mu);
    return d;
}

unsigned rt_poll_seq(struct rt_pdesc *d, int dir)
{
    return atomic_load(&d->seq[dir]);
}

int rt_poll_park(struct rt_task *t, struct rt_queue_park *p, struct rt_pdesc *d, int dir, unsigned seq)
{
    rt_lock(&d->lock);
    if (d->closed) {
        rt_unlock(&d->lock);
        return -1;
    }
    if (atomic_load(&d->seq[dir]) != seq) {
        rt_unlock(&d->lock);
        return 0;
    }
    rt_queue_park_push(p, &d->q[dir], &d->lock);
    rt_unlock(&d->lock);
    rt_task_parked(t);
    return 1;
}

void rt_poll_close(int fd)
{
    struct rt_wait *wake = NULL;
    struct rt_wnode *n;
    pthread_mutex_lock(&poll_mu);
    struct rt_poller *p = poller;
    struct rt_pdesc *d = p != NULL && fd >= 0 && fd < p->cap ? p->table[fd] : NULL;
    if (d != NULL && d->registered) {
        epoll_ctl(p->epfd, EPOLL_CTL_DEL, fd, NULL);
        d->registered = 0;
        rt_lock(&d->lock);
        d->closed = 1;
        for (int dir = 0; dir < 2; dir++)
            while ((n = rt_wq_claim(&d->q[dir])) != NULL)
                rt_wait_deliver(n, 0, 0, &wake);   /* ok = 0: closed */
        rt_unlock(&d->lock);
    }
    pthread_mutex_unlock(&poll_mu);
    rt_wake_all(wake);
}

/* At the scheduler's shutdown: no task is running. */
static void stop(void)
{
    pthread_mutex_lock(&poll_mu);
    struct rt_poller *p = poller;
    poller = NULL;
    pthread_mutex_unlock(&poll_mu);
    if (p == NULL)
        return;
    uint64_t one = 1;
    if (write(p->evfd, &one, sizeof one) != sizeof one)
        rt_panic_cstr("cannot stop the I/O poller (eventfd write failed)");
    pthread_join(p->thread, NULL);
    close(p->epfd);
    close(p->evfd);
    for (int64_t i = 0; i < p->cap; i++) {
        if (p->table[i] != NULL) {
            rt_sched_free(p->table[i]);
        }
    }
    rt_sched_free(p->table);
    rt_sched_free(p);
}
