/* CSV with malloc/free: builds N lines "id,name,qty,price" (snprintf into a malloc'd line),
 * splits each into malloc'd pieces, parses them (strtol) into a malloc'd Row, keeps only
 * running totals and frees the line, the pieces and the Row at once.
 * Usage: csv [lines]   (default 2000000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long id;
    char *name;
    long qty;
    long price;
} row;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL) {
        perror("malloc");
        exit(1);
    }
    return p;
}

/* The pieces of s between commas, each a fresh string; *count gets their number. */
static char **split(const char *s, int *count)
{
    int n = 1;
    for (const char *p = s; *p; p++)
        n += *p == ',';
    char **parts = xmalloc(n * sizeof *parts);
    int k = 0;
    const char *start = s;
    for (const char *p = s;; p++) {
        if (*p == ',' || *p == '\0') {
            size_t len = (size_t)(p - start);
            parts[k] = xmalloc(len + 1);
            memcpy(parts[k], start, len);
            parts[k][len] = '\0';
            k++;
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    *count = n;
    return parts;
}

static long to_int(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0') ? -1 : v;
}

static row *parse(const char *line)
{
    int n;
    char **f = split(line, &n);
    row *r = xmalloc(sizeof *r);
    r->id = to_int(f[0]);
    r->name = f[1];
    r->qty = to_int(f[2]);
    r->price = to_int(f[3]);
    free(f[0]);
    free(f[2]);
    free(f[3]);
    for (int i = 4; i < n; i++)
        free(f[i]);
    free(f);
    return r;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 2000000;
    long rows = 0, ids = 0, qty = 0, value = 0, name_bytes = 0;
    for (long i = 0; i < n; i++) {
        char buf[96];
        int len = snprintf(buf, sizeof buf, "%ld,item%ld,%ld,%ld", i, i % 1000, i % 17 + 1, (i * 7919) % 10000);
        char *line = xmalloc((size_t)len + 1);
        memcpy(line, buf, (size_t)len + 1);
        row *r = parse(line);
        rows++;
        ids += r->id;
        qty += r->qty;
        value += r->qty * r->price;
        name_bytes += (long)strlen(r->name);
        free(r->name);
        free(r);
        free(line);
    }
    printf("rows=%ld ids=%ld qty=%ld value=%ld name_bytes=%ld\n", rows, ids, qty, value, name_bytes);
    return 0;
}
