/*
 * rt_exit.c - at_exit: closures run when the program ends.
 *
 * qz_at_exit records a closure; rt_run_at_exit runs them, last registered first, when
 * quartz_main returns or qz_exit is called. Each handler is unlinked before it runs, so a
 * handler that calls qz_exit ends the process with that code after the remaining
 * handlers ran, and none runs twice. Panics skip the handlers.
 */
#include "rt_internal.h"

#include <pthread.h>

struct rt_exit_handler {
    qz_val closure;
    struct rt_exit_handler *next;
};

static pthread_mutex_t exit_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rt_exit_handler *handlers;  /* newest first */

void qz_at_exit(qz_val closure)
{
    struct rt_exit_handler *h = rt_alloc(sizeof *h);
    h->closure = closure;
    pthread_mutex_lock(&exit_mu);
    h->next = handlers;
    handlers = h;
    pthread_mutex_unlock(&exit_mu);
}

void rt_run_at_exit(void)
{
    for (;;) {
        pthread_mutex_lock(&exit_mu);
        struct rt_exit_handler *h = handlers;
        if (h != NULL)
            handlers = h->next;
        pthread_mutex_unlock(&exit_mu);
        if (h == NULL)
            return;
        /* A closure is {function, task start, environment...}; the function takes the closure. */
        qz_val (*fn)(qz_val) = (qz_val (*)(qz_val))((qz_val *)h->closure)[0];
        fn(h->closure);
    }
}
