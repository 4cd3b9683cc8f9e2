/* Tests for rt_text.c and rt_builder.c: chr, ord, str_from_bytes, padding, env_get, StrBuf. */
#include "qz_test.h"

static void test_chr(void)
{
    CHECK_STR(qz_chr(65), "A");
    CHECK_INT(qz_str_size(qz_chr(0)), 1);
    CHECK_STR(qz_chr(0x7F), "\x7f");
    CHECK_STR(qz_chr(0xE9), "\xc3\xa9");             /* é: 2 bytes */
    CHECK_STR(qz_chr(0x7FF), "\xdf\xbf");
    CHECK_STR(qz_chr(0x800), "\xe0\xa0\x80");         /* 3 bytes */
    CHECK_STR(qz_chr(0x20AC), "\xe2\x82\xac");        /* € */
    CHECK_STR(qz_chr(0xFFFF), "\xef\xbf\xbf");
    CHECK_STR(qz_chr(0x1F600), "\xf0\x9f\x98\x80");   /* 4 bytes */
    CHECK_STR(qz_chr(0x10FFFF), "\xf4\x8f\xbf\xbf");
}

static void test_ord(void)
{
    CHECK_INT(qz_ord(S("A")), 65);
    CHECK_INT(qz_ord(S("Abc")), 65);
    CHECK_INT(qz_ord(S("\xc3\xa9t\xc3\xa9")), 0xE9);
    CHECK_INT(qz_ord(S("\xe2\x82\xac")), 0x20AC);
    CHECK_INT(qz_ord(S("\xf0\x9f\x98\x80!")), 0x1F600);
    CHECK_INT(qz_ord(S("\xf4\x8f\xbf\xbf")), 0x10FFFF);
    CHECK_INT(qz_ord(qz_chr(0)), 0);
    /* Every code point goes there and back (surrogates are not code points of UTF-8). */
    int64_t bad = 0;
    for (int64_t c = 0; c <= 0x10FFFF; c += (c < 0x3000 ? 1 : 97)) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        if (qz_ord(qz_chr(c)) != c)
            bad++;
    }
    CHECK_INT(bad, 0);
}

static void chr_of(const void *arg) { qz_chr(*(const int64_t *)arg); }
static void ord_of(const void *arg) { qz_ord(S(arg)); }

static void test_invalid(void)
{
    static const int64_t too_big = 0x110000, negative = -1, surrogate = 0xD800;
    CHECK_PANIC(chr_of, &too_big, "chr: 1114112 is not a valid code point (0 to 0x10FFFF, not a surrogate)", "");
    CHECK_PANIC(chr_of, &negative, "chr: -1 is not a valid code point (0 to 0x10FFFF, not a surrogate)", "");
    CHECK_PANIC(chr_of, &surrogate, "chr: 55296 is not a valid code point (0 to 0x10FFFF, not a surrogate)", "");
    CHECK_PANIC(ord_of, "", "ord of an empty string", "");
    CHECK_PANIC(ord_of, "\xff", "ord: the string does not start with valid UTF-8 (byte 0xff)", "");
    CHECK_PANIC(ord_of, "\x80" "a", "ord: the string does not start with valid UTF-8 (byte 0x80)", "");
    CHECK_PANIC(ord_of, "\xc3", "ord: the string does not start with valid UTF-8 (byte 0xc3)", "");      /* cut short */
    CHECK_PANIC(ord_of, "\xc0\x80", "ord: the string does not start with valid UTF-8 (byte 0xc0)", "");  /* overlong */
    CHECK_PANIC(ord_of, "\xed\xa0\x80", "ord: the string does not start with valid UTF-8 (byte 0xed)", ""); /* surrogate */
}

static qz_val ints(int n, const int64_t *items)
{
    qz_val v = qz_vec_new();
    for (int i = 0; i < n; i++)
        qz_vec_push(v, items[i]);
    return v;
}

static void from_bytes_of(const void *arg)
{
    const int64_t *items = arg;
    qz_str_from_bytes(ints(3, items));
}

