/*
 * rt_float.c - Float: text in both directions, conversion to Int, and the math
 * functions LLVM has no intrinsic for.
 *
 * A Float travels as the IEEE-754 bit pattern of a double in a qz_val word; the
 * two are only ever converted with memcpy (a cast would convert the number).
 *
 * to_s writes the shortest digits that read back as the same double, the nearest
 * to it of that length (what Ryu or Grisu give), laid out as the reference's §11
 * says: at least one digit after the point; plain notation when the shortest
 * decimal d satisfies 1e-4 <= |d| < 1e16, else d.ddde+XX with a sign and at least
 * two exponent digits; -0.0 keeps its sign; NaN, Infinity, -Infinity. That is
 * Ruby's layout except where it switches: Ruby writes whole numbers from 1e15 in
 * exponent form (Crystal every number from 1e15, and e-5 unpadded), the reference
 * switches at 1e16 for all.
 *
 * Everything relies on glibc's printf and strtod being correctly rounded (they
 * are, for every precision and input length) and on the C locale (the runtime
 * never calls setlocale), whose decimal point is '.'.
 */
#include "rt_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static inline double f64(qz_val bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static inline qz_val bits_of(double d)
{
    qz_val bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

/* Whether m * 10^e10 reads back as exactly x. */
static int reads_back(uint64_t m, int e10, double x)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%" PRIu64 "e%d", m, e10);
    double y = strtod(buf, NULL);
    return memcmp(&x, &y, sizeof x) == 0;
}

/*
 * Whether some decimal of p + 1 significant digits reads back as x (finite, > 0),
 * and then the nearest such one, as m * 10^e10. The nearest decimal of that
 * length (printf's rounding) is the first candidate; when it fails, only its
 * neighbour on the other side of x can succeed, and only where x's rounding
 * interval is lopsided (a power of two: the gap below is half the gap above).
 */
static int digits_read_back(double x, int p, uint64_t *m_out, int *e10_out)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", p, x);   /* d.ddd...e+XX, p digits after the point */
    uint64_t m = 0;
    const char *c = buf;
    for (; *c != 'e'; c++)
        if (*c != '.')
            m = m * 10 + (uint64_t)(*c - '0');
    int e10 = atoi(c + 1) - p;
    if (!reads_back(m, e10, x)) {
        m = strtod(buf, NULL) < x ? m + 1 : m - 1;
        if (!reads_back(m, e10, x))
            return 0;
    }
    *m_out = m;
    *e10_out = e10;
    return 1;
}

/*
 * The shortest decimal that reads back as x (finite, > 0), nearest x among those
 * of its length. Any p-digit decimal is also a (p + 1)-digit one, so "some decimal
 * of this length reads back" only turns true once as the length grows: a binary
 * search finds the length. 17 digits always suffice.
 */
static void shortest(double x, uint64_t *m, int *e10)
{
    int lo = 0, hi = 16;     /* p: significant digits - 1 */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (digits_read_back(x, mid, m, e10))
            hi = mid;
        else
            lo = mid + 1;
    }
    digits_read_back(x, lo, m, e10);
}

/* Longest text: "-0.000" and 17 digits, or "-d." 16 digits "e-324". */
enum { FLOAT_TEXT_MAX = 32 };

/* x's to_s text into buf (FLOAT_TEXT_MAX bytes); returns its length. Allocates nothing. */
static int float_text(double x, char *buf)
{
    if (isnan(x))
        return (int)(stpcpy(buf, "NaN") - buf);
    char *o = buf;
    if (signbit(x)) {
        *o++ = '-';
        x = -x;
    }
    if (isinf(x))
        return (int)(stpcpy(o, "Infinity") - buf);
    if (x == 0)
        return (int)(stpcpy(o, "0.0") - buf);
    uint64_t m;
    int e10;
    shortest(x, &m, &e10);
    while (m % 10 == 0) {
        m /= 10;
        e10++;
    }
    char d[24];
    int n = snprintf(d, sizeof d, "%" PRIu64, m);
    int point = n + e10;            /* x = 0.d1d2...dn * 10^point */
    if (point >= -3 && point <= 16) {
        if (point <= 0) {
            o = stpcpy(o, "0.");
            for (int i = 0; i < -point; i++)
                *o++ = '0';
            memcpy(o, d, (size_t)n);
            o += n;
        } else if (point < n) {
            memcpy(o, d, (size_t)point);
            o += point;
            *o++ = '.';
            memcpy(o, d + point, (size_t)(n - point));
            o += n - point;
        } else {
            memcpy(o, d, (size_t)n);
            o += n;
            for (int i = n; i < point; i++)
                *o++ = '0';
            o = stpcpy(o, ".0");
        }
    } else {
        *o++ = d[0];
        *o++ = '.';
        if (n > 1) {
            memcpy(o, d + 1, (size_t)(n - 1));
            o += n - 1;
        } else {
            *o++ = '0';
        }
        o += sprintf(o, "e%+03d", point - 1);
    }
    *o = '\0';
    return (int)(o - buf);
}

