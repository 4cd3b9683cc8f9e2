/* Tests for rt_strbuf.c: interpolation pieces, Int formatting, spilling past the inline pieces. */
#include "qz_test.h"

static void test_pieces(void)
{
    qz_val sb = qz_sb_new();
    qz_sb_append(sb, S("size="));
    qz_sb_append_int(sb, 5);
    qz_sb_append(sb, S(" last="));
    qz_sb_append_int(sb, -16);
    CHECK_STR(qz_sb_finish(sb), "size=5 last=-16");

    sb = qz_sb_new();
    qz_sb_append_int(sb, INT64_MIN);
    qz_sb_append(sb, S("|"));
    qz_sb_append_int(sb, INT64_MAX);
    qz_sb_append_int(sb, 0);
    CHECK_STR(qz_sb_finish(sb), "-9223372036854775808|92233720368547758070");

    sb = qz_sb_new();
    qz_sb_append(sb, qz_bool_to_s(1));
    qz_sb_append(sb, 0);
    qz_sb_append(sb, S(""));
    qz_sb_append(sb, qz_bool_to_s(0));
    CHECK_STR(qz_sb_finish(sb), "truefalse");
}

static void test_trivial(void)
{
    CHECK_STR(qz_sb_finish(qz_sb_new()), "");

    qz_val sb = qz_sb_new();
    qz_sb_append(sb, 0);
    CHECK_STR(qz_sb_finish(sb), "");

    /* "#{s}" is s itself: no copy. */
    qz_val s = S("whole");
    sb = qz_sb_new();
    qz_sb_append(sb, S(""));
    qz_sb_append(sb, s);
    CHECK(qz_sb_finish(sb) == s);

    sb = qz_sb_new();
    qz_sb_append_int(sb, 42);
    CHECK_STR(qz_sb_finish(sb), "42");
}

/* Far more pieces than fit inline. */
static void test_many_pieces(void)
{
    qz_val sb = qz_sb_new();
    qz_val parts = qz_vec_new();
    for (int i = 0; i < 5000; i++) {
        qz_sb_append_int(sb, i);
        qz_sb_append(sb, S(i % 2 ? "," : ";"));
        qz_vec_push(parts, qz_int_to_s(i));
        qz_vec_push(parts, S(i % 2 ? "," : ";"));
    }
    qz_val got = qz_sb_finish(sb);
    CHECK(qz_str_eq(got, qz_str_join(parts, S(""))));
    CHECK(qz_str_starts_with(got, S("0;1,2;3,")));
    CHECK(qz_str_ends_with(got, S("4998;4999,")));
}

qz_val quartz_main(void)
{
    RUN(test_pieces);
    RUN(test_trivial);
    RUN(test_many_pieces);
    return qt_done("strbuf");
}
