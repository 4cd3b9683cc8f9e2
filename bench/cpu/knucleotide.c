/* k-nucleotide (the Benchmarks Game program, one thread); see knucleotide.qz.
 * The hash table is open addressing with linear probing, doubled at half full.
 * Usage: fasta 1000 | knucleotide */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint64_t key; long count; } Slot;  /* count 0 = empty */
typedef struct { Slot *slots; size_t cap, size; } Table;

static size_t hash(uint64_t k) { k ^= k >> 33; k *= 0xff51afd7ed558ccdULL; k ^= k >> 33; return (size_t)k; }

static Slot *find(Table *t, uint64_t key)
{
    size_t i = hash(key) & (t->cap - 1);
    while (t->slots[i].count != 0 && t->slots[i].key != key) i = (i + 1) & (t->cap - 1);
    return &t->slots[i];
}

static void grow(Table *t)
{
    Table n = {calloc(t->cap * 2, sizeof(Slot)), t->cap * 2, t->size};
    if (!n.slots) { perror("calloc"); exit(1); }
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].count) *find(&n, t->slots[i].key) = t->slots[i];
    free(t->slots);
    *t = n;
}

static Table count_frames(const signed char *codes, size_t n, int k)
{
    Table t = {calloc(64, sizeof(Slot)), 64, 0};
    uint64_t mask = (1ULL << (2 * k)) - 1, key = 0;
    for (size_t i = 0; i < n; i++) {
        key = ((key << 2) | (uint64_t)codes[i]) & mask;
        if (i + 1 >= (size_t)k) {
            Slot *s = find(&t, key);
            if (s->count == 0) {
                s->key = key;
                if (++t.size * 2 > t.cap) { s->count = 1; grow(&t); continue; }
            }
            s->count++;
        }
    }
    return t;
}

static int code_of(int c)
{
    switch (c) {
    case 'a': case 'A': return 0;
    case 'c': case 'C': return 1;
    case 'g': case 'G': return 2;
    case 't': case 'T': return 3;
    }
    return -1;
}

static void decode(uint64_t key, int k, char *buf)
{
    for (int i = 0; i < k; i++) buf[i] = "ACGT"[(key >> (2 * (k - 1 - i))) & 3];
    buf[k] = 0;
}

static int by_count(const void *a, const void *b)
{
    const Slot *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

int main(void)
{
    size_t n = 0, cap = 1 << 20;
    signed char *codes = malloc(cap);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    int inside = 0;
    while ((len = getline(&line, &lcap, stdin)) > 0) {
        if (line[len - 1] == '\n') len--;
        if (inside) {
            if (len > 0 && line[0] == '>') break;
            if (n + len > cap) { while (n + len > cap) cap *= 2; codes = realloc(codes, cap); }
            for (ssize_t i = 0; i < len; i++) codes[n++] = (signed char)code_of((unsigned char)line[i]);
        } else if (strncmp(line, ">THREE", 6) == 0) {
            inside = 1;
        }
    }
    char name[32];
    for (int k = 1; k <= 2; k++) {
        Table t = count_frames(codes, n, k);
        Slot *all = malloc(t.size * sizeof(Slot));
        size_t m = 0;
        for (size_t i = 0; i < t.cap; i++) if (t.slots[i].count) all[m++] = t.slots[i];
        qsort(all, m, sizeof(Slot), by_count);
        double total = (double)(n - k + 1);
        for (size_t i = 0; i < m; i++) {
            decode(all[i].key, k, name);
            printf("%s %.3f\n", name, 100.0 * (double)all[i].count / total);
        }
        printf("\n");
        free(all);
        free(t.slots);
    }
    static const char *queries[] = {"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"};
    for (int q = 0; q < 5; q++) {
        int k = (int)strlen(queries[q]);
        Table t = count_frames(codes, n, k);
        uint64_t key = 0;
        for (int i = 0; i < k; i++) key = (key << 2) | (uint64_t)code_of(queries[q][i]);
        printf("%ld\t%s\n", find(&t, key)->count, queries[q]);
        free(t.slots);
    }
    free(line);
    free(codes);
    return 0;
}
