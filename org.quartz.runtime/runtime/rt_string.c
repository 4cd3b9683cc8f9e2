/*
 * rt_string.c - String: immutable, byte-indexed, UTF-8 by convention.
 *
 * A String points to struct qz_string: a length, then the bytes and a NUL the
 * length does not count. NULL means "" and is accepted everywhere; results are
 * never NULL. Because strings never change, a function whose result equals an
 * argument returns that argument, and results of length 0 or 1 come from
 * read-only tables instead of the heap. Functions that make many strings at once
 * (split, chars) carve them all from one block.
 */
#include "rt_internal.h"

#include <string.h>

/* Read-only strings with the qz_string layout; the 8-byte len keeps them aligned. */
static const struct { int64_t len; char bytes[1]; } empty_str = { 0, "" };
static const struct { int64_t len; char bytes[5]; } true_str = { 4, "true" };
static const struct { int64_t len; char bytes[6]; } false_str = { 5, "false" };

/* Every one-byte string, so chars and byte-wise splits of ASCII allocate nothing. */
#define ONE(c) { 1, { (char)(c) } }
#define ONE4(c) ONE(c), ONE((c) + 1), ONE((c) + 2), ONE((c) + 3)
#define ONE16(c) ONE4(c), ONE4((c) + 4), ONE4((c) + 8), ONE4((c) + 12)
#define ONE64(c) ONE16(c), ONE16((c) + 16), ONE16((c) + 32), ONE16((c) + 48)
static const struct { int64_t len; char bytes[8]; } one_byte_str[256] = {
    ONE64(0), ONE64(64), ONE64(128), ONE64(192),
};
#undef ONE
#undef ONE4
#undef ONE16
#undef ONE64

static inline qz_val empty(void)
{
    return rt_val(&empty_str);
}

/* s itself, unless it is NULL: callers promise a non-NULL result. */
static inline qz_val same(qz_val s)
{
    return s ? s : empty();
}

struct qz_string *rt_str_new(int64_t len)
{
    if (len < 0 || (uint64_t)len > SIZE_MAX - sizeof(struct qz_string) - 1)
        rt_panic_oom();
    struct qz_string *s = rt_alloc_bytes(sizeof(struct qz_string) + (size_t)len + 1);
    s->len = len;
    s->bytes[len] = '\0';
    return s;
}

qz_val rt_str_from(const char *bytes, int64_t len)
{
    if (len == 0)
        return empty();
    if (len == 1)
        return rt_val(&one_byte_str[(unsigned char)bytes[0]]);
    struct qz_string *s = rt_str_new(len);
    memcpy(s->bytes, bytes, (size_t)len);
    return rt_val(s);
}

/*
 * Strings carved from one shared block: footprint is what one takes there (none
 * for lengths 0 and 1, which come from the tables), rounded up to keep the next
 * one 8-byte aligned.
 */
static size_t footprint(int64_t len)
{
    if (len <= 1)
        return 0;
    return (sizeof(struct qz_string) + (size_t)len + 1 + 7) & ~(size_t)7;
}

static qz_val carve(char **block, const char *bytes, int64_t len)
{
    if (len <= 1)
        return rt_str_from(bytes, len);
    struct qz_string *s = (struct qz_string *)*block;
    s->len = len;
    memcpy(s->bytes, bytes, (size_t)len);
    s->bytes[len] = '\0';
    *block += footprint(len);
    return rt_val(s);
}

static char *carve_block(size_t total)
{
    return total ? rt_alloc_bytes(total) : NULL;
}

/* The finaliser of MurmurHash3: every input bit reaches every output bit. */
static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

uint64_t rt_hash_int(int64_t v)
{
    return mix64((uint64_t)v);
}

/*
 * Eight bytes per step, MurmurHash3-style. There is no random seed: hashes, like
 * everything else about a run, are reproducible (map order never depends on them).
 */
uint64_t rt_hash_bytes(const char *p, int64_t len)
{
    const uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    int64_t n = len;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        h ^= rotl(k * c1, 31) * c2;
        h = rotl(h, 27) * 5 + 0x52dce729;
    }
    uint64_t k = 0;
    for (int64_t i = n - 1; i >= 0; i--)
        k = (k << 8) | (unsigned char)p[i];
    h ^= rotl(k * c1, 31) * c2;
    return mix64(h ^ (uint64_t)len);
}

int rt_int_len(int64_t v)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    int n = v < 0;
    do {
        n++;
        u /= 10;
    } while (u != 0);
    return n;
}

void rt_int_write(char *dst, int64_t v, int len)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;  /* unsigned: INT64_MIN too */
    char *p = dst + len;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        *--p = '-';
}

qz_val qz_int_to_s(qz_val i)
{
    int len = rt_int_len(i);
    if (len == 1)
        return rt_val(&one_byte_str['0' + i]);
    struct qz_string *s = rt_str_new(len);
    rt_int_write(s->bytes, i, len);
    return rt_val(s);
}

