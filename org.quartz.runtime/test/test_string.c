/* Tests for rt_string.c. Every String result is also checked to be NUL-terminated (CHECK_STR). */
#include "qz_test.h"

#define NIL ((qz_val)0)  /* the zero String, which must behave as "" */

static void check_vec(qz_val v, int n, const char *const *want, int line)
{
    qt_check_int(vlen(v), n, "vec size", __FILE__, line);
    for (int i = 0; i < n && i < vlen(v); i++)
        qt_check_str(vat(v, i), want[i], "vec element", __FILE__, line);
}

#define CHECK_VEC(v, ...) do { \
        static const char *const want_[] = { __VA_ARGS__ }; \
        check_vec((v), (int)(sizeof want_ / sizeof want_[0]), want_, __LINE__); \
    } while (0)

static void test_null_is_empty(void)
{
    CHECK_INT(qz_str_size(NIL), 0);
    CHECK_STR(qz_str_concat(NIL, NIL), "");
    CHECK_STR(qz_str_concat(NIL, S("a")), "a");
    CHECK_STR(qz_str_concat(S("a"), NIL), "a");
    CHECK_INT(qz_str_eq(NIL, S("")), 1);
    CHECK_INT(qz_str_eq(S(""), NIL), 1);
    CHECK_INT(qz_str_eq(NIL, S("a")), 0);
    CHECK_INT(qz_str_cmp(NIL, S("")), 0);
    CHECK_INT(qz_str_cmp(NIL, S("a")), -1);
    CHECK_STR(qz_str_slice(NIL, 0, 10), "");
    CHECK_INT(qz_str_find(NIL, NIL), 0);
    CHECK_INT(qz_str_find(NIL, S("a")), -1);
    CHECK_INT(qz_str_find(S("abc"), NIL), 0);
    CHECK_INT(qz_is_some(qz_str_to_int(NIL)), 0);
    CHECK_VEC(qz_str_split(NIL, S(",")), "");
    CHECK_INT(vlen(qz_str_split(NIL, NIL)), 0);
    CHECK_VEC(qz_str_split(S("ab"), NIL), "a", "b");
    CHECK_INT(vlen(qz_str_chars(NIL)), 0);
    CHECK_INT(qz_str_contains(NIL, NIL), 1);
    CHECK_INT(qz_str_starts_with(NIL, NIL), 1);
    CHECK_INT(qz_str_ends_with(S("a"), NIL), 1);
    CHECK_STR(qz_str_trim(NIL), "");
    CHECK_STR(qz_str_upcase(NIL), "");
    CHECK_STR(qz_str_downcase(NIL), "");
    CHECK_STR(qz_str_repeat(NIL, 5), "");
    CHECK_INT(qz_str_hash(NIL), qz_str_hash(S("")));
    qz_val v = qz_vec_new();
    qz_vec_push(v, NIL);
    CHECK_STR(qz_str_join(v, S(",")), "");
    qz_vec_push(v, NIL);
    CHECK_STR(qz_str_join(v, NIL), "");
    CHECK_STR(qz_str_join(v, S(",")), ",");
}

static void test_int_to_s(void)
{
    CHECK_STR(qz_int_to_s(0), "0");
    CHECK_STR(qz_int_to_s(7), "7");
    CHECK_STR(qz_int_to_s(-7), "-7");
    CHECK_STR(qz_int_to_s(10), "10");
    CHECK_STR(qz_int_to_s(-1234567890), "-1234567890");
    CHECK_STR(qz_int_to_s(INT64_MAX), "9223372036854775807");
    CHECK_STR(qz_int_to_s(INT64_MIN), "-9223372036854775808");
    CHECK_STR(qz_bool_to_s(1), "true");
    CHECK_STR(qz_bool_to_s(0), "false");
}

