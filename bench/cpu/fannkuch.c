/* fannkuch-redux (the Benchmarks Game program, one thread); see fannkuch.qz.
 * Usage: fannkuch [n]   (default 7) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 7;
    if (n < 1 || n > 20) return 1;
    long perm1[20], perm[20], count[20];
    for (int i = 0; i < n; i++) perm1[i] = i;
    long max_flips = 0, checksum = 0, perm_count = 0;
    int r = n;
    for (;;) {
        for (; r != 1; r--) count[r - 1] = r;
        memcpy(perm, perm1, n * sizeof perm[0]);
        long flips = 0;
        for (long k = perm[0]; k != 0; k = perm[0]) {
            for (long i = 0, j = k; i < j; i++, j--) {
                long t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            }
            flips++;
        }
        if (flips > max_flips) max_flips = flips;
        checksum += perm_count % 2 == 0 ? flips : -flips;
        for (;;) {
            if (r == n) {
                printf("%ld\nPfannkuchen(%d) = %ld\n", checksum, n, max_flips);
                return 0;
            }
            long p0 = perm1[0];
            for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = p0;
            if (--count[r] > 0) break;
            r++;
        }
        perm_count++;
    }
}
