/* Tests for rt_vec.c: growth, pop, bounds panics, insert/remove, slices, sorting. */
#include "qz_test.h"

static qz_val ints(int n, const int64_t *xs)
{
    qz_val v = qz_vec_new();
    for (int i = 0; i < n; i++)
        qz_vec_push(v, xs[i]);
    return v;
}

static void check_ints(qz_val v, int n, const int64_t *want, int line)
{
    qt_check_int(qz_vec_size(v), n, "vec size", __FILE__, line);
    for (int i = 0; i < n && i < qz_vec_size(v); i++)
        qt_check_int(qz_vec_get(v, i), want[i], "vec element", __FILE__, line);
}

#define INTS(...) ints((int)(sizeof((const int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), (const int64_t[]){ __VA_ARGS__ })
#define CHECK_INTS(v, ...) check_ints((v), (int)(sizeof((const int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), \
                                      (const int64_t[]){ __VA_ARGS__ }, __LINE__)

static void test_growth(void)
{
    qz_val v = qz_vec_new();
    CHECK_INT(qz_vec_size(v), 0);
    for (int64_t i = 0; i < 100000; i++)
        qz_vec_push(v, i * 3);
    CHECK_INT(qz_vec_size(v), 100000);
    const struct qz_vec *raw = rt_ptr(v);
    CHECK(raw->cap >= raw->len && raw->cap < 2 * raw->len + 8);  /* doubling, not more */
    int ok = 1;
    for (int64_t i = 0; i < 100000; i++)
        ok &= qz_vec_get(v, i) == i * 3;
    CHECK(ok);

    qz_val w = qz_vec_with_capacity(10);
    CHECK_INT(qz_vec_size(w), 0);
    CHECK(((const struct qz_vec *)rt_ptr(w))->cap == 10);
    for (int i = 0; i < 11; i++)
        qz_vec_push(w, i);
    CHECK_INT(qz_vec_get(w, 10), 10);
    CHECK_INT(qz_vec_size(qz_vec_with_capacity(-5)), 0);
}

static void test_pop_set_clear(void)
{
    qz_val v = INTS(1, 2, 3);
    qz_vec_set(v, 0, 100);
    qz_val o = qz_vec_pop(v);
    CHECK_INT(qz_is_some(o), 1);
    CHECK_INT(qz_unwrap(o), 3);
    CHECK_INTS(v, 100, 2);
    CHECK_INT(qz_unwrap(qz_vec_pop(v)), 2);
    CHECK_INT(qz_unwrap(qz_vec_pop(v)), 100);
    CHECK_INT(qz_is_some(qz_vec_pop(v)), 0);
    CHECK_INT(qz_is_some(qz_vec_pop(v)), 0);
    qz_vec_push(v, 7);
    CHECK_INTS(v, 7);

    qz_val w = INTS(1, 2, 3);
    qz_vec_clear(w);
    CHECK_INT(qz_vec_size(w), 0);
    qz_vec_push(w, 9);
    CHECK_INTS(w, 9);
}

struct vec_op {
    int kind;
    int64_t index;
};

static void out_of_range(const void *arg)
{
    const struct vec_op *op = arg;
    qz_val v = INTS(1, 2, 3);
    qz_puts(S("before"));
    switch (op->kind) {
    case 0: qz_vec_get(v, op->index); break;
    case 1: qz_vec_set(v, op->index, 0); break;
    case 2: qz_vec_insert(v, op->index, 0); break;
    case 3: qz_vec_remove(v, op->index); break;
    case 4: qz_vec_get(qz_vec_new(), op->index); break;
    }
    qz_puts(S("after"));
}