static void test_compare(void)
{
    CHECK_INT(qz_str_eq(S("abc"), S("abc")), 1);
    CHECK_INT(qz_str_eq(S("abc"), S("abd")), 0);
    CHECK_INT(qz_str_eq(S("abc"), S("ab")), 0);
    CHECK_INT(qz_str_eq(rt_str_from("a\0b", 3), rt_str_from("a\0c", 3)), 0);
    CHECK_INT(qz_str_cmp(S("a"), S("b")), -1);
    CHECK_INT(qz_str_cmp(S("b"), S("a")), 1);
    CHECK_INT(qz_str_cmp(S("a"), S("ab")), -1);
    CHECK_INT(qz_str_cmp(S("ab"), S("a")), 1);
    CHECK_INT(qz_str_cmp(S("same"), S("same")), 0);
    CHECK_INT(qz_str_cmp(S("\xc3\xa9"), S("z")), 1);  /* bytes compare unsigned */
    CHECK_INT(qz_str_hash(S("hello")), qz_str_hash(S("hello")));
    CHECK(qz_str_hash(S("hello")) != qz_str_hash(S("hellp")));
    CHECK(qz_str_hash(S("a")) != qz_str_hash(rt_str_from("a\0", 2)));
}

static void test_concat_and_slice(void)
{
    qz_val hello = S("hello");
    CHECK_STR(qz_str_concat(hello, S(", world")), "hello, world");
    CHECK(qz_str_concat(hello, S("")) == hello);  /* no copy when nothing changes */
    CHECK_STR(qz_str_slice(hello, 1, 3), "el");
    CHECK_STR(qz_str_slice(hello, -5, 2), "he");
    CHECK_STR(qz_str_slice(hello, 3, 100), "lo");
    CHECK_STR(qz_str_slice(hello, 4, 2), "");
    CHECK_STR(qz_str_slice(hello, 2, 2), "");
    CHECK_STR(qz_str_slice(hello, 10, 20), "");
    CHECK_STR(qz_str_slice(hello, INT64_MIN, INT64_MAX), "hello");
    CHECK(qz_str_slice(hello, 0, 5) == hello);
    CHECK_STR(qz_str_slice(hello, 4, 5), "o");
}

static void test_search(void)
{
    qz_val s = S("hello");
    CHECK_INT(qz_str_find(s, S("ll")), 2);
    CHECK_INT(qz_str_find(s, S("lo")), 3);
    CHECK_INT(qz_str_find(s, S("h")), 0);
    CHECK_INT(qz_str_find(s, S("x")), -1);
    CHECK_INT(qz_str_find(s, S("hello!")), -1);
    CHECK_INT(qz_str_find(s, S("")), 0);
    CHECK_INT(qz_str_contains(s, S("ell")), 1);
    CHECK_INT(qz_str_contains(s, S("elo")), 0);
    CHECK_INT(qz_str_starts_with(s, S("he")), 1);
    CHECK_INT(qz_str_starts_with(s, S("hello")), 1);
    CHECK_INT(qz_str_starts_with(s, S("hello!")), 0);
    CHECK_INT(qz_str_starts_with(s, S("el")), 0);
    CHECK_INT(qz_str_ends_with(s, S("llo")), 1);
    CHECK_INT(qz_str_ends_with(s, S("ll")), 0);
    CHECK_INT(qz_str_ends_with(S("lo"), S("hello")), 0);
}

static void check_int(const char *text, int64_t want, int line)
{
    qz_val o = qz_str_to_int(S(text));
    qt_check_int(qz_is_some(o), 1, text, __FILE__, line);
    if (qz_is_some(o))
        qt_check_int(qz_unwrap(o), want, text, __FILE__, line);
}

static void check_not_int(const char *text, int line)
{
    qt_check_int(qz_is_some(qz_str_to_int(S(text))), 0, text, __FILE__, line);
}

#define CHECK_TO_INT(text, want) check_int((text), (want), __LINE__)
#define CHECK_NOT_INT(text) check_not_int((text), __LINE__)

static void test_to_int(void)
{
    CHECK_TO_INT("0", 0);
    CHECK_TO_INT("42", 42);
    CHECK_TO_INT("-42", -42);
    CHECK_TO_INT("+5", 5);
    CHECK_TO_INT("-0", 0);
    CHECK_TO_INT("007", 7);
    CHECK_TO_INT("9223372036854775807", INT64_MAX);
    CHECK_TO_INT("-9223372036854775808", INT64_MIN);
    CHECK_TO_INT("-9223372036854775807", -INT64_MAX);
    CHECK_TO_INT("00000000000000000000000000009", 9);
    CHECK_NOT_INT("");
    CHECK_NOT_INT("-");
    CHECK_NOT_INT("+");
    CHECK_NOT_INT("12a");
    CHECK_NOT_INT("a12");
    CHECK_NOT_INT(" 1");
    CHECK_NOT_INT("1 ");
    CHECK_NOT_INT("--1");
    CHECK_NOT_INT("+-1");
    CHECK_NOT_INT("1_000");
    CHECK_NOT_INT("0x10");
    CHECK_NOT_INT("1.5");
    CHECK_NOT_INT("9223372036854775808");
    CHECK_NOT_INT("-9223372036854775809");
    CHECK_NOT_INT("18446744073709551616");
    CHECK_NOT_INT("99999999999999999999999");
    CHECK_NOT_INT("\xd9\xa3");  /* an Arabic-Indic digit is not a decimal digit */
    CHECK_INT(qz_is_some(qz_str_to_int(rt_str_from("1\0", 2))), 0);
}

