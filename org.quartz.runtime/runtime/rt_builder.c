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
 *
 * The compiler's generated Show functions (EqShowFunctions) write a value's text into a
 * StrBuf with append_int and append_quoted (a String inside a Vec, struct, ...).
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

void qz_strbuf_append_int(qz_val bv, qz_val i)
{
    struct qz_strbuf *b = builder(bv);
    int len = rt_int_len(i);
    reserve(b, len);
    rt_int_write(b->bytes + b->len, i, len);
    b->len += len;
}

/* Appends byte c of a String being quoted (next: the byte after it, or -1) as Crystal's
 * String#inspect writes it: the escapes of a literal, \#{ so that the text reads back as
 * one, \u00XX for the other control bytes. Bytes from 0x80 on stand for themselves, so
 * UTF-8 text stays readable. */
static void append_escaped(struct qz_strbuf *b, unsigned char c, int next)
{
    static const char named[] = "abtnvfr";   /* \a to \r: 0x07 to 0x0d */
    static const char hex[] = "0123456789ABCDEF";
    char out[6] = { '\\' };
    int k = 2;
    if (c == '"' || c == '\\' || (c == '#' && next == '{')) {
        out[1] = (char)c;
    } else if (c == 0x1b) {
        out[1] = 'e';
    } else if (c >= 0x07 && c <= 0x0d) {
        out[1] = named[c - 0x07];
    } else if (c < 0x20 || c == 0x7f) {
        memcpy(out + 1, "u00", 3);
        out[4] = hex[c >> 4];
        out[5] = hex[c & 15];
        k = 6;
    } else {
        out[0] = (char)c;
        k = 1;
    }
    reserve(b, k);
    memcpy(b->bytes + b->len, out, (size_t)k);
    b->len += k;
}

void qz_strbuf_append_quoted(qz_val bv, qz_val s)
{
    struct qz_strbuf *b = builder(bv);
    const struct qz_string *str = rt_ptr(s);
    int64_t n = rt_str_len(str);
    reserve(b, n + 2);
    b->bytes[b->len++] = '"';
    for (int64_t i = 0; i < n; i++)
        append_escaped(b, (unsigned char)str->bytes[i], i + 1 < n ? (unsigned char)str->bytes[i + 1] : -1);
    reserve(b, 1);
    b->bytes[b->len++] = '"';
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
