/* Tests for rt_map.c: insertion order, update, delete, growth and compaction, Int and String keys. */
#include "qz_test.h"

static void check_keys(qz_val m, int n, const int64_t *want, int line)
{
    qz_val keys = qz_map_keys(m), values = qz_map_values(m);
    qt_check_int(qz_map_size(m), n, "map size", __FILE__, line);
    qt_check_int(vlen(keys), n, "keys size", __FILE__, line);
    qt_check_int(vlen(values), n, "values size", __FILE__, line);
    for (int i = 0; i < n && i < vlen(keys); i++) {
        qt_check_int(vat(keys, i), want[i], "key", __FILE__, line);
        qt_check_int(vat(values, i), qz_map_get_or_panic(m, want[i]), "value in key order", __FILE__, line);
    }
}

#define CHECK_KEYS(m, ...) check_keys((m), (int)(sizeof((const int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), \
                                      (const int64_t[]){ __VA_ARGS__ }, __LINE__)

static void test_insertion_order(void)
{
    qz_val m = qz_map_new(0);
    CHECK_INT(qz_map_size(m), 0);
    CHECK_INT(qz_is_some(qz_map_get(m, 1)), 0);
    CHECK_INT(qz_map_has(m, 1), 0);
    CHECK_INT(qz_map_delete(m, 1), 0);
    CHECK_INT(vlen(qz_map_keys(m)), 0);

    qz_map_set(m, 30, 300);
    qz_map_set(m, 10, 100);
    qz_map_set(m, 20, 200);
    CHECK_KEYS(m, 30, 10, 20);
    qz_map_set(m, 10, 111);  /* re-setting keeps the position */
    CHECK_KEYS(m, 30, 10, 20);
    CHECK_INT(qz_map_get_or_panic(m, 10), 111);
    CHECK_INT(qz_unwrap(qz_map_get(m, 10)), 111);

    CHECK_INT(qz_map_delete(m, 30), 1);
    CHECK_INT(qz_map_delete(m, 30), 0);
    CHECK_KEYS(m, 10, 20);
    CHECK_INT(qz_map_has(m, 30), 0);
    qz_map_set(m, 30, 3);     /* back in, now last */
    CHECK_KEYS(m, 10, 20, 30);

    /* Keys that are edge values of Int, including 0 and negatives. */
    qz_map_set(m, 0, 1);
    qz_map_set(m, -1, 2);
    qz_map_set(m, INT64_MIN, 3);
    qz_map_set(m, INT64_MAX, 4);
    CHECK_KEYS(m, 10, 20, 30, 0, -1, INT64_MIN, INT64_MAX);
    CHECK_INT(qz_map_get_or_panic(m, INT64_MIN), 3);
    CHECK_INT(qz_map_get_or_panic(m, 0), 1);

    qz_val keys = qz_map_keys(m);
    qz_vec_push(keys, 5);  /* a fresh Vec: the map is untouched */
    CHECK_INT(qz_map_size(m), 7);
}

static void test_string_keys(void)
{
    qz_val m = qz_map_new(1);
    qz_map_set(m, S("a"), 1);
    qz_map_set(m, S("b"), 2);
    qz_map_set(m, S("a"), 3);  /* another String with the same content */
    CHECK_INT(qz_map_size(m), 2);
    CHECK_INT(qz_unwrap(qz_map_get(m, S("a"))), 3);
    CHECK_INT(qz_map_has(m, S("c")), 0);
    CHECK_INT(qz_map_has(m, S("")), 0);
    qz_map_set(m, 0, 9);       /* NULL is "" */
    CHECK_INT(qz_map_get_or_panic(m, S("")), 9);
    qz_map_set(m, rt_str_from("a\0", 2), 4);  /* a different key from "a" */
    CHECK_INT(qz_map_size(m), 4);
    CHECK_INT(qz_map_get_or_panic(m, S("a")), 3);

    qz_val keys = qz_map_keys(m);
    CHECK_STR(vat(keys, 0), "a");
    CHECK_STR(vat(keys, 1), "b");
    CHECK(qz_str_eq(vat(keys, 2), S("")));  /* the key as it was given: NULL */
    CHECK_INT(qz_str_size(vat(keys, 3)), 2);
    CHECK_INT(qz_map_delete(m, S("b")), 1);
    CHECK_INT(qz_map_delete(m, S("b")), 0);
    keys = qz_map_keys(m);
    CHECK_INT(vlen(keys), 3);
    CHECK(qz_str_eq(vat(keys, 1), S("")));
    qz_val values = qz_map_values(m);
    CHECK_INT(vat(values, 0), 3);
    CHECK_INT(vat(values, 1), 9);
    CHECK_INT(vat(values, 2), 4);
}