static void test_split(void)
{
    CHECK_VEC(qz_str_split(S("one,two,three"), S(",")), "one", "two", "three");
    CHECK_VEC(qz_str_split(S("a,b,,c"), S(",")), "a", "b", "", "c");
    CHECK_VEC(qz_str_split(S(",a,"), S(",")), "", "a", "");
    CHECK_VEC(qz_str_split(S("a--b--c"), S("--")), "a", "b", "c");
    CHECK_VEC(qz_str_split(S("aaa"), S("aa")), "", "a");
    CHECK_VEC(qz_str_split(S("abc"), S("abcd")), "abc");
    CHECK_VEC(qz_str_split(S("abc"), S("abc")), "", "");
    CHECK_VEC(qz_str_split(S(""), S(",")), "");
    CHECK_VEC(qz_str_split(S("abc"), S("")), "a", "b", "c");
    CHECK_VEC(qz_str_split(S("h\xc3\xa9"), S("")), "h", "\xc3", "\xa9");  /* bytes, not chars */
    CHECK_VEC(qz_str_split(S("the quick  brown fox"), S(" ")), "the", "quick", "", "brown", "fox");

    /* Many pieces of assorted lengths, all carved from one block. */
    qz_val sb = qz_sb_new();
    for (int i = 0; i < 1000; i++) {
        if (i > 0)
            qz_sb_append(sb, S("\n"));
        qz_sb_append_int(sb, i * i);
    }
    qz_val lines = qz_str_split(qz_sb_finish(sb), S("\n"));
    CHECK_INT(vlen(lines), 1000);
    int ok = 1;
    for (int i = 0; i < 1000 && ok; i++)
        ok = qz_str_eq(vat(lines, i), qz_int_to_s(i * i)) && rt_str_bytes(rt_ptr(vat(lines, i)))[qz_str_size(vat(lines, i))] == '\0';
    CHECK(ok);
}

static void test_chars(void)
{
    CHECK_VEC(qz_str_chars(S("abc")), "a", "b", "c");
    CHECK_VEC(qz_str_chars(S("h\xc3\xa9llo")), "h", "\xc3\xa9", "l", "l", "o");           /* héllo */
    CHECK_VEC(qz_str_chars(S("\xe6\x97\xa5\xe6\x9c\xac")), "\xe6\x97\xa5", "\xe6\x9c\xac");  /* 日本 */
    CHECK_VEC(qz_str_chars(S("a\xf0\x9f\x98\x80!")), "a", "\xf0\x9f\x98\x80", "!");         /* 😀 */
    CHECK_VEC(qz_str_chars(S("\xef\xbf\xbf\xf4\x8f\xbf\xbf")), "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf");
    /* Bytes that do not start a well-formed character stand alone. */
    CHECK_VEC(qz_str_chars(S("\xff" "a")), "\xff", "a");
    CHECK_VEC(qz_str_chars(S("\xe6\x97")), "\xe6", "\x97");                  /* truncated */
    CHECK_VEC(qz_str_chars(S("\xc0\x80")), "\xc0", "\x80");                  /* overlong */
    CHECK_VEC(qz_str_chars(S("\xe0\x80\x80")), "\xe0", "\x80", "\x80");      /* overlong */
    CHECK_VEC(qz_str_chars(S("\xed\xa0\x80")), "\xed", "\xa0", "\x80");      /* surrogate */
    CHECK_VEC(qz_str_chars(S("\xf4\x90\x80\x80")), "\xf4", "\x90", "\x80", "\x80");  /* > U+10FFFF */
    CHECK_VEC(qz_str_chars(S("\xc3" "a")), "\xc3", "a");                     /* bad continuation */
    qz_val nul = qz_str_chars(rt_str_from("a\0b", 3));  /* NUL is a character like any other */
    CHECK_INT(vlen(nul), 3);
    CHECK(qz_str_eq(vat(nul, 1), rt_str_from("\0", 1)));
    CHECK_STR(vat(nul, 2), "b");

    /* Joining the characters gives the text back. */
    qz_val text = S("Gr\xc3\xbc\xc3\x9f" "e, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x8c\x8d \xff end");
    CHECK(qz_str_eq(qz_str_join(qz_str_chars(text), S("")), text));
}

