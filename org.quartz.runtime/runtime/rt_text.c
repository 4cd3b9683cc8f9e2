/*
 * rt_text.c - text beyond bytes (reference §12): chr, ord, str_from_bytes, the
 * padding functions ljust/rjust/center, and env_get.
 *
 * Strings are bytes that are UTF-8 by convention. chr and ord are strict (an
 * invalid code point or invalid UTF-8 is a panic: the caller asked for a
 * character that is not there). The padding functions count characters, not
 * bytes, as Ruby and Crystal do: a code point is one character, and so is a stray
 * byte that starts no valid sequence (rt_utf8_len, the rule of str_chars), so
 * counting never fails. Every function here is pure and thread-safe; panics name
 * the function and the offending value.
 */
#include "rt_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

qz_val qz_chr(qz_val code)
{
    if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        char msg[96];
        int n = snprintf(msg, sizeof msg, "chr: %lld is not a valid code point (0 to 0x10FFFF, not a surrogate)",
                         (long long)code);
        rt_panic_msg(msg, (size_t)n);
    }
    unsigned char b[4];
    int64_t n;
    if (code < 0x80) {
        b[0] = (unsigned char)code;
        n = 1;
    } else if (code < 0x800) {
        b[0] = (unsigned char)(0xC0 | code >> 6);
        b[1] = (unsigned char)(0x80 | (code & 0x3F));
        n = 2;
    } else if (code < 0x10000) {
        b[0] = (unsigned char)(0xE0 | code >> 12);
        b[1] = (unsigned char)(0x80 | (code >> 6 & 0x3F));
        b[2] = (unsigned char)(0x80 | (code & 0x3F));
        n = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | code >> 18);
        b[1] = (unsigned char)(0x80 | (code >> 12 & 0x3F));
        b[2] = (unsigned char)(0x80 | (code >> 6 & 0x3F));
        b[3] = (unsigned char)(0x80 | (code & 0x3F));
        n = 4;
    }
    return rt_str_from((const char *)b, n);
}

qz_val qz_ord(qz_val s)
{
    const unsigned char *p = (const unsigned char *)rt_str_bytes(rt_str(s));
    int64_t len = rt_str_len(rt_str(s));
    if (len == 0)
        rt_panic_cstr("ord of an empty string");
    int64_t n = rt_utf8_len(p, len);
    if (n == 1) {
        if (p[0] < 0x80)
            return p[0];
        char msg[96];
        int m = snprintf(msg, sizeof msg, "ord: the string does not start with valid UTF-8 (byte 0x%02x)", p[0]);
        rt_panic_msg(msg, (size_t)m);
    }
    qz_val code = p[0] & (0x7F >> n);
    for (int64_t i = 1; i < n; i++)
        code = code << 6 | (p[i] & 0x3F);
    return code;
}

qz_val qz_str_from_bytes(qz_val vec)
{
    const struct qz_vec *v = rt_ptr(vec);
    for (int64_t i = 0; i < v->len; i++) {
        if (v->data[i] < 0 || v->data[i] > 255) {
            char msg[128];
            int n = snprintf(msg, sizeof msg, "str_from_bytes: element %lld is %lld, outside 0..255",
                             (long long)i, (long long)v->data[i]);
            rt_panic_msg(msg, (size_t)n);
        }
    }
    if (v->len <= 1) {
        char b = v->len == 1 ? (char)v->data[0] : 0;
        return rt_str_from(&b, v->len);
    }
    struct qz_string *r = rt_str_new(v->len);
    for (int64_t i = 0; i < v->len; i++)
        r->bytes[i] = (char)v->data[i];
    return rt_val(r);
}

/* ---- padding ---- */

enum { PAD_RIGHT, PAD_LEFT, PAD_BOTH };   /* where the fill goes: ljust, rjust, center */

static int64_t char_count(const char *p, int64_t len)
{
    int64_t count = 0;
    for (int64_t i = 0; i < len; count++)
        i += rt_utf8_len((const unsigned char *)p + i, len - i);
    return count;
}

static char *put_fill(char *out, const char *fill, int64_t fill_len, int64_t times)
{
    for (int64_t i = 0; i < times; i++) {
        memcpy(out, fill, (size_t)fill_len);
        out += fill_len;
    }
    return out;
}

static qz_val pad(const char *what, qz_val s, qz_val width, qz_val fill, int where)
{
    const char *f = rt_str_bytes(rt_str(fill));
    int64_t flen = rt_str_len(rt_str(fill));
    if (flen == 0 || rt_utf8_len((const unsigned char *)f, flen) != flen) {
        char msg[128];
        int shown = flen > 24 ? 24 : (int)flen;
        int n = snprintf(msg, sizeof msg, "%s: the fill must be one character, got \"%.*s\"%s", what, shown, f,
                         flen > shown ? "..." : "");
        rt_panic_msg(msg, (size_t)n);
    }
    const char *p = rt_str_bytes(rt_str(s));
    int64_t len = rt_str_len(rt_str(s));
    int64_t chars = char_count(p, len);
    if (width <= chars)
        return s ? s : rt_str_from("", 0);
    int64_t missing = width - chars;
    if (missing > (INT64_MAX - len) / flen)
        rt_panic_oom();
    int64_t left = where == PAD_LEFT ? missing : where == PAD_BOTH ? missing / 2 : 0;
    struct qz_string *r = rt_str_new(len + missing * flen);
    char *out = put_fill(r->bytes, f, flen, left);
    memcpy(out, p, (size_t)len);
    put_fill(out + len, f, flen, missing - left);
    return rt_val(r);
}

qz_val qz_str_ljust(qz_val s, qz_val width, qz_val fill)
{
    return pad("str_ljust", s, width, fill, PAD_RIGHT);
}

qz_val qz_str_rjust(qz_val s, qz_val width, qz_val fill)
{
    return pad("str_rjust", s, width, fill, PAD_LEFT);
}

qz_val qz_str_center(qz_val s, qz_val width, qz_val fill)
{
    return pad("str_center", s, width, fill, PAD_BOTH);
}

/* ---- the environment ---- */

/* Nobody calls setenv once the program runs, so getenv is safe on any thread. */
qz_val qz_env_get(qz_val name)
{
    const struct qz_string *n = rt_str(name);
    if (memchr(rt_str_bytes(n), '\0', (size_t)rt_str_len(n)) != NULL)
        return qz_none();   /* no variable has a NUL in its name */
    const char *v = getenv(rt_str_bytes(n));
    return v == NULL ? qz_none() : qz_some(rt_str_from(v, (int64_t)strlen(v)));
}
