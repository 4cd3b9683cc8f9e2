/*
 * rt_builder.c - StrBuf, the language's string builder (reference §12): text made
 * piece by piece in linear time. (rt_strbuf.c is another thing: the builder the
 * compiler uses for one interpolation.)
 *
 * A StrBuf is a growable byte buffer (struct qz_strbuf, quartz_rt.h: compiled code
 * appends a byte inline when it fits). Invariants: 0 <= len <= cap; bytes holds cap
 * bytes (NULL while cap is 0), of which [0, len) are the text. Capacity doubles
 * when an append does not fit (at least to what it needs), so n appends of total
 * size m cost O(m) time. It never shrinks. to_s copies the bytes into a new
 * String, so later appends never change a String made earlier.
 *
 * What the collector sees: the StrBuf header is scanned memory (rt_alloc) whose
 * only pointer is bytes; bytes is pointer-free memory (rt_alloc_bytes, and
 * rt_realloc keeps that kind), never scanned. Both are collected once nothing
 * refers to the StrBuf.
 *
 * Like Vec, a StrBuf is not synchronised: appending to one from two tasks at once
 * is a data race.
 */
#include "rt_internal.h"

#include <stdio.h>
#include <string.h>

enum { MIN_CAP = 32 };

static inline struct qz_strbuf *builder(qz_val b)
{
    return rt_ptr(b);
}

/* Room for n more bytes. */
static void reserve(struct qz_strbuf *b, int64_t n)
{
    if (n <= b->cap - b->len)
        return;
    if (n > INT64_MAX / 2 - b->len)
        rt_panic_oom();
    int64_t need = b->len + n;
    int64_t cap = b->cap < MIN_CAP ? MIN_CAP : b->cap;
    while (cap < need)
        cap *= 2;
    /* The first block is made pointer-free; rt_realloc keeps its kind after that. */
    b->bytes = b->bytes == NULL ? rt_alloc_bytes((size_t)cap) : rt_realloc(b->bytes, (size_t)cap);
    b->cap = cap;
}

qz_val qz_strbuf_new(void)
{
    return rt_val(rt_alloc(sizeof(struct qz_strbuf)));
}

void qz_strbuf_append(qz_val bv, qz_val s)
{
    struct qz_strbuf *b = builder(bv);
    const struct qz_string *str = rt_ptr(s);
    int64_t n = rt_str_len(str);
    if (n == 0)
        return;
    reserve(b, n);
    memcpy(b->bytes + b->len, str->bytes, (size_t)n);
    b->len += n;
}

void qz_strbuf_append_byte(qz_val bv, qz_val byte)
{
    if (byte < 0 || byte > 255) {
        char msg[96];
        int n = snprintf(msg, sizeof msg, "strbuf_append_byte: %lld is outside 0..255", (long long)byte);
        rt_panic_msg(msg, (size_t)n);
    }
    struct qz_strbuf *b = builder(bv);
    reserve(b, 1);
    b->bytes[b->len++] = (char)byte;
}

qz_val qz_strbuf_size(qz_val bv)
{
    return builder(bv)->len;
}

qz_val qz_strbuf_to_s(qz_val bv)
{
    struct qz_strbuf *b = builder(bv);
    return rt_str_from(b->bytes, b->len);
}
