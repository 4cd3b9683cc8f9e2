/*
 * qz_tasks.h - hand-written tasks for the concurrency tests, in the shape the
 * compiler emits: a resume function switching over the task's state, frame words
 * for arguments and values live across suspension points, and for every
 * suspending operation "if (!qz_X_begin(...)) { save state; return QZ_PENDING; }"
 * followed by the resume point, which reads qz_task_io.
 */
#ifndef QZ_TASKS_H
#define QZ_TASKS_H

#include "qz_test.h"

#include <pthread.h>
#include <stdatomic.h>

#define FRAME(t) ((qz_val *)rt_ptr(qz_task_frame(t)))
#define FN(f) ((qz_val)(intptr_t)(f))
/* Parks at resume point n when the operation did not complete at once. */
#define SUSPEND(t, n, begin) \
    do { if (!(begin)) { qz_task_set_state((t), (n)); return QZ_PENDING; } } while (0)
#define FINISH(t, v) do { qz_task_finish((t), (v)); return QZ_DONE; } while (0)
/* Calls a waiting function's frame, resuming at point n once it returned. The state is
 * saved first: once the callee parks, the task's top frame is the callee's. */
#define CALL(t, n, frame) \
    do { qz_task_set_state((t), (n)); if (!qz_call_frame((t), (frame))) return QZ_PENDING; } while (0)

/* A frame of fn with up to four words set (for CALL). */
static inline qz_val frame4(qz_val (*fn)(qz_val), qz_val a, qz_val b, qz_val c, qz_val d)
{
    qz_val frame = qz_frame_new(FN(fn), 8);
    qz_val *f = (qz_val *)rt_ptr(frame);
    f[0] = a;
    f[1] = b;
    f[2] = c;
    f[3] = d;
    return frame;
}

/* A task of fn with up to four frame words set, not started (for qz_group_spawn). */
static inline qz_val new4(qz_val (*fn)(qz_val), qz_val a, qz_val b, qz_val c, qz_val d)
{
    qz_val t = qz_task_new(FN(fn), 8);
    qz_val *f = FRAME(t);
    f[0] = a;
    f[1] = b;
    f[2] = c;
    f[3] = d;
    return t;
}

/* The same, spawned. */
static inline qz_val go4(qz_val (*fn)(qz_val), qz_val a, qz_val b, qz_val c, qz_val d)
{
    return qz_task_spawn(new4(fn, a, b, c, d));
}

/* frame: [0] ch, [1] first, [2] count, [3] i. Sends first..first+count-1; result: sends that succeeded. */
static inline qz_val producer_resume(qz_val t)
{
    qz_val *f = FRAME(t);
    switch (qz_task_state(t)) {
    case 0:
        f[3] = 0;
    loop:
        if (f[3] >= f[2])
            FINISH(t, f[3]);
        SUSPEND(t, 1, qz_send_begin(t, f[0], f[1] + f[3]));
        /* fallthrough */
    case 1:
        if (!qz_task_io(t))
            FINISH(t, f[3]);   /* closed */
        f[3]++;
        goto loop;
    }
    abort();
}

static inline qz_val ms_since(qz_val t0)
{
    return qz_time_now_ms() - t0;
}

/* Kills a hung test: a deadlock fails (SIGALRM) instead of blocking the run. */
static inline void watchdog(unsigned seconds)
{
    alarm(seconds);
}

#endif