qz_val qz_bool_to_s(qz_val b)
{
    return b ? rt_val(&true_str) : rt_val(&false_str);
}

qz_val qz_str_concat(qz_val a, qz_val b)
{
    int64_t la = rt_str_len(rt_str(a)), lb = rt_str_len(rt_str(b));
    if (lb == 0)
        return same(a);
    if (la == 0)
        return b;
    struct qz_string *s = rt_str_new(la + lb);
    memcpy(s->bytes, rt_str(a)->bytes, (size_t)la);
    memcpy(s->bytes + la, rt_str(b)->bytes, (size_t)lb);
    return rt_val(s);
}

qz_val qz_str_eq(qz_val a, qz_val b)
{
    return rt_str_equal(rt_str(a), rt_str(b));
}

qz_val qz_str_cmp(qz_val a, qz_val b)
{
    return rt_str_compare(rt_str(a), rt_str(b));
}

qz_val qz_str_size(qz_val s)
{
    return rt_str_len(rt_str(s));
}

static int64_t clamp(int64_t x, int64_t lo, int64_t hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

qz_val qz_str_slice(qz_val s, qz_val from, qz_val to)
{
    int64_t n = rt_str_len(rt_str(s));
    from = clamp(from, 0, n);
    to = clamp(to, 0, n);
    if (from >= to)
        return empty();
    if (from == 0 && to == n)
        return s;
    return rt_str_from(rt_str(s)->bytes + from, to - from);
}

/* Byte offset of sub in s, or -1. An empty sub is found at 0. */
static int64_t find(const struct qz_string *s, const struct qz_string *sub)
{
    const char *hay = rt_str_bytes(s);
    const char *hit = memmem(hay, (size_t)rt_str_len(s), rt_str_bytes(sub), (size_t)rt_str_len(sub));
    return hit ? hit - hay : -1;
}

qz_val qz_str_find(qz_val s, qz_val sub)
{
    return find(rt_str(s), rt_str(sub));
}

qz_val qz_str_contains(qz_val s, qz_val sub)
{
    return find(rt_str(s), rt_str(sub)) >= 0;
}

qz_val qz_str_starts_with(qz_val s, qz_val prefix)
{
    int64_t n = rt_str_len(rt_str(s)), m = rt_str_len(rt_str(prefix));
    return m <= n && memcmp(rt_str_bytes(rt_str(s)), rt_str_bytes(rt_str(prefix)), (size_t)m) == 0;
}

qz_val qz_str_ends_with(qz_val s, qz_val suffix)
{
    int64_t n = rt_str_len(rt_str(s)), m = rt_str_len(rt_str(suffix));
    return m <= n && memcmp(rt_str_bytes(rt_str(s)) + n - m, rt_str_bytes(rt_str(suffix)), (size_t)m) == 0;
}

/* Some(n) for an optional sign and one or more decimal digits; None otherwise or on overflow. */
qz_val qz_str_to_int(qz_val s)
{
    const char *p = rt_str_bytes(rt_str(s));
    int64_t n = rt_str_len(rt_str(s)), i = 0;
    int neg = 0;
    if (n > 0 && (p[0] == '+' || p[0] == '-')) {
        neg = p[0] == '-';
        i = 1;
    }
    if (i == n)
        return qz_none();
    /* Accumulate the magnitude unsigned: -9223372036854775808 has no positive twin. */
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t acc = 0;
    for (; i < n; i++) {
        unsigned d = (unsigned)((unsigned char)p[i] - '0');
        if (d > 9 || acc > (limit - d) / 10)
            return qz_none();
        acc = acc * 10 + d;
    }
    return qz_some(neg && acc != 0 ? -(int64_t)(acc - 1) - 1 : (int64_t)acc);
}

qz_val qz_str_split(qz_val s, qz_val sep)
{
    const char *p = rt_str_bytes(rt_str(s)), *q = rt_str_bytes(rt_str(sep));
    int64_t n = rt_str_len(rt_str(s)), m = rt_str_len(rt_str(sep));
    if (m == 0) {
        qz_val out = qz_vec_with_capacity(n);
        struct qz_vec *v = rt_ptr(out);
        for (int64_t i = 0; i < n; i++)
            v->data[i] = rt_str_from(p + i, 1);
        v->len = n;
        return out;
    }
    /* First pass: where each piece starts, kept in the result Vec itself. */
    qz_val out = qz_vec_new();
    for (int64_t start = 0;;) {
        qz_vec_push(out, start);
        const char *hit = memmem(p + start, (size_t)(n - start), q, (size_t)m);
        if (hit == NULL)
            break;
        start = hit - p + m;
    }
    /* Second pass: replace each start with its piece; piece i ends where i+1 starts, less sep. */
    struct qz_vec *v = rt_ptr(out);
    size_t total = 0;
    for (int64_t i = 0; i < v->len; i++) {
        int64_t end = i + 1 < v->len ? v->data[i + 1] - m : n;
        total += footprint(end - v->data[i]);
    }
    char *block = carve_block(total);
    for (int64_t i = 0; i < v->len; i++) {
        int64_t end = i + 1 < v->len ? v->data[i + 1] - m : n;
        v->data[i] = carve(&block, p + v->data[i], end - v->data[i]);
    }
    return out;
}

/*
 * Length of the well-formed UTF-8 sequence at p (n bytes available, n >= 1), or 1
 * when p does not start one: a stray byte stands alone, so chars never loses data.
 */
int64_t rt_utf8_len(const unsigned char *p, int64_t n)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    int64_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;  /* overlong */
        if (c == 0xED)
            hi = 0x9F;  /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;  /* overlong */
        if (c == 0xF4)
            hi = 0x8F;  /* beyond U+10FFFF */
    } else {
        return 1;
    }
    if (n < len || p[1] < lo || p[1] > hi)
        return 1;
    for (int64_t i = 2; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 1;
    return len;
}

