/*
 * rt_main.c - the process: C's main, the command-line arguments, exit.
 *
 * The runtime owns main. It records argv, sets up output and the fatal-signal
 * handlers (rt_signal.c), runs the program's
 * quartz_main and returns its result as the exit status. argc/argv are written
 * once here, before any Quartz code runs, and only read afterwards.
 */
#include "rt_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int prog_argc;
static char **prog_argv;

int main(int argc, char **argv)
{
    prog_argc = argc;
    prog_argv = argv;
    rt_io_init();
    rt_signal_init();
    qz_val code = quartz_main();
    rt_run_at_exit();
    qz_flush();
    return (int)code;  /* the OS keeps the low 8 bits anyway */
}

/* A fresh Vec each call: the program may change it. */
qz_val qz_args(void)
{
    int n = prog_argc > 1 ? prog_argc - 1 : 0;
    qz_val v = qz_vec_with_capacity(n);
    for (int i = 0; i < n; i++) {
        const char *a = prog_argv[i + 1];
        qz_vec_push(v, rt_str_from(a, (int64_t)strlen(a)));
    }
    return v;
}

void qz_exit(qz_val code)
{
    rt_run_at_exit();
    qz_flush();
    exit((int)code);
}