static void test_case_and_trim(void)
{
    qz_val lower = S("already lower, 123");
    CHECK_STR(qz_str_upcase(S("Hello, World! \xc3\xa9")), "HELLO, WORLD! \xc3\xa9");
    CHECK_STR(qz_str_downcase(S("Hello, World! \xc3\x89")), "hello, world! \xc3\x89");
    CHECK(qz_str_downcase(lower) == lower);
    CHECK_STR(qz_str_upcase(lower), "ALREADY LOWER, 123");
    CHECK_STR(qz_str_trim(S("  a b \n")), "a b");
    CHECK_STR(qz_str_trim(S("\t\r\n\v\f x")), "x");
    CHECK_STR(qz_str_trim(S("   ")), "");
    CHECK_STR(qz_str_trim(S("")), "");
    qz_val tight = S("tight");
    CHECK(qz_str_trim(tight) == tight);
}

static void repeat_overflow(const void *arg)
{
    (void)arg;
    qz_str_repeat(S("ab"), INT64_MAX);
}

static void test_repeat(void)
{
    CHECK_STR(qz_str_repeat(S("ab"), 3), "ababab");
    CHECK_STR(qz_str_repeat(S("ab"), 0), "");
    CHECK_STR(qz_str_repeat(S("ab"), -1), "");
    CHECK_STR(qz_str_repeat(S(""), 1000), "");
    qz_val x = S("x");
    CHECK(qz_str_repeat(x, 1) == x);
    qz_val big = qz_str_repeat(S("abc"), 1001);
    CHECK_INT(qz_str_size(big), 3003);
    int ok = 1;
    for (int i = 0; i < 3003; i++)
        ok &= qz_str_byte_at(big, i) == "abc"[i % 3];
    CHECK(ok);
    CHECK_PANIC(repeat_overflow, NULL, "out of memory", "");
}

static void byte_at(const void *arg)
{
    qz_str_byte_at(S("abc"), *(const int64_t *)arg);
}

static void byte_at_null(const void *arg)
{
    (void)arg;
    qz_str_byte_at(NIL, 0);
}

static void test_byte_at(void)
{
    CHECK_INT(qz_str_byte_at(S("abc"), 0), 'a');
    CHECK_INT(qz_str_byte_at(S("abc"), 2), 'c');
    CHECK_INT(qz_str_byte_at(S("\xe9"), 0), 0xe9);  /* 0..255, never negative */
    static const int64_t three = 3, minus_one = -1;
    CHECK_PANIC(byte_at, &three, "index out of bounds: index 3, size 3", "");
    CHECK_PANIC(byte_at, &minus_one, "index out of bounds: index -1, size 3", "");
    CHECK_PANIC(byte_at_null, NULL, "index out of bounds: index 0, size 0", "");
}

static void test_join(void)
{
    static const char *const abc[] = { "a", "bb", "ccc" };
    static const char *const gaps[] = { "", "x", "" };
    CHECK_STR(qz_str_join(V(3, abc), S(", ")), "a, bb, ccc");
    CHECK_STR(qz_str_join(V(3, abc), S("")), "abbccc");
    CHECK_STR(qz_str_join(V(3, gaps), S("-")), "-x-");
    CHECK_STR(qz_str_join(qz_vec_new(), S(",")), "");
    qz_val one = qz_vec_new();
    qz_val only = S("only");
    qz_vec_push(one, only);
    CHECK(qz_str_join(one, S(",")) == only);
}

qz_val quartz_main(void)
{
    RUN(test_null_is_empty);
    RUN(test_int_to_s);
    RUN(test_compare);
    RUN(test_concat_and_slice);
    RUN(test_search);
    RUN(test_to_int);
    RUN(test_split);
    RUN(test_chars);
    RUN(test_case_and_trim);
    RUN(test_repeat);
    RUN(test_byte_at);
    RUN(test_join);
    return qt_done("string");
}
