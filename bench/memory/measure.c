/* measure: runs a command and reports what the kernel accounted for it.
 *   measure -o FILE command [args...]
 * writes one line "wall_ms user_ms sys_ms maxrss_kb" to FILE once the command has ended
 * (wall clock from CLOCK_MONOTONIC around fork/wait; user and system CPU time and peak
 * resident set size from wait4's rusage, the numbers GNU time's %U %S %M print), and exits
 * with the command's exit code (128+signal if a signal ended it). run.sh compiles it. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double ms(struct timeval tv) { return tv.tv_sec * 1e3 + tv.tv_usec / 1e3; }

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-o") != 0) {
        fprintf(stderr, "usage: measure -o FILE command [args...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        perror(argv[3]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    FILE *f = fopen(argv[2], "w");
    if (f == NULL) {
        perror(argv[2]);
        return 2;
    }
    fprintf(f, "%.0f %.0f %.0f %ld\n", wall, ms(ru.ru_utime), ms(ru.ru_stime), ru.ru_maxrss);
    fclose(f);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