qz_val qz_float_to_s(qz_val bits)
{
    char buf[FLOAT_TEXT_MAX];
    int n = float_text(f64(bits), buf);
    return rt_str_from(buf, n);
}

/* Digits of format_float: enough for any sensible use, and the text stays small. */
enum { FORMAT_DIGITS_MAX = 100 };

/*
 * Fixed notation with digits places, rounded from the exact binary value to the
 * nearest, ties to even (printf's %.*f): 2.675 is 2.67499999..., so "2.67"; 0.125
 * is a tie, so "0.12". A negative value that rounds to zero keeps its sign ("-0.00").
 */
qz_val qz_format_float(qz_val bits, qz_val digits)
{
    if (digits < 0 || digits > FORMAT_DIGITS_MAX) {
        char msg[96];
        int n = snprintf(msg, sizeof msg, "format_float: digits must be between 0 and %d, got %" PRId64,
                         FORMAT_DIGITS_MAX, digits);
        rt_panic_msg(msg, (size_t)n);
    }
    double x = f64(bits);
    if (!isfinite(x))
        return qz_float_to_s(bits);
    /* Up to 309 digits before the point (DBL_MAX), the sign, the point, the places. */
    char buf[320 + FORMAT_DIGITS_MAX];
    int n = snprintf(buf, sizeof buf, "%.*f", (int)digits, x);
    return rt_str_from(buf, n);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits from p[*i] on: how many (advancing *i). */
static int64_t skip_digits(const char *p, int64_t n, int64_t *i)
{
    int64_t start = *i;
    while (*i < n && is_digit(p[*i]))
        (*i)++;
    return *i - start;
}

/* Whether p[i..n) is exactly the word w. */
static int is_word(const char *p, int64_t n, int64_t i, const char *w)
{
    size_t len = strlen(w);
    return (size_t)(n - i) == len && memcmp(p + i, w, len) == 0;
}

/*
 * The whole string must be [+-]digits[.digits][(e|E)[+-]digits], NaN or
 * [+-]Infinity: no spaces, no underscores, no ".5" or "5.", none of strtod's
 * extras (hex, "inf", "nan(...)"). The value is the correctly rounded one, so a
 * number beyond the range reads as an infinity and a tiny one as 0.0 or a
 * subnormal.
 */
qz_val qz_str_to_float(qz_val s)
{
    const struct qz_string *str = rt_ptr(s);
    const char *p = rt_str_bytes(str);
    int64_t n = rt_str_len(str), i = 0;
    if (is_word(p, n, 0, "NaN"))
        return qz_some(bits_of(NAN));
    int neg = 0;
    if (n > 0 && (p[0] == '+' || p[0] == '-')) {
        neg = p[0] == '-';
        i = 1;
    }
    if (is_word(p, n, i, "Infinity"))
        return qz_some(bits_of(neg ? -INFINITY : INFINITY));
    if (skip_digits(p, n, &i) == 0)
        return qz_none();
    if (i < n && p[i] == '.') {
        i++;
        if (skip_digits(p, n, &i) == 0)
            return qz_none();
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < n && (p[i] == '+' || p[i] == '-'))
            i++;
        if (skip_digits(p, n, &i) == 0)
            return qz_none();
    }
    if (i != n)
        return qz_none();
    /* strtod needs a NUL-terminated copy; the text is plain ASCII now. */
    char small[128];
    char *copy = n < (int64_t)sizeof small ? small : rt_alloc_bytes((size_t)n + 1);
    memcpy(copy, p, (size_t)n);
    copy[n] = '\0';
    return qz_some(bits_of(strtod(copy, NULL)));
}

/* Truncates toward zero; NaN, the infinities and values outside Int panic. */
qz_val qz_float_to_i(qz_val bits)
{
    double x = f64(bits);
    /* -2^63 is an Int, 2^63 is not; both are exact doubles. */
    if (x >= -9223372036854775808.0 && x < 9223372036854775808.0)
        return (qz_val)x;
    char text[FLOAT_TEXT_MAX];
    float_text(x, text);
    char msg[FLOAT_TEXT_MAX + 40];
    int n;
    if (isnan(x) || isinf(x))
        n = snprintf(msg, sizeof msg, "cannot convert %s to Int", text);
    else
        n = snprintf(msg, sizeof msg, "%s is out of range for Int", text);
    rt_panic_msg(msg, (size_t)n);
}

/* libm functions LLVM has no intrinsic for (the compiler emits the others inline). */
qz_val qz_float_tan(qz_val x) { return bits_of(tan(f64(x))); }
qz_val qz_float_asin(qz_val x) { return bits_of(asin(f64(x))); }
qz_val qz_float_acos(qz_val x) { return bits_of(acos(f64(x))); }
qz_val qz_float_atan(qz_val x) { return bits_of(atan(f64(x))); }
qz_val qz_float_atan2(qz_val y, qz_val x) { return bits_of(atan2(f64(y), f64(x))); }
qz_val qz_float_hypot(qz_val x, qz_val y) { return bits_of(hypot(f64(x), f64(y))); }