static void test_out_of_range(void)
{
    static const struct vec_op get5 = { 0, 5 }, get3 = { 0, 3 }, get_neg = { 0, -1 },
        set3 = { 1, 3 }, insert4 = { 2, 4 }, insert_neg = { 2, -1 }, remove3 = { 3, 3 },
        empty0 = { 4, 0 };
    CHECK_PANIC(out_of_range, &get5, "index out of bounds: index 5, size 3", "before\n");
    CHECK_PANIC(out_of_range, &get3, "index out of bounds: index 3, size 3", "before\n");
    CHECK_PANIC(out_of_range, &get_neg, "index out of bounds: index -1, size 3", "before\n");
    CHECK_PANIC(out_of_range, &set3, "index out of bounds: index 3, size 3", "before\n");
    CHECK_PANIC(out_of_range, &insert4, "index out of bounds: index 4, size 3", "before\n");
    CHECK_PANIC(out_of_range, &insert_neg, "index out of bounds: index -1, size 3", "before\n");
    CHECK_PANIC(out_of_range, &remove3, "index out of bounds: index 3, size 3", "before\n");
    CHECK_PANIC(out_of_range, &empty0, "index out of bounds: index 0, size 0", "before\n");
}

static void test_insert_remove(void)
{
    qz_val v = qz_vec_new();
    qz_vec_insert(v, 0, 2);   /* into an empty Vec */
    qz_vec_insert(v, 0, 1);   /* front */
    qz_vec_insert(v, 2, 4);   /* end */
    qz_vec_insert(v, 2, 3);   /* middle */
    CHECK_INTS(v, 1, 2, 3, 4);
    CHECK_INT(qz_vec_remove(v, 1), 2);
    CHECK_INTS(v, 1, 3, 4);
    CHECK_INT(qz_vec_remove(v, 2), 4);
    CHECK_INT(qz_vec_remove(v, 0), 1);
    CHECK_INTS(v, 3);
    for (int i = 0; i < 1000; i++)
        qz_vec_insert(v, 0, i);  /* growth through insert */
    CHECK_INT(qz_vec_size(v), 1001);
    CHECK_INT(qz_vec_get(v, 0), 999);
    CHECK_INT(qz_vec_get(v, 1000), 3);
}

static void test_contains(void)
{
    qz_val v = INTS(5, -1, INT64_MIN);
    CHECK_INT(qz_vec_contains_int(v, -1), 1);
    CHECK_INT(qz_vec_contains_int(v, INT64_MIN), 1);
    CHECK_INT(qz_vec_contains_int(v, 0), 0);
    CHECK_INT(qz_vec_contains_int(qz_vec_new(), 0), 0);
    static const char *const words[] = { "alpha", "", "gamma" };
    qz_val w = V(3, words);
    CHECK_INT(qz_vec_contains_str(w, S("gamma")), 1);  /* by content, not identity */
    CHECK_INT(qz_vec_contains_str(w, S("gam")), 0);
    CHECK_INT(qz_vec_contains_str(w, 0), 1);            /* NULL is "" */
}

static void test_slice_reverse(void)
{
    qz_val v = INTS(0, 1, 2, 3, 4);
    CHECK_INTS(qz_vec_slice(v, 1, 3), 1, 2);
    CHECK_INTS(qz_vec_slice(v, -10, 2), 0, 1);
    CHECK_INTS(qz_vec_slice(v, 3, 100), 3, 4);
    CHECK_INT(qz_vec_size(qz_vec_slice(v, 3, 1)), 0);
    CHECK_INT(qz_vec_size(qz_vec_slice(v, 9, 12)), 0);
    qz_val copy = qz_vec_slice(v, INT64_MIN, INT64_MAX);
    qz_vec_set(copy, 0, 99);  /* a new Vec, not a view */
    CHECK_INT(qz_vec_get(v, 0), 0);
    qz_vec_push(qz_vec_slice(v, 0, 0), 1);

    qz_vec_reverse(v);
    CHECK_INTS(v, 4, 3, 2, 1, 0);
    qz_val even = INTS(1, 2);
    qz_vec_reverse(even);
    CHECK_INTS(even, 2, 1);
    qz_val empty = qz_vec_new();
    qz_vec_reverse(empty);
    CHECK_INT(qz_vec_size(empty), 0);
}

