/*
 * rt_option.c - Option and Result, the built-in enums.
 *
 * An enum value points to words: the tag, then the payload.
 *   Option: None = tag 0 (no payload), Some(v) = tag 1, v.
 *   Result: Ok(v) = tag 0, v;          Err(e) = tag 1, e.
 * Enum values never change, so every None is one shared read-only block.
 * A NULL enum (the zero value, e.g. from a closed channel) reads as all zeros:
 * None for an Option, Ok(0) for a Result.
 */
#include "rt_internal.h"

enum { TAG_NONE = 0, TAG_SOME = 1, TAG_OK = 0, TAG_ERR = 1 };

static const int64_t none_block[1] = { TAG_NONE };

static qz_val make(int64_t tag, qz_val payload)
{
    int64_t *w = rt_alloc(2 * sizeof(int64_t));
    w[0] = tag;
    w[1] = payload;
    return rt_val(w);
}

static int64_t tag_of(qz_val e)
{
    return e ? ((const int64_t *)rt_ptr(e))[0] : 0;
}

/* Only called once the tag says there is a payload, so e is not NULL. */
static qz_val payload_of(qz_val e)
{
    return ((const int64_t *)rt_ptr(e))[1];
}

qz_val qz_some(qz_val v) { return make(TAG_SOME, v); }
qz_val qz_none(void) { return rt_val(none_block); }
qz_val qz_ok(qz_val v) { return make(TAG_OK, v); }
qz_val qz_err(qz_val v) { return make(TAG_ERR, v); }

qz_val qz_unwrap(qz_val o)
{
    if (tag_of(o) != TAG_SOME)
        qz_panic_unwrap_none();
    return payload_of(o);
}

qz_val qz_unwrap_result(qz_val r)
{
    if (tag_of(r) != TAG_OK)
        qz_panic_unwrap_err();
    return r ? payload_of(r) : 0;
}

qz_val qz_unwrap_or(qz_val o, qz_val dflt)
{
    return tag_of(o) == TAG_SOME ? payload_of(o) : dflt;
}

qz_val qz_is_some(qz_val o)
{
    return tag_of(o) == TAG_SOME;
}

qz_val qz_is_ok(qz_val r)
{
    return tag_of(r) == TAG_OK;
}
