/* binary-trees (the Benchmarks Game program) with malloc/free: each short-lived tree is freed
 * node by node right after its check, the long-lived one at the end.
 * Usage: binarytrees [depth]   (default 18) */
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    struct node *left, *right;
} node;

static node *bottom_up(int d)
{
    node *n = malloc(sizeof *n);
    if (n == NULL) {
        perror("malloc");
        exit(1);
    }
    if (d <= 0) {
        n->left = n->right = NULL;
    } else {
        n->left = bottom_up(d - 1);
        n->right = bottom_up(d - 1);
    }
    return n;
}

static long check(const node *n)
{
    return n->left == NULL ? 1 : 1 + check(n->left) + check(n->right);
}

static void release(node *n)
{
    if (n->left != NULL) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 18;
    int min_depth = 4;
    int max_depth = min_depth + 2 > n ? min_depth + 2 : n;
    int stretch = max_depth + 1;
    node *t = bottom_up(stretch);
    printf("stretch tree of depth %d\t check: %ld\n", stretch, check(t));
    release(t);
    node *long_lived = bottom_up(max_depth);
    for (int d = min_depth; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + min_depth);
        long c = 0;
        for (long i = 0; i < iterations; i++) {
            t = bottom_up(d);
            c += check(t);
            release(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, d, c);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check(long_lived));
    release(long_lived);
    return 0;
}