static void test_sort(void)
{
    qz_val v = INTS(5, -3, INT64_MAX, 0, INT64_MIN, 5, 2);
    qz_vec_sort_int(v);
    CHECK_INTS(v, INT64_MIN, -3, 0, 2, 5, 5, INT64_MAX);
    qz_val e = qz_vec_new();
    qz_vec_sort_int(e);
    qz_vec_sort_str(e);
    CHECK_INT(qz_vec_size(e), 0);

    static const char *const words[] = { "pear", "apple", "", "apples", "Zebra", "\xc3\xa9t\xc3\xa9", "app" };
    qz_val w = V(7, words);
    qz_vec_push(w, 0);  /* NULL sorts as "" */
    qz_vec_sort_str(w);
    static const char *const want[] = { "", "", "Zebra", "app", "apple", "apples", "pear", "\xc3\xa9t\xc3\xa9" };
    CHECK_INT(qz_vec_size(w), 8);
    CHECK_INT(qz_str_size(qz_vec_get(w, 0)) + qz_str_size(qz_vec_get(w, 1)), 0);
    for (int i = 2; i < 8; i++)
        CHECK_STR(qz_vec_get(w, i), want[i]);

    qz_val big = qz_vec_new();
    for (int64_t i = 0; i < 10000; i++)
        qz_vec_push(big, (i * 7919) % 10007);
    qz_vec_sort_int(big);
    int ok = 1;
    for (int64_t i = 1; i < 10000; i++)
        ok &= qz_vec_get(big, i - 1) <= qz_vec_get(big, i);
    CHECK(ok);
}

/* Orders pairs {key, tag} by key only, so stability shows in the tags. */
static qz_val cmp_by_key(qz_val a, qz_val b)
{
    int64_t x = ((int64_t *)(uintptr_t)a)[0], y = ((int64_t *)(uintptr_t)b)[0];
    return (x > y) - (x < y);
}

static void test_sort_by(void)
{
    qz_val v = qz_vec_new();
    for (int64_t i = 0; i < 1000; i++) {
        int64_t *pair = rt_alloc(2 * sizeof *pair);
        pair[0] = (i * 7) % 10;
        pair[1] = i;
        qz_vec_push(v, (qz_val)(uintptr_t)pair);
    }
    qz_vec_sort_by(v, (qz_val)(uintptr_t)cmp_by_key);
    int ok = 1;
    for (int64_t i = 1; i < 1000; i++) {
        int64_t *p = (int64_t *)(uintptr_t)qz_vec_get(v, i - 1), *q = (int64_t *)(uintptr_t)qz_vec_get(v, i);
        ok &= p[0] < q[0] || (p[0] == q[0] && p[1] < q[1]);   /* sorted, equal keys in their old order */
    }
    CHECK(ok);
    CHECK_INT(qz_vec_size(v), 1000);
    qz_val one = qz_vec_new();
    qz_vec_sort_by(one, (qz_val)(uintptr_t)cmp_by_key);
    CHECK_INT(qz_vec_size(one), 0);

    double xs[] = { 2.5, -0.0, -1.0, 1e300, -1e-300 };
    qz_val f = qz_vec_new();
    for (int i = 0; i < 5; i++) {
        qz_val bits;
        memcpy(&bits, &xs[i], sizeof bits);
        qz_vec_push(f, bits);
    }
    qz_vec_sort_float(f);
    double prev = -1e308;
    for (int i = 0; i < 5; i++) {
        double d;
        qz_val bits = qz_vec_get(f, i);
        memcpy(&d, &bits, sizeof d);
        CHECK(d >= prev);
        prev = d;
    }
}

qz_val quartz_main(void)
{
    RUN(test_growth);
    RUN(test_pop_set_clear);
    RUN(test_out_of_range);
    RUN(test_insert_remove);
    RUN(test_contains);
    RUN(test_slice_reverse);
    RUN(test_sort);
    RUN(test_sort_by);
    return qt_done("vec");
}
