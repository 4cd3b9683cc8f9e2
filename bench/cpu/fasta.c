/* fasta (the Benchmarks Game program); see fasta.qz.
 * Usage: fasta [n]   (default 1000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ALU =
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";
enum { WIDTH = 60 };

static long seed = 42;

static void repeat_fasta(const char *header, const char *s, long n)
{
    char line[WIDTH + 1];
    size_t len = strlen(s), pos = 0;
    fputs(header, stdout);
    for (long left = n; left > 0; left -= WIDTH) {
        int m = left < WIDTH ? (int)left : WIDTH;
        for (int i = 0; i < m; i++) {
            line[i] = s[pos];
            if (++pos == len) pos = 0;
        }
        line[m] = '\n';
        fwrite(line, 1, m + 1, stdout);
    }
}

static void random_fasta(const char *header, const char *codes, const double *probs, int k, long n)
{
    double cum[16];
    double acc = 0.0;
    for (int i = 0; i < k; i++) cum[i] = acc += probs[i];
    char line[WIDTH + 1];
    fputs(header, stdout);
    for (long left = n; left > 0; left -= WIDTH) {
        int m = left < WIDTH ? (int)left : WIDTH;
        for (int i = 0; i < m; i++) {
            seed = (seed * 3877 + 29573) % 139968;
            double r = (double)seed / 139968.0;
            int j = 0;
            while (j < k - 1 && r >= cum[j]) j++;
            line[i] = codes[j];
        }
        line[m] = '\n';
        fwrite(line, 1, m + 1, stdout);
    }
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000;
    static char buf[65536];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    repeat_fasta(">ONE Homo sapiens alu\n", ALU, 2 * n);
    static const double iub[] = {0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02,
                                 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
    random_fasta(">TWO IUB ambiguity codes\n", "acgtBDHKMNRSVWY", iub, 15, 3 * n);
    static const double homo[] = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008};
    random_fasta(">THREE Homo sapiens frequency\n", "acgt", homo, 4, 5 * n);
    return 0;
}
