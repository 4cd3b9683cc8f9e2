/* String append with malloc/free, the way immutable strings do it: each append mallocs a
 * string one byte longer, copies the old one and frees it.
 * Usage: strappend [n]   (default 40000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 40000;
    char *s = malloc(1);
    size_t len = 0;
    if (s == NULL)
        return 1;
    for (long i = 0; i < n; i++) {
        char *t = malloc(len + 2);
        if (t == NULL) {
            perror("malloc");
            return 1;
        }
        memcpy(t, s, len);
        t[len] = 'x';
        t[len + 1] = '\0';
        len++;
        free(s);
        s = t;
    }
    printf("length %zu\n", strlen(s));
    free(s);
    return 0;
}
