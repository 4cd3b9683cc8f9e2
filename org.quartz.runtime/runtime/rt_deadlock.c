/*
 * rt_deadlock.c - "fatal error: all tasks are asleep - deadlock!" (reference §14).
 *
 * The main thread is deadlocked when it waits with no deadline (on a channel, a
 * task, a mutex, a group, or in sched_shutdown for unfinished tasks) and no task
 * can ever run again: every worker is idle, no task is queued, and none waits
 * for a timer, for I/O or for a call of the blocking pool (the scheduler's
 * outside waits: those are woken from outside the tasks). Only main could then
 * wake anything, and main waits.
 *
 * Main runs tasks while it waits (rt_sched_main_helps) and publishes its wait
 * only once it found none to run, so a task running on main's thread never
 * counts as stuck. Both sides check, each under the scheduler's mu, so whichever
 * comes last sees the other: main after it published its wait and before it parks
 * (rt_deadlock_main_waits, through rt_sched_stuck), a worker when it is the last
 * one to go idle (rt_deadlock_main_stuck). A wait that somebody claimed is about
 * to be woken, so it does not count as stuck.
 *
 * Threads the runtime did not start (a C embedding's, the runtime tests') may run
 * synchronous code that wakes main; while one is registered
 * (rt_foreign_thread_enter) nothing is declared.
 *
 * Lock order: the scheduler's mu -> main_mu (a leaf).
 */
#include "rt_internal.h"

static pthread_mutex_t main_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rt_wait *main_wait;   /* main's wait with no deadline; owner: main_mu */
static int main_in_shutdown;        /* main waits in sched_shutdown; owner: main_mu */
static atomic_long foreign_threads;

static QZ_NORETURN void deadlock(void)
{
    rt_fatal("all tasks are asleep - deadlock!", 2);
}

static int claimed(struct rt_wait *w)
{
    return (atomic_load(&w->phase) & RT_WAIT_CLAIMED) != 0;
}

void rt_foreign_thread_enter(void) { atomic_fetch_add(&foreign_threads, 1); }
void rt_foreign_thread_exit(void) { atomic_fetch_sub(&foreign_threads, 1); }

void rt_deadlock_main_waits(struct rt_wait *w)
{
    pthread_mutex_lock(&main_mu);
    main_wait = w;
    pthread_mutex_unlock(&main_mu);
    if (atomic_load(&foreign_threads) == 0 && rt_sched_stuck() && !claimed(w))
        deadlock();
}

void rt_deadlock_main_woke(void)
{
    pthread_mutex_lock(&main_mu);
    main_wait = NULL;
    pthread_mutex_unlock(&main_mu);
}

void rt_deadlock_main_in_shutdown(int waiting)
{
    pthread_mutex_lock(&main_mu);
    main_in_shutdown = waiting;
    pthread_mutex_unlock(&main_mu);
}

void rt_deadlock_check(int64_t live_tasks)
{
    if (atomic_load(&foreign_threads) != 0)
        return;
    pthread_mutex_lock(&main_mu);
    int stuck = (main_wait != NULL && !claimed(main_wait)) || (main_in_shutdown && live_tasks > 0);
    pthread_mutex_unlock(&main_mu);
    if (stuck)
        deadlock();
}
