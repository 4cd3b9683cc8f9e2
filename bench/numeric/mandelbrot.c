/* mandelbrot (the Benchmarks Game program, in floating point, single-threaded): the
 * n x n bitmap of the Mandelbrot set over [-1.5, 0.5] x [-1, 1], at most 50
 * iterations per point. Instead of the PBM bytes it prints the number of points in
 * the set and a checksum of the bitmap's bytes (8 points a byte, first point in the
 * high bit, each row padded to whole bytes, as PBM packs them), so the output is
 * text and the same in every language: sum = (sum * 31 + byte) mod 1000000007.
 * Usage: mandelbrot [n]   (default 200) */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 200;
    double size = (double)n;
    long in_set = 0, sum = 0;
    for (long y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / size - 1.0;
        long byte = 0, bits = 0;
        for (long x = 0; x < n; x++) {
            double cr = 2.0 * (double)x / size - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < 50 && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte = byte * 2;
            if (tr + ti <= 4.0) {
                byte = byte + 1;
                in_set++;
            }
            bits++;
            if (bits == 8 || x == n - 1) {
                for (; bits < 8; bits++)
                    byte = byte * 2;
                sum = (sum * 31 + byte) % 1000000007;
                byte = 0;
                bits = 0;
            }
        }
    }
    printf("%ld points in the set\n", in_set);
    printf("checksum %ld\n", sum);
    return 0;
}