qz_val qz_str_chars(qz_val s)
{
    const char *p = rt_str_bytes(rt_str(s));
    int64_t n = rt_str_len(rt_str(s)), count = 0;
    size_t total = 0;
    for (int64_t i = 0; i < n; count++) {
        int64_t len = rt_utf8_len((const unsigned char *)p + i, n - i);
        total += footprint(len);
        i += len;
    }
    qz_val out = qz_vec_with_capacity(count);
    struct qz_vec *v = rt_ptr(out);
    char *block = carve_block(total);
    for (int64_t i = 0; i < n;) {
        int64_t len = rt_utf8_len((const unsigned char *)p + i, n - i);
        v->data[v->len++] = carve(&block, p + i, len);
        i += len;
    }
    return out;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

qz_val qz_str_trim(qz_val s)
{
    const char *p = rt_str_bytes(rt_str(s));
    int64_t from = 0, to = rt_str_len(rt_str(s));
    while (from < to && is_space(p[from]))
        from++;
    while (to > from && is_space(p[to - 1]))
        to--;
    return qz_str_slice(s, from, to);
}

/* ASCII case mapping; copies only when some byte actually changes. */
static qz_val map_case(qz_val s, char first, char last, int delta)
{
    const char *p = rt_str_bytes(rt_str(s));
    int64_t n = rt_str_len(rt_str(s)), i = 0;
    while (i < n && (p[i] < first || p[i] > last))
        i++;
    if (i == n)
        return same(s);
    struct qz_string *r = rt_str_new(n);
    memcpy(r->bytes, p, (size_t)i);
    for (; i < n; i++)
        r->bytes[i] = (char)(p[i] >= first && p[i] <= last ? p[i] + delta : p[i]);
    return rt_val(r);
}

qz_val qz_str_upcase(qz_val s)
{
    return map_case(s, 'a', 'z', 'A' - 'a');
}

qz_val qz_str_downcase(qz_val s)
{
    return map_case(s, 'A', 'Z', 'a' - 'A');
}

qz_val qz_str_repeat(qz_val s, qz_val n)
{
    int64_t len = rt_str_len(rt_str(s));
    if (n <= 0 || len == 0)
        return empty();
    if (n == 1)
        return s;
    if (n > INT64_MAX / len)
        rt_panic_oom();
    int64_t total = len * n;
    struct qz_string *r = rt_str_new(total);
    memcpy(r->bytes, rt_str(s)->bytes, (size_t)len);
    /* Double what is already there: log2(n) copies instead of n. */
    for (int64_t done = len; done < total;) {
        int64_t chunk = done < total - done ? done : total - done;
        memcpy(r->bytes + done, r->bytes, (size_t)chunk);
        done += chunk;
    }
    return rt_val(r);
}

qz_val qz_str_byte_at(qz_val s, qz_val i)
{
    int64_t n = rt_str_len(rt_str(s));
    if (i < 0 || i >= n)
        rt_panic_index(i, n);
    return (unsigned char)rt_str(s)->bytes[i];
}

qz_val qz_str_join(qz_val vec, qz_val sep)
{
    const struct qz_vec *v = rt_ptr(vec);
    if (v->len == 0)
        return empty();
    if (v->len == 1)
        return same(v->data[0]);
    int64_t m = rt_str_len(rt_str(sep)), total = m * (v->len - 1);
    for (int64_t i = 0; i < v->len; i++)
        total += rt_str_len(rt_str(v->data[i]));
    struct qz_string *r = rt_str_new(total);
    char *out = r->bytes;
    for (int64_t i = 0; i < v->len; i++) {
        if (i > 0) {
            memcpy(out, rt_str_bytes(rt_str(sep)), (size_t)m);
            out += m;
        }
        int64_t len = rt_str_len(rt_str(v->data[i]));
        memcpy(out, rt_str_bytes(rt_str(v->data[i])), (size_t)len);
        out += len;
    }
    return rt_val(r);
}

qz_val qz_str_hash(qz_val s)
{
    return (qz_val)rt_hash_bytes(rt_str_bytes(rt_str(s)), rt_str_len(rt_str(s)));
}
