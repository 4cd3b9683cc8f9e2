/*
 * rt_vec.c - Vec<T>: a growable array of words.
 *
 * Invariants: 0 <= len <= cap; data holds cap words (NULL while cap is 0); the
 * words at [0, len) are the elements. Capacity doubles when full, so a push is
 * amortised O(1); it never shrinks. data moves when it grows (the old storage is
 * freed: only the Vec points to it), so nothing may keep a pointer into it across
 * a call. Every index is checked; out of range panics with the index and size.
 */
#include "rt_internal.h"

#include <stdlib.h>
#include <string.h>

enum { MIN_CAP = 4 };

static inline struct qz_vec *vec(qz_val v)
{
    return rt_ptr(v);
}

static void check_index(const struct qz_vec *v, int64_t i)
{
    if (i < 0 || i >= v->len)
        rt_panic_index(i, v->len);
}

/* Makes room for at least one more element. */
static void grow(struct qz_vec *v)
{
    if (v->len < v->cap)
        return;
    if (v->cap > INT64_MAX / 2)
        rt_panic_oom();
    int64_t cap = v->cap < MIN_CAP ? MIN_CAP : v->cap * 2;
    v->data = rt_realloc(v->data, rt_words(cap));
    v->cap = cap;
}

qz_val qz_vec_new(void)
{
    return rt_val(rt_alloc(sizeof(struct qz_vec)));
}

qz_val qz_vec_with_capacity(qz_val n)
{
    struct qz_vec *v = rt_alloc(sizeof *v);
    if (n > 0) {
        v->data = rt_alloc(rt_words(n));
        v->cap = n;
    }
    return rt_val(v);
}

void qz_vec_push(qz_val vv, qz_val x)
{
    struct qz_vec *v = vec(vv);
    grow(v);
    v->data[v->len++] = x;
}

qz_val qz_vec_pop(qz_val vv)
{
    struct qz_vec *v = vec(vv);
    if (v->len == 0)
        return qz_none();
    return qz_some(v->data[--v->len]);
}

qz_val qz_vec_get(qz_val vv, qz_val i)
{
    struct qz_vec *v = vec(vv);
    check_index(v, i);
    return v->data[i];
}

void qz_vec_set(qz_val vv, qz_val i, qz_val x)
{
    struct qz_vec *v = vec(vv);
    check_index(v, i);
    v->data[i] = x;
}

qz_val qz_vec_size(qz_val v)
{
    return vec(v)->len;
}

/* Keeps the storage: a cleared Vec is usually filled again. */
void qz_vec_clear(qz_val v)
{
    vec(v)->len = 0;
}

/* i may be len (append); anything outside [0, len] panics. */
void qz_vec_insert(qz_val vv, qz_val i, qz_val x)
{
    struct qz_vec *v = vec(vv);
    if (i < 0 || i > v->len)
        rt_panic_index(i, v->len);
    grow(v);
    memmove(&v->data[i + 1], &v->data[i], rt_words(v->len - i));
    v->data[i] = x;
    v->len++;
}

qz_val qz_vec_remove(qz_val vv, qz_val i)
{
    struct qz_vec *v = vec(vv);
    check_index(v, i);
    qz_val x = v->data[i];
    memmove(&v->data[i], &v->data[i + 1], rt_words(v->len - i - 1));
    v->len--;
    return x;
}

qz_val qz_vec_contains_int(qz_val vv, qz_val x)
{
    const struct qz_vec *v = vec(vv);
    for (int64_t i = 0; i < v->len; i++)
        if (v->data[i] == x)
            return 1;
    return 0;
}

qz_val qz_vec_contains_str(qz_val vv, qz_val s)
{
    const struct qz_vec *v = vec(vv);
    for (int64_t i = 0; i < v->len; i++)
        if (rt_str_equal(rt_ptr(v->data[i]), rt_ptr(s)))
            return 1;
    return 0;
}

/* Elements [from, to) as a new Vec; both bounds are clamped to [0, len]. */
qz_val qz_vec_slice(qz_val vv, qz_val from, qz_val to)
{
    const struct qz_vec *v = vec(vv);
    from = from < 0 ? 0 : from > v->len ? v->len : from;
    to = to < 0 ? 0 : to > v->len ? v->len : to;
    int64_t n = to > from ? to - from : 0;
    qz_val out = qz_vec_with_capacity(n);
    if (n > 0)
        memcpy(vec(out)->data, &v->data[from], rt_words(n));
    vec(out)->len = n;
    return out;
}

void qz_vec_reverse(qz_val vv)
{
    struct qz_vec *v = vec(vv);
    for (int64_t i = 0, j = v->len - 1; i < j; i++, j--) {
        qz_val t = v->data[i];
        v->data[i] = v->data[j];
        v->data[j] = t;
    }
}

static int cmp_int(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return rt_str_compare(rt_ptr(*(const int64_t *)a), rt_ptr(*(const int64_t *)b));
}

void qz_vec_sort_int(qz_val vv)
{
    struct qz_vec *v = vec(vv);
    if (v->len > 1)
        qsort(v->data, (size_t)v->len, sizeof(int64_t), cmp_int);
}

/* Bytewise by content, as qz_str_cmp. */
void qz_vec_sort_str(qz_val vv)
{
    struct qz_vec *v = vec(vv);
    if (v->len > 1)
        qsort(v->data, (size_t)v->len, sizeof(int64_t), cmp_str);
}

static int cmp_float(const void *a, const void *b)
{
    double x, y;
    memcpy(&x, a, sizeof x);
    memcpy(&y, b, sizeof y);
    return (x > y) - (x < y);
}

/* By value; NaNs compare equal to everything, so where they end up is unspecified. */
void qz_vec_sort_float(qz_val vv)
{
    struct qz_vec *v = vec(vv);
    if (v->len > 1)
        qsort(v->data, (size_t)v->len, sizeof(int64_t), cmp_float);
}

/*
 * Stable merge sort by a compiled cmp (a user's `impl Ord`: negative, zero or positive).
 * Bottom-up, through a scratch buffer from the collected heap: it holds the elements while
 * they move, so the collector must see it. cmp is called synchronously: it must not wait
 * (the compiler only passes impls of Ord, whose cmp a task form never needs).
 */
void qz_vec_sort_by(qz_val vv, qz_val cmp_fn)
{
    qz_val (*cmp)(qz_val, qz_val) = (qz_val (*)(qz_val, qz_val))(uintptr_t)cmp_fn;
    struct qz_vec *v = vec(vv);
    int64_t n = v->len;
    if (n < 2)
        return;
    qz_val *from = v->data;
    qz_val *to = rt_alloc((size_t)n * sizeof(qz_val));
    for (int64_t width = 1; width < n; width *= 2) {
        for (int64_t lo = 0; lo < n; lo += 2 * width) {
            int64_t mid = lo + width < n ? lo + width : n;
            int64_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            int64_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = cmp(from[j], from[i]) < 0 ? from[j++] : from[i++];
            while (i < mid)
                to[k++] = from[i++];
            while (j < hi)
                to[k++] = from[j++];
        }
        qz_val *t = from;
        from = to;
        to = t;
    }
    if (from != v->data)
        memcpy(v->data, from, (size_t)n * sizeof(qz_val));
}