/* Thousands of keys: the tables grow many times and every key keeps its place. */
static void test_growth_int(void)
{
    enum { N = 20000 };
    qz_val m = qz_map_new(0);
    /* Strided keys: a weak hash would pile them into few slots. */
    for (int64_t i = 0; i < N; i++)
        qz_map_set(m, i << 32, i);
    CHECK_INT(qz_map_size(m), N);
    int ok = 1;
    for (int64_t i = 0; i < N; i++)
        ok &= qz_map_get_or_panic(m, i << 32) == i;
    CHECK(ok);
    CHECK_INT(qz_map_has(m, 1), 0);

    for (int64_t i = 0; i < N; i += 2)
        CHECK(qz_map_delete(m, i << 32) == 1);
    CHECK_INT(qz_map_size(m), N / 2);
    for (int64_t i = 0; i < N; i++)
        qz_map_set(m, -i - 1, i);  /* grows again, sweeping the deleted entries */
    qz_val keys = qz_map_keys(m);
    CHECK_INT(vlen(keys), N / 2 + N);
    ok = 1;
    for (int64_t i = 0; i < N / 2; i++)
        ok &= vat(keys, i) == ((2 * i + 1) << 32);
    for (int64_t i = 0; i < N; i++)
        ok &= vat(keys, N / 2 + i) == -i - 1;
    CHECK(ok);
    for (int64_t i = 0; i < N; i++)
        ok &= qz_map_has(m, i << 32) == (i % 2);
    CHECK(ok);
}

static void test_growth_string(void)
{
    enum { N = 10000 };
    qz_val m = qz_map_new(1);
    for (int64_t i = 0; i < N; i++)
        qz_map_set(m, qz_str_concat(S("key-"), qz_int_to_s(i)), i);
    CHECK_INT(qz_map_size(m), N);
    int ok = 1;
    for (int64_t i = 0; i < N; i++)
        ok &= qz_map_get_or_panic(m, qz_str_concat(S("key-"), qz_int_to_s(i))) == i;
    CHECK(ok);
    for (int64_t i = 0; i < N; i++)
        if (i % 3 != 0)
            qz_map_delete(m, qz_str_concat(S("key-"), qz_int_to_s(i)));
    qz_val keys = qz_map_keys(m);
    CHECK_INT(vlen(keys), (N + 2) / 3);
    ok = 1;
    for (int64_t i = 0; i < vlen(keys); i++)
        ok &= qz_str_eq(vat(keys, i), qz_str_concat(S("key-"), qz_int_to_s(3 * i)));
    CHECK(ok);
}

/* Insert and delete forever with few live keys: tombstones must be swept, not pile up. */
static void test_churn(void)
{
    qz_val m = qz_map_new(0);
    qz_map_set(m, -1, -1);
    for (int64_t i = 0; i < 200000; i++) {
        qz_map_set(m, i, i);
        if (i >= 2)
            CHECK_INT(qz_map_delete(m, i - 2), 1);
    }
    CHECK_KEYS(m, -1, 199998, 199999);
}

static void test_clear(void)
{
    qz_val m = qz_map_new(0);
    qz_map_clear(m);  /* before any table exists */
    for (int64_t i = 0; i < 100; i++)
        qz_map_set(m, i, i);
    qz_map_clear(m);
    CHECK_INT(qz_map_size(m), 0);
    CHECK_INT(qz_map_has(m, 5), 0);
    CHECK_INT(vlen(qz_map_keys(m)), 0);
    qz_map_set(m, 7, 70);
    qz_map_set(m, 5, 50);
    CHECK_KEYS(m, 7, 5);
}

/* qz_map_new_like: empty, with the same kind of keys (String keys compare by content). */
static void test_new_like(void)
{
    qz_val strings = qz_map_new(1);
    qz_map_set(strings, S("a"), 1);
    qz_val s = qz_map_new_like(strings);
    CHECK_INT(qz_map_size(s), 0);
    qz_map_set(s, rt_str_from("ab", 2), 2);
    CHECK_INT(qz_map_get_or_panic(s, rt_str_from("ab", 2)), 2);
    qz_val n = qz_map_new_like(qz_map_new(0));
    qz_map_set(n, 7, 70);
    CHECK_INT(qz_map_get_or_panic(n, 7), 70);
    CHECK_INT(qz_map_size(strings), 1);
}

static void missing_int(const void *arg)
{
    (void)arg;
    qz_val m = qz_map_new(0);
    qz_map_set(m, 1, 1);
    qz_map_get_or_panic(m, 2);
}

static void missing_str(const void *arg)
{
    (void)arg;
    qz_map_get_or_panic(qz_map_new(1), S("nope"));
}

