/* fib: the naive doubly recursive Fibonacci, a test of call overhead.
 * Usage: fib [n]   (default 25) */
#include <stdio.h>
#include <stdlib.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 25;
    printf("fib(%ld) = %ld\n", n, fib(n));
    return 0;
}
