/* Tests for rt_float.c: to_s (fixed cases, and random bit patterns checked
 * against the exact decimal expansion), format_float, str_to_float, float_to_i
 * and its panics, and the libm wrappers. */
#include "qz_test.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>

static qz_val B(double d)
{
    qz_val b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static double D(qz_val b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static double from_bits(uint64_t u)
{
    return D((qz_val)u);
}

#define CHECK_TO_S(x, want) qt_check_str(qz_float_to_s(B(x)), (want), #x, __FILE__, __LINE__)

static void test_to_s_table(void)
{
    CHECK_TO_S(1.0, "1.0");
    CHECK_TO_S(0.1, "0.1");
    CHECK_TO_S(-2.5, "-2.5");
    CHECK_TO_S(100.0, "100.0");
    CHECK_TO_S(0.0, "0.0");
    CHECK_TO_S(-0.0, "-0.0");
    CHECK_TO_S(1.0 / 3, "0.3333333333333333");
    CHECK_TO_S(2.0 / 3, "0.6666666666666666");
    CHECK_TO_S(0.1 + 0.2, "0.30000000000000004");
    CHECK_TO_S(123.456, "123.456");
    CHECK_TO_S(-12345.678, "-12345.678");
    CHECK_TO_S(1e23, "1.0e+23");
    CHECK_TO_S(1.234e20, "1.234e+20");
    CHECK_TO_S(5e-324, "5.0e-324");
    CHECK_TO_S(-5e-324, "-5.0e-324");
    CHECK_TO_S(DBL_MAX, "1.7976931348623157e+308");
    CHECK_TO_S(DBL_MIN, "2.2250738585072014e-308");
    CHECK_TO_S(1e100, "1.0e+100");
    CHECK_TO_S(1e-100, "1.0e-100");
    CHECK_TO_S(-1.5e-7, "-1.5e-07");
    CHECK_TO_S(123456789012345680.0, "1.2345678901234568e+17");
    CHECK_TO_S(9007199254740993.0, "9007199254740992.0");   /* 2^53 + 1 is not a double */
    CHECK_TO_S(9223372036854775808.0, "9.223372036854776e+18");
    /* Powers of two: the nearest decimal of 16 digits does not read back, the
     * one on the other side does. */
    CHECK_TO_S(from_bits(0x5580000000000000), "7.167183174968974e+103");
    CHECK_TO_S(from_bits(0xa800000000000000), "-5.075883674631299e-116");
    /* Where the notation switches: 1e-4 <= |x| < 1e16 is plain. */
    CHECK_TO_S(9999999999999998.0, "9999999999999998.0");
    CHECK_TO_S(1e16, "1.0e+16");
    CHECK_TO_S(-1e16, "-1.0e+16");
    CHECK_TO_S(1e15, "1000000000000000.0");
    CHECK_TO_S(1234567890123456.8, "1234567890123456.8");
    CHECK_TO_S(1e-4, "0.0001");
    CHECK_TO_S(-1e-4, "-0.0001");
    CHECK_TO_S(nextafter(1e-4, 0), "9.999999999999999e-05");
    CHECK_TO_S(9.99e-5, "9.99e-05");
    CHECK_TO_S(1e-5, "1.0e-05");
    CHECK_TO_S(0.00012, "0.00012");
    CHECK_TO_S(0.001, "0.001");
    CHECK_TO_S(NAN, "NaN");
    CHECK_TO_S(-NAN, "NaN");
    CHECK_TO_S(from_bits(0x7ff0000000000001), "NaN");   /* another payload */
    CHECK_TO_S(INFINITY, "Infinity");
    CHECK_TO_S(-INFINITY, "-Infinity");
}

/* x's significant digits (no leading or trailing zeros) from a to_s text. */
static int text_digits(const char *t, char *out)
{
    int n = 0;
    for (; *t && *t != 'e'; t++)
        if (*t >= '0' && *t <= '9' && (n > 0 || *t != '0'))
            out[n++] = *t;
    while (n > 1 && out[n - 1] == '0')
        n--;
    out[n] = '\0';
    return n;
}

static int reads_as(const char *digits, int exp10, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%se%d", digits, exp10);
    double y = strtod(buf, NULL);
    return memcmp(&x, &y, sizeof x) == 0;
}

/* Digit string + 1 in the last place (may grow by one digit). */
static void add_one(char *d, int n)
{
    int i = n - 1;
    while (i >= 0 && d[i] == '9')
        d[i--] = '0';
    if (i >= 0) {
        d[i]++;
    } else {
        memmove(d + 1, d, (size_t)n + 1);
        d[0] = '1';
    }
}

/* all (len digits) cut to k digits, and that + 1 in the last place. */
static void truncate_digits(const char *all, int len, int k, char *lo, char *hi)
{
    for (int i = 0; i < k; i++)
        lo[i] = i < len ? all[i] : '0';
    lo[k] = '\0';
    strcpy(hi, lo);
    add_one(hi, k);
}

static const char *skip_digits(const char *t)
{
    while (*t >= '0' && *t <= '9')
        t++;
    return t;
}

/* -?D.D+ (D: no leading zero unless it is "0") or -?d.D+e[+-]dd+ */
static int well_formed(const char *t)
{
    if (*t == '-')
        t++;
    const char *start = t;
    t = skip_digits(t);
    if (t == start || *t != '.' || (*start == '0' && t - start > 1))
        return 0;
    const char *frac = ++t;
    t = skip_digits(t);
    if (t == frac)
        return 0;
    if (*t == '\0')
        return 1;
    if (t - start != 1 + 1 + (t - frac) || *start == '0' || *t != 'e' || (t[1] != '+' && t[1] != '-'))
        return 0;
    const char *exp = t + 2;
    t = skip_digits(exp);
    return *t == '\0' && t - exp >= 2;
}

static int round_trip_failures, layout_failures, shorter_failures, nearest_failures;

/*
 * Checks to_s of x (finite, not zero) against the exact decimal expansion of |x|
 * (printf with more places than a double has digits prints it exactly): the text
 * reads back as x, has the right layout, no decimal with one digit fewer reads
 * back as x, and the digits are the nearest to x of their length among those that
 * read back.
 */
static void check_shortest(double x)
{
    qz_val s = qz_float_to_s(B(x));
    const char *t = ((const struct qz_string *)rt_ptr(s))->bytes;
    double y = strtod(t, NULL);
    if (memcmp(&x, &y, sizeof x) != 0) {
        if (round_trip_failures++ < 5)
            fprintf(stderr, "  %a printed as %s\n", x, t);
        return;
    }
    double a = fabs(x);
    int exp_form = strchr(t, 'e') != NULL;
    if (exp_form != (a < 1e-4 || a >= 1e16) || !well_formed(t)) {
        if (layout_failures++ < 5)
            fprintf(stderr, "  %a: layout of %s\n", x, t);
        return;
    }
    char got[40];
    int n = text_digits(t, got);
    static char exact[800];
    snprintf(exact, sizeof exact, "%.780e", a);     /* d.ddd...e+XX, exact */
    int e = atoi(strchr(exact, 'e') + 1);
    char all[800];
    int len = text_digits(exact, all);
    /* Truncation to k digits (toward zero) and the next k-digit decimal up. */
    char lo[40], hi[40];
    if (n > 1) {
        truncate_digits(all, len, n - 1, lo, hi);
        if (reads_as(lo, e - n + 2, a) || reads_as(hi, e - n + 2, a)) {
            if (shorter_failures++ < 5)
                fprintf(stderr, "  %a: %s has a shorter form\n", x, t);
            return;
        }
    }
    int k = n;
    truncate_digits(all, len, k, lo, hi);
    int lo_ok = reads_as(lo, e - k + 1, a), hi_ok = len > k && reads_as(hi, e - k + 1, a);
    /* The nearer one when both read back; a tie (rest exactly 5) may go either way. */
    const char *rest = all + (k < len ? k : len);
    int want_hi = hi_ok && (!lo_ok || rest[0] > '5' || (rest[0] == '5' && rest[1] != '\0'));
    int tie = lo_ok && hi_ok && strcmp(rest, "5") == 0;
    char hi_trimmed[40];
    text_digits(hi, hi_trimmed);
    char lo_trimmed[40];
    text_digits(lo, lo_trimmed);
    const char *want = want_hi ? hi_trimmed : lo_trimmed;
    if (!(strcmp(got, want) == 0 || (tie && strcmp(got, hi_trimmed) == 0))) {
        if (nearest_failures++ < 5)
            fprintf(stderr, "  %a: %s, want digits %s\n", x, t, want);
    }
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void test_to_s_random(void)
{
    int checked = 0;
    for (int i = 0; i < 100000; i++) {
        double x = from_bits(next_random());
        if (isfinite(x) && x != 0) {
            check_shortest(x);
            checked++;
        }
    }
    /* Every power of two (lopsided intervals), the subnormals' ends, integers. */
    for (int e = 1; e < 2047; e++) {
        check_shortest(from_bits((uint64_t)e << 52));
        check_shortest(from_bits((uint64_t)e << 52 | 1));
        check_shortest(from_bits(((uint64_t)e << 52) - 1));
        check_shortest(-from_bits((uint64_t)e << 52));
        checked += 4;
    }
    check_shortest(5e-324);
    check_shortest(from_bits(0x000fffffffffffff));
    for (int i = 1; i < 2000; i++) {
        check_shortest(i * 0.001);
        check_shortest((double)i * 1e13);
        check_shortest(i / 7.0);
        checked += 3;
    }
    CHECK(checked > 100000);
    CHECK_INT(round_trip_failures, 0);
    CHECK_INT(layout_failures, 0);
    CHECK_INT(shorter_failures, 0);
    CHECK_INT(nearest_failures, 0);
}

#define CHECK_FORMAT(x, digits, want) \
    qt_check_str(qz_format_float(B(x), (digits)), (want), #x ", " #digits, __FILE__, __LINE__)

static void test_format_float(void)
{
    CHECK_FORMAT(3.14159, 2, "3.14");
    CHECK_FORMAT(3.14159, 0, "3");
    CHECK_FORMAT(2.5, 0, "2");          /* a tie: to even */
    CHECK_FORMAT(3.5, 0, "4");
    CHECK_FORMAT(-2.5, 0, "-2");
    CHECK_FORMAT(0.125, 2, "0.12");     /* exact in binary: a tie */
    CHECK_FORMAT(0.375, 2, "0.38");
    CHECK_FORMAT(2.675, 2, "2.67");     /* 2.67499999999999982236431605997495353221893310546875 */
    CHECK_FORMAT(1.005, 2, "1.00");
    CHECK_FORMAT(-1.2345, 3, "-1.234");
    CHECK_FORMAT(-0.001, 2, "-0.00");
    CHECK_FORMAT(0.0, 3, "0.000");
    CHECK_FORMAT(1.0 / 3, 10, "0.3333333333");
    CHECK_FORMAT(1e20, 2, "100000000000000000000.00");
    CHECK_FORMAT(-1.274219991, 9, "-1.274219991");
    CHECK_FORMAT(0.5, 1, "0.5");
    CHECK_FORMAT(NAN, 2, "NaN");
    CHECK_FORMAT(INFINITY, 2, "Infinity");
    CHECK_FORMAT(-INFINITY, 0, "-Infinity");
    qz_val big = qz_format_float(B(-DBL_MAX), 100);
    const struct qz_string *s = rt_ptr(big);
    CHECK_INT(s->len, 1 + 309 + 1 + 100);
    CHECK(strncmp(s->bytes, "-17976931348623157081", 21) == 0);
    qz_val tiny = qz_format_float(B(5e-324), 100);
    char want[103] = "0.";
    memset(want + 2, '0', 100);
    want[102] = '\0';
    CHECK_STR(tiny, want);
}

static void format_negative(const void *arg) { (void)arg; qz_format_float(B(1.0), -1); }
static void format_too_many(const void *arg) { (void)arg; qz_format_float(B(1.0), 101); }

static void check_float(const char *text, double want, int line)
{
    qz_val o = qz_str_to_float(S(text));
    qt_check_int(qz_is_some(o), 1, text, __FILE__, line);
    if (qz_is_some(o)) {
        double got = D(qz_unwrap(o));
        qt_checks++;
        if (!(memcmp(&got, &want, sizeof got) == 0 || (isnan(got) && isnan(want)))) {
            char buf[200];
            snprintf(buf, sizeof buf, "str_to_float(\"%s\") == %a, want %a", text, got, want);
            qt_fail(__FILE__, line, buf);
        }
    }
}

static void check_not_float(qz_val s, const char *what, int line)
{
    qt_check_int(qz_is_some(qz_str_to_float(s)), 0, what, __FILE__, line);
}

#define CHECK_TO_F(text, want) check_float((text), (want), __LINE__)
#define CHECK_NOT_F(text) check_not_float(S(text), (text), __LINE__)

static void test_str_to_float(void)
{
    CHECK_TO_F("1.5", 1.5);
    CHECK_TO_F("-2.5", -2.5);
    CHECK_TO_F("+3.0", 3.0);
    CHECK_TO_F("42", 42.0);
    CHECK_TO_F("0", 0.0);
    CHECK_TO_F("-0.0", -0.0);
    CHECK_TO_F("007.50", 7.5);
    CHECK_TO_F("0.1", 0.1);
    CHECK_TO_F("1e9", 1e9);
    CHECK_TO_F("1E9", 1e9);
    CHECK_TO_F("2.5e-3", 2.5e-3);
    CHECK_TO_F("2.5e+3", 2500.0);
    CHECK_TO_F("-1.0e-05", -1e-5);
    CHECK_TO_F("1.7976931348623157e+308", DBL_MAX);
    CHECK_TO_F("5.0e-324", 5e-324);
    CHECK_TO_F("9007199254740993", 9007199254740992.0);   /* rounds to even */
    CHECK_TO_F("1e400", INFINITY);                        /* beyond the range */
    CHECK_TO_F("-1e400", -INFINITY);
    CHECK_TO_F("1e-400", 0.0);
    CHECK_TO_F("NaN", NAN);
    CHECK_TO_F("Infinity", INFINITY);
    CHECK_TO_F("+Infinity", INFINITY);
    CHECK_TO_F("-Infinity", -INFINITY);
    /* Longer than the stack copy. */
    char longer[400];
    memset(longer, '0', sizeof longer - 1);
    memcpy(longer + 300, "1.25", 4);
    longer[sizeof longer - 1] = '\0';
    CHECK_TO_F(longer, 1.25);

    CHECK_NOT_F("");
    CHECK_NOT_F("-");
    CHECK_NOT_F("+");
    CHECK_NOT_F(" 1.5");
    CHECK_NOT_F("1.5 ");
    CHECK_NOT_F("1.5\n");
    CHECK_NOT_F(".5");
    CHECK_NOT_F("5.");
    CHECK_NOT_F("-.5");
    CHECK_NOT_F("1e");
    CHECK_NOT_F("1e+");
    CHECK_NOT_F("1.5e3.0");
    CHECK_NOT_F("e5");
    CHECK_NOT_F("1_000.5");
    CHECK_NOT_F("1.5f");
    CHECK_NOT_F("--1");
    CHECK_NOT_F("+-1");
    CHECK_NOT_F("1,5");
    CHECK_NOT_F("0x1p3");
    CHECK_NOT_F("0x10");
    CHECK_NOT_F("inf");
    CHECK_NOT_F("-inf");
    CHECK_NOT_F("infinity");
    CHECK_NOT_F("nan");
    CHECK_NOT_F("NaN(1)");
    CHECK_NOT_F("-NaN");
    CHECK_NOT_F("Infinityx");
    CHECK_NOT_F("Inf");
    check_not_float(rt_str_from("1.5\0", 4), "1.5 and a NUL", __LINE__);
    check_not_float(0, "NULL String", __LINE__);
}

static void check_to_i(double x, int64_t want, int line)
{
    qt_check_int(qz_float_to_i(B(x)), want, "float_to_i", __FILE__, line);
}

#define CHECK_TO_I(x, want) check_to_i((x), (want), __LINE__)

static void test_float_to_i(void)
{
    CHECK_TO_I(0.0, 0);
    CHECK_TO_I(-0.0, 0);
    CHECK_TO_I(1.9, 1);
    CHECK_TO_I(-1.9, -1);
    CHECK_TO_I(0.5, 0);
    CHECK_TO_I(-0.5, 0);
    CHECK_TO_I(5e-324, 0);
    CHECK_TO_I(1e18, 1000000000000000000);
    CHECK_TO_I(9223372036854774784.0, 9223372036854774784);   /* the largest double below 2^63 */
    CHECK_TO_I(-9223372036854775808.0, INT64_MIN);
}

static void to_i_of(const void *arg) { qz_float_to_i(B(*(const double *)arg)); }

static void test_float_to_i_panics(void)
{
    static const double nan_ = NAN, inf = INFINITY, ninf = -INFINITY, big = 1e20, two63 = 9223372036854775808.0,
                        below = -9223372036854777856.0, huge = -DBL_MAX;
    CHECK_PANIC(to_i_of, &nan_, "cannot convert NaN to Int", "");
    CHECK_PANIC(to_i_of, &inf, "cannot convert Infinity to Int", "");
    CHECK_PANIC(to_i_of, &ninf, "cannot convert -Infinity to Int", "");
    CHECK_PANIC(to_i_of, &big, "1.0e+20 is out of range for Int", "");
    CHECK_PANIC(to_i_of, &two63, "9.223372036854776e+18 is out of range for Int", "");
    CHECK_PANIC(to_i_of, &below, "-9.223372036854778e+18 is out of range for Int", "");
    CHECK_PANIC(to_i_of, &huge, "-1.7976931348623157e+308 is out of range for Int", "");
    CHECK_PANIC(format_negative, NULL, "format_float: digits must be between 0 and 100, got -1", "");
    CHECK_PANIC(format_too_many, NULL, "format_float: digits must be between 0 and 100, got 101", "");
}

#define CHECK_BITS(got, want) qt_check_int((got), B(want), #got, __FILE__, __LINE__)

static void test_math(void)
{
    const double pi = 3.141592653589793;
    CHECK_BITS(qz_float_tan(B(0.0)), 0.0);
    CHECK_BITS(qz_float_tan(B(-0.0)), -0.0);
    CHECK(fabs(D(qz_float_tan(B(pi / 4))) - 1.0) < 1e-15);
    CHECK_BITS(qz_float_asin(B(1.0)), pi / 2);
    CHECK_BITS(qz_float_acos(B(-1.0)), pi);
    CHECK_BITS(qz_float_acos(B(1.0)), 0.0);
    CHECK_BITS(qz_float_atan(B(INFINITY)), pi / 2);
    CHECK(fabs(D(qz_float_atan(B(1.0))) - pi / 4) < 1e-15);
    CHECK_BITS(qz_float_atan2(B(0.0), B(-1.0)), pi);
    CHECK_BITS(qz_float_atan2(B(-1.0), B(0.0)), -pi / 2);   /* y first, as in C */
    CHECK_BITS(qz_float_hypot(B(3.0), B(4.0)), 5.0);
    CHECK(fabs(D(qz_float_hypot(B(1e300), B(1e300))) / 1e300 - sqrt(2.0)) < 1e-15);   /* no overflow */
    CHECK(isnan(D(qz_float_asin(B(2.0)))));
    CHECK_BITS(qz_float_hypot(B(INFINITY), B(NAN)), INFINITY);
}

qz_val quartz_main(void)
{
    RUN(test_to_s_table);
    RUN(test_to_s_random);
    RUN(test_format_float);
    RUN(test_str_to_float);
    RUN(test_float_to_i);
    RUN(test_float_to_i_panics);
    RUN(test_math);
    return qt_done("float");
}
