/*
 * rt_strbuf.c - the string builder behind interpolation, "a#{x}b".
 *
 * The builder records pieces, not bytes: an appended String is referenced (strings
 * never change, and the builder's reference keeps it alive) and an Int is kept
 * as a number. qz_sb_finish
 * adds up the lengths, allocates the result once and writes every piece straight
 * into it, so nothing is copied twice and nothing is allocated to grow; a result
 * that is one whole String is that String. The first pieces live inside the
 * builder itself; only long interpolations spill to the heap.
 *
 * qz_sb_finish consumes the builder: it is freed, and must not be used again.
 */
#include "rt_internal.h"

#include <string.h>

enum { INLINE_PIECES = 8 };

/* A piece is a non-empty String, or, when str is NULL, an Int to be formatted. */
struct piece {
    const struct qz_string *str;
    int64_t n;  /* the Int */
};

struct qz_sb {
    int64_t len, cap;
    struct piece *pieces;  /* inline_pieces until it outgrows them */
    struct piece inline_pieces[INLINE_PIECES];
};

qz_val qz_sb_new(void)
{
    struct qz_sb *sb = rt_alloc(sizeof *sb);
    sb->len = 0;
    sb->cap = INLINE_PIECES;
    sb->pieces = sb->inline_pieces;
    return rt_val(sb);
}

static void add(struct qz_sb *sb, const struct qz_string *str, int64_t n)
{
    if (sb->len == sb->cap) {
        struct piece *p = rt_alloc((size_t)sb->cap * 2 * sizeof *p);
        memcpy(p, sb->pieces, (size_t)sb->len * sizeof *p);
        if (sb->pieces != sb->inline_pieces)
            rt_free(sb->pieces);
        sb->pieces = p;
        sb->cap *= 2;
    }
    sb->pieces[sb->len++] = (struct piece){ str, n };
}

void qz_sb_append(qz_val sb, qz_val s)
{
    const struct qz_string *str = rt_ptr(s);
    if (rt_str_len(str) > 0)  /* "" adds nothing, and a NULL String is "" */
        add(rt_ptr(sb), str, 0);
}

void qz_sb_append_int(qz_val sb, qz_val i)
{
    add(rt_ptr(sb), NULL, i);
}

static void release(struct qz_sb *sb)
{
    if (sb->pieces != sb->inline_pieces)
        rt_free(sb->pieces);
    rt_free(sb);
}

qz_val qz_sb_finish(qz_val sbv)
{
    struct qz_sb *sb = rt_ptr(sbv);
    if (sb->len == 0 || (sb->len == 1 && sb->pieces[0].str)) {
        qz_val whole = sb->len ? rt_val(sb->pieces[0].str) : rt_str_from("", 0);
        release(sb);
        return whole;
    }
    int64_t total = 0;
    for (int64_t i = 0; i < sb->len; i++) {
        const struct piece *p = &sb->pieces[i];
        total += p->str ? p->str->len : rt_int_len(p->n);
    }
    struct qz_string *s = rt_str_new(total);
    char *out = s->bytes;
    for (int64_t i = 0; i < sb->len; i++) {
        const struct piece *p = &sb->pieces[i];
        if (p->str) {
            memcpy(out, p->str->bytes, (size_t)p->str->len);
            out += p->str->len;
        } else {
            int len = rt_int_len(p->n);
            rt_int_write(out, p->n, len);
            out += len;
        }
    }
    release(sb);
    return rt_val(s);
}