static void test_from_bytes(void)
{
    static const int64_t hi[] = { 104, 105 }, euro[] = { 0xE2, 0x82, 0xAC }, one[] = { 0 };
    CHECK_STR(qz_str_from_bytes(ints(2, hi)), "hi");
    CHECK_STR(qz_str_from_bytes(ints(3, euro)), "\xe2\x82\xac");
    CHECK_STR(qz_str_from_bytes(qz_vec_new()), "");
    CHECK_INT(qz_str_size(qz_str_from_bytes(ints(1, one))), 1);
    CHECK_INT(qz_str_byte_at(qz_str_from_bytes(ints(1, one)), 0), 0);
    /* Bytes need not be UTF-8. */
    static const int64_t raw[] = { 255, 0, 128 };
    qz_val r = qz_str_from_bytes(ints(3, raw));
    CHECK_INT(qz_str_size(r), 3);
    CHECK_INT(qz_str_byte_at(r, 0), 255);
    CHECK_INT(qz_str_byte_at(r, 2), 128);
    static const int64_t big[] = { 1, 256, 2 }, neg[] = { -1, 0, 0 };
    CHECK_PANIC(from_bytes_of, big, "str_from_bytes: element 1 is 256, outside 0..255", "");
    CHECK_PANIC(from_bytes_of, neg, "str_from_bytes: element 0 is -1, outside 0..255", "");
}

static void test_padding(void)
{
    qz_val sp = S(" ");
    CHECK_STR(qz_str_ljust(S("ab"), 5, sp), "ab   ");
    CHECK_STR(qz_str_rjust(S("ab"), 5, sp), "   ab");
    CHECK_STR(qz_str_center(S("ab"), 5, sp), " ab  ");    /* the odd one goes right, as in Ruby */
    CHECK_STR(qz_str_center(S("ab"), 6, S("*")), "**ab**");
    CHECK_STR(qz_str_rjust(S("7"), 3, S("0")), "007");
    CHECK_STR(qz_str_ljust(S(""), 3, S("-")), "---");
    /* Width at or below the size: the string itself. */
    CHECK_STR(qz_str_ljust(S("abc"), 3, sp), "abc");
    CHECK_STR(qz_str_rjust(S("abcdef"), 2, sp), "abcdef");
    CHECK_STR(qz_str_center(S("abc"), -5, sp), "abc");
    CHECK_STR(qz_str_rjust(0, 0, sp), "");
    /* Characters, not bytes: "héllo" is 5 characters (6 bytes). */
    CHECK_STR(qz_str_ljust(S("h\xc3\xa9llo"), 7, S(".")), "h\xc3\xa9llo..");
    CHECK_STR(qz_str_rjust(S("\xe2\x82\xac"), 3, sp), "  \xe2\x82\xac");
    /* A multi-byte fill. */
    CHECK_STR(qz_str_center(S("x"), 4, S("\xc3\xa9")), "\xc3\xa9x\xc3\xa9\xc3\xa9");
    /* A stray byte counts as one character, as in str_chars. */
    CHECK_STR(qz_str_rjust(S("\xff"), 2, S("0")), "0\xff");
}

static void bad_fill(const void *arg) { qz_str_ljust(S("x"), 4, S(arg)); }
static void bad_fill_center(const void *arg) { qz_str_center(S("x"), 1, S(arg)); }

static void test_padding_fill_checked(void)
{
    CHECK_PANIC(bad_fill, "ab", "str_ljust: the fill must be one character, got \"ab\"", "");
    CHECK_PANIC(bad_fill, "", "str_ljust: the fill must be one character, got \"\"", "");
    CHECK_PANIC(bad_fill, "abcdefghijklmnopqrstuvwxyz", "str_ljust: the fill must be one character, got \"abcdefghijklmnopqrstuvwx\"...", "");
    /* Checked even when no fill is needed, so a bad fill never hides behind short input. */
    CHECK_PANIC(bad_fill_center, "--", "str_center: the fill must be one character, got \"--\"", "");
}

static void test_env_get(void)
{
    setenv("QZ_TEXT_TEST", "v=1", 1);   /* before anything else could read the environment */
    qz_val v = qz_env_get(S("QZ_TEXT_TEST"));
    CHECK_INT(qz_is_some(v), 1);
    CHECK_STR(qz_unwrap(v), "v=1");
    CHECK_INT(qz_is_some(qz_env_get(S("QZ_TEXT_TEST_UNSET"))), 0);
    CHECK_INT(qz_is_some(qz_env_get(rt_str_from("QZ_TEXT_TEST\0x", 14))), 0);
    setenv("QZ_TEXT_EMPTY", "", 1);
    CHECK_STR(qz_unwrap(qz_env_get(S("QZ_TEXT_EMPTY"))), "");
}