static void test_missing_key(void)
{
    CHECK_PANIC(missing_int, NULL, "key not found", "");
    CHECK_PANIC(missing_str, NULL, "key not found", "");
}

/* qz_map_lookup/qz_map_found: a present zero value is found, an absent key is not; the
 * last-hit hint never answers for a deleted, cleared or moved (rebuilt) entry. */
static void test_lookup_and_hint(void)
{
    qz_val m = qz_map_new(0);
    qz_map_set(m, 5, 0);
    CHECK_INT(qz_map_lookup(m, 5), 0);
    CHECK_INT(qz_map_found(), 1);
    CHECK_INT(qz_map_lookup(m, 6), 0);
    CHECK_INT(qz_map_found(), 0);
    qz_map_set(m, 5, 7);                    /* right after its lookup: the hint */
    CHECK_INT(qz_map_get_or_panic(m, 5), 7);
    CHECK_INT(qz_map_size(m), 1);
    qz_map_delete(m, 5);
    CHECK_INT(qz_map_lookup(m, 5), 0);
    CHECK_INT(qz_map_found(), 0);
    qz_map_set(m, 5, 8);
    CHECK_INT(qz_map_size(m), 1);
    int ok = 1;
    for (int64_t k = 0; k < 1000; k++) {   /* rebuilds move every entry */
        qz_map_set(m, k, k * 2);
        qz_map_set(m, k, k * 3);
        ok &= qz_map_lookup(m, k) == k * 3 && qz_map_found();
        ok &= qz_map_lookup(m, k / 2) == (k / 2) * 3;
    }
    CHECK(ok);
    CHECK_INT(qz_map_size(m), 1000);
    qz_map_clear(m);
    CHECK_INT(qz_map_lookup(m, 999), 0);
    CHECK_INT(qz_map_found(), 0);
    /* String keys: equal content in another object still finds the entry. */
    qz_val s = qz_map_new(1);
    qz_map_set(s, rt_str_from("ab", 2), 1);
    qz_val key = rt_str_from("ab", 2);
    CHECK_INT(qz_map_lookup(s, key), 1);
    qz_map_set(s, key, 2);
    CHECK_INT(qz_map_lookup(s, rt_str_from("ab", 2)), 2);
    CHECK_INT(qz_map_size(s), 1);
}

/* A user key type as the compiler emits it: a pair {x, y} with a hash that collides a lot. */
static qz_val pair_hash(qz_val p)
{
    return ((int64_t *)(uintptr_t)p)[0] % 3;
}

static qz_val pair_eq(qz_val a, qz_val b)
{
    int64_t *p = (int64_t *)(uintptr_t)a, *q = (int64_t *)(uintptr_t)b;
    return p[0] == q[0] && p[1] == q[1];
}

static const struct qz_key_ops pair_keys = { pair_hash, pair_eq };

static qz_val pair(int64_t x, int64_t y)
{
    int64_t *p = rt_alloc(2 * sizeof *p);
    p[0] = x;
    p[1] = y;
    return (qz_val)(uintptr_t)p;
}

static void test_user_and_float_keys(void)
{
    qz_val m = qz_map_new((qz_val)(uintptr_t)&pair_keys);
    for (int64_t i = 0; i < 100; i++)
        qz_map_set(m, pair(i, -i), i);
    qz_map_set(m, pair(5, -5), 500);   /* an equal key, another object */
    CHECK_INT(qz_map_size(m), 100);
    CHECK_INT(qz_map_get_or_panic(m, pair(5, -5)), 500);
    CHECK_INT(qz_map_has(m, pair(5, 5)), 0);
    CHECK_INT(qz_map_delete(m, pair(7, -7)), 1);
    CHECK_INT(qz_map_has(m, pair(7, -7)), 0);
    CHECK_INT(qz_map_size(m), 99);

    qz_val f = qz_map_new(QZ_KEYS_FLOAT);
    double zero = 0.0, minus_zero = -0.0, half = 0.5;
    qz_val bits;
    memcpy(&bits, &zero, sizeof bits);
    qz_map_set(f, bits, 1);
    memcpy(&bits, &minus_zero, sizeof bits);
    CHECK_INT(qz_map_get_or_panic(f, bits), 1);   /* -0.0 == 0.0 */
    memcpy(&bits, &half, sizeof bits);
    qz_map_set(f, bits, 2);
    CHECK_INT(qz_map_size(f), 2);
}

qz_val quartz_main(void)
{
    RUN(test_insertion_order);
    RUN(test_string_keys);
    RUN(test_growth_int);
    RUN(test_growth_string);
    RUN(test_churn);
    RUN(test_clear);
    RUN(test_new_like);
    RUN(test_missing_key);
    RUN(test_lookup_and_hint);
    RUN(test_user_and_float_keys);
    return qt_done("map");
}