static void test_builder(void)
{
    qz_val b = qz_strbuf_new();
    CHECK_INT(qz_strbuf_size(b), 0);
    CHECK_STR(qz_strbuf_to_s(b), "");
    qz_strbuf_append(b, S("ab"));
    qz_strbuf_append(b, 0);
    qz_strbuf_append(b, S(""));
    qz_strbuf_append_byte(b, 'c');
    qz_strbuf_append_byte(b, 0xC3);
    qz_strbuf_append_byte(b, 0xA9);
    CHECK_INT(qz_strbuf_size(b), 5);
    qz_val first = qz_strbuf_to_s(b);
    CHECK_STR(first, "abc\xc3\xa9");
    /* to_s copies: later appends leave it alone. */
    for (int i = 0; i < 100; i++)
        qz_strbuf_append(b, S("0123456789"));
    CHECK_STR(first, "abc\xc3\xa9");
    CHECK_INT(qz_strbuf_size(b), 1005);
    qz_val second = qz_strbuf_to_s(b);
    CHECK_INT(qz_str_size(second), 1005);
    CHECK_INT(qz_str_byte_at(second, 1004), '9');
    CHECK_INT(((const struct qz_string *)rt_ptr(second))->bytes[1005], '\0');

    /* A million appends: linear (doubling), the right bytes in the right order. */
    b = qz_strbuf_new();
    qz_val piece = S("xyz");
    for (int i = 0; i < 1000000; i++) {
        if (i % 1000 == 999)
            qz_strbuf_append_byte(b, '\n');
        else
            qz_strbuf_append(b, piece);
    }
    qz_val all = qz_strbuf_to_s(b);
    CHECK_INT(qz_str_size(all), 999000 * 3 + 1000);
    CHECK_INT(qz_str_byte_at(all, 2996), 'z');
    CHECK_INT(qz_str_byte_at(all, 2997), '\n');
    CHECK_INT(qz_vec_size(qz_str_split(all, S("\n"))), 1001);
}

static void append_byte_of(const void *arg) { qz_strbuf_append_byte(qz_strbuf_new(), *(const int64_t *)arg); }

static void test_builder_byte_checked(void)
{
    static const int64_t big = 256, negative = -3;
    CHECK_PANIC(append_byte_of, &big, "strbuf_append_byte: 256 is outside 0..255", "");
    CHECK_PANIC(append_byte_of, &negative, "strbuf_append_byte: -3 is outside 0..255", "");
}

/* Show's pieces: Ints in decimal, Strings quoted with Crystal's escapes. */
static void test_builder_show(void)
{
    qz_val b = qz_strbuf_new();
    qz_strbuf_append_int(b, 0);
    qz_strbuf_append_byte(b, ' ');
    qz_strbuf_append_int(b, -9223372036854775807 - 1);
    qz_strbuf_append_byte(b, ' ');
    qz_strbuf_append_int(b, 42);
    CHECK_STR(qz_strbuf_to_s(b), "0 -9223372036854775808 42");

    b = qz_strbuf_new();
    qz_strbuf_append_quoted(b, S(""));
    qz_strbuf_append_quoted(b, 0);   /* a nil String is "" */
    qz_strbuf_append_quoted(b, S("say \"hi\"\\"));
    CHECK_STR(qz_strbuf_to_s(b), "\"\"\"\"\"say \\\"hi\\\"\\\\\"");

    b = qz_strbuf_new();
    qz_strbuf_append_quoted(b, rt_str_from("\a\b\t\n\v\f\r\x1b\x01\x7f\0", 11));
    CHECK_STR(qz_strbuf_to_s(b), "\"\\a\\b\\t\\n\\v\\f\\r\\e\\u0001\\u007F\\u0000\"");

    /* #{ would start an interpolation; a lone # and UTF-8 bytes stand for themselves. */
    b = qz_strbuf_new();
    qz_strbuf_append_quoted(b, S("#{x} # h\xc3\xa9#"));
    CHECK_STR(qz_strbuf_to_s(b), "\"\\#{x} # h\xc3\xa9#\"");

    /* Growing while escaping: every byte of a long String escaped. */
    b = qz_strbuf_new();
    char quotes[1000];
    memset(quotes, '"', sizeof quotes);
    qz_strbuf_append_quoted(b, rt_str_from(quotes, sizeof quotes));
    CHECK_INT(qz_strbuf_size(b), 2002);
    CHECK_INT(qz_str_byte_at(qz_strbuf_to_s(b), 2000), '"');
    CHECK_INT(qz_str_byte_at(qz_strbuf_to_s(b), 1999), '\\');
}

qz_val quartz_main(void)
{
    RUN(test_chr);
    RUN(test_ord);
    RUN(test_invalid);
    RUN(test_from_bytes);
    RUN(test_padding);
    RUN(test_padding_fill_checked);
    RUN(test_env_get);
    RUN(test_builder);
    RUN(test_builder_byte_checked);
    RUN(test_builder_show);
    return qt_done("test_text");
}
