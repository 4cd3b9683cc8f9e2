/*
 * rt_map.c - Map<K, V> with Int or String keys, iterated in insertion order.
 *
 * The compact layout of CPython's dict:
 *   entries  (hash, key, value) in insertion order; a deleted entry stays behind,
 *            marked dead, so the order of the others never changes.
 *   index    an open-addressing table (linear probing) of int32 positions into
 *            entries: EMPTY, TOMBSTONE (where a deleted key was), or a position.
 * Iteration walks entries, so it is ordered and cache-friendly; the index is small
 * (4 bytes a slot), so it can stay at most half full cheaply. Re-setting a key
 * updates its entry in place and keeps its position.
 *
 * Invariants:
 *   - len (live entries) <= used (entries written since the last rebuild) <= cap.
 *   - index has 2 * cap slots, a power of two, or is NULL while cap is 0.
 *   - every non-EMPTY index slot holds a position < used, so at least half the
 *     slots are EMPTY and every probe ends.
 * When entries is full, the map is rebuilt: live entries are compacted, the
 * capacity is set to twice the live count (so it grows, stays or shrinks), and the
 * index is rebuilt without tombstones. Either way inserts stay amortised O(1).
 * Int keys hash through a mixer (keys are often small or strided); String keys
 * are hashed and compared by content, and their hash is cached in the entry;
 * Float keys by value (-0.0 is 0.0; NaN finds nothing); keys of a user type through
 * the compiled hash and eq of its impls of Hash and Eq (struct qz_key_ops), called
 * synchronously (they must not wait), the hash mixed again and cached.
 */
#include "rt_internal.h"

#include <string.h>

enum { SLOT_EMPTY = -1, SLOT_TOMBSTONE = -2 };
enum { MIN_CAP = 4 };

/* A dead entry's hash; live hashes have the top bit clear. */
#define DEAD_HASH UINT64_MAX
#define HASH_MASK (UINT64_MAX >> 1)

/* A position must fit an int32 slot. */
#define MAX_CAP ((int64_t)INT32_MAX)

struct entry {
    uint64_t hash;
    qz_val key;
    qz_val value;
};

struct qz_map {
    int64_t len;
    int64_t used;
    int64_t cap;
    struct entry *entries;
    int32_t *index;
    uint64_t mask;      /* index slots - 1 */
    qz_val keys;        /* QZ_KEYS_INT, QZ_KEYS_STRING, QZ_KEYS_FLOAT or a struct qz_key_ops * */
    _Atomic int64_t last;   /* position of the entry last found or added + 1; 0: none (relaxed: a hint) */
};

static inline struct qz_map *map(qz_val m)
{
    return rt_ptr(m);
}

static double float_of(qz_val bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static const struct qz_key_ops *key_ops(const struct qz_map *m)
{
    return (const struct qz_key_ops *)(uintptr_t)m->keys;
}

static uint64_t hash_key(const struct qz_map *m, qz_val key)
{
    uint64_t h;
    switch (m->keys) {
    case QZ_KEYS_INT:
        h = rt_hash_int(key);
        break;
    case QZ_KEYS_STRING:
        h = rt_hash_bytes(rt_str_bytes(rt_ptr(key)), rt_str_len(rt_ptr(key)));
        break;
    case QZ_KEYS_FLOAT: {
        double d = float_of(key) + 0.0;   /* -0.0 + 0.0 is 0.0: equal keys, equal hashes */
        qz_val bits;
        memcpy(&bits, &d, sizeof bits);
        h = rt_hash_int(bits);
        break;
    }
    default:
        h = rt_hash_int(key_ops(m)->hash(key));
    }
    return h & HASH_MASK;
}

static int same_key(const struct qz_map *m, const struct entry *e, qz_val key, uint64_t hash)
{
    switch (m->keys) {
    case QZ_KEYS_INT:
        return e->key == key;
    case QZ_KEYS_STRING:
        return e->hash == hash && rt_str_equal(rt_ptr(e->key), rt_ptr(key));
    case QZ_KEYS_FLOAT:
        return float_of(e->key) == float_of(key);
    default:
        return e->hash == hash && key_ops(m)->eq(e->key, key) != 0;
    }
}

/*
 * The index slot holding key, or, when it is absent (result -1), the slot where
 * it should go: the first tombstone on its probe path, else the EMPTY that ended it.
 */
static int64_t lookup(const struct qz_map *m, qz_val key, uint64_t hash, uint64_t *slot)
{
    uint64_t free_slot = UINT64_MAX;
    for (uint64_t i = hash & m->mask;; i = (i + 1) & m->mask) {
        int32_t pos = m->index[i];
        if (pos == SLOT_EMPTY) {
            *slot = free_slot != UINT64_MAX ? free_slot : i;
            return -1;
        }
        if (pos == SLOT_TOMBSTONE) {
            if (free_slot == UINT64_MAX)
                free_slot = i;
        } else if (same_key(m, &m->entries[pos], key, hash)) {
            *slot = i;
            return pos;
        }
    }
}

/* The last entry found or added when it holds key (the same object, for String
 * keys): `match map_get(m, k) ... m[k] = v` and `m[k] = m[k] + 1` look k up once. */
static int64_t last_hit(const struct qz_map *m, qz_val key)
{
    int64_t pos = atomic_load_explicit(&m->last, memory_order_relaxed) - 1;
    if (pos < 0 || pos >= m->used || m->entries[pos].key != key || m->entries[pos].hash == DEAD_HASH)
        return -1;
    return pos;
}

/* Position of key's entry, or -1. */
static int64_t find(struct qz_map *m, qz_val key)
{
    if (m->len == 0)
        return -1;
    int64_t pos = last_hit(m, key);
    if (pos >= 0)
        return pos;
    uint64_t slot;
    pos = lookup(m, key, hash_key(m, key), &slot);
    /* Written only when it changes: tasks that share a map they only read do not
     * keep writing to its header. */
    if (pos >= 0 && atomic_load_explicit(&m->last, memory_order_relaxed) != pos + 1)
        atomic_store_explicit(&m->last, pos + 1, memory_order_relaxed);
    return pos;
}

static void fill_index(struct qz_map *m)
{
    memset(m->index, 0xff, (m->mask + 1) * sizeof *m->index);  /* all SLOT_EMPTY */
    for (int64_t pos = 0; pos < m->used; pos++) {
        uint64_t i = m->entries[pos].hash & m->mask;
        while (m->index[i] != SLOT_EMPTY)
            i = (i + 1) & m->mask;
        m->index[i] = (int32_t)pos;
    }
}

/* Compacts the live entries and resizes for twice as many. */
static void rebuild(struct qz_map *m)
{
    int64_t live = 0;
    for (int64_t pos = 0; pos < m->used; pos++)
        if (m->entries[pos].hash != DEAD_HASH)
            m->entries[live++] = m->entries[pos];
    m->used = m->len = live;
    atomic_store_explicit(&m->last, 0, memory_order_relaxed);   /* positions moved */

    int64_t cap = MIN_CAP;
    while (cap < 2 * live) {
        if (cap > MAX_CAP / 2)
            rt_panic_cstr("map too large");
        cap *= 2;
    }
    /* Compacted first, so shrinking keeps every live entry. */
    m->entries = rt_realloc(m->entries, (size_t)cap * sizeof *m->entries);
    m->cap = cap;
    rt_free(m->index);
    m->index = rt_alloc_bytes((size_t)cap * 2 * sizeof *m->index);
    m->mask = (uint64_t)cap * 2 - 1;
    fill_index(m);
}

qz_val qz_map_new(qz_val keys)
{
    struct qz_map *m = rt_alloc(sizeof *m);  /* tables come with the first key */
    m->keys = keys;
    return rt_val(m);
}

qz_val qz_map_new_like(qz_val m)
{
    return qz_map_new(map(m)->keys);
}

void qz_map_set(qz_val mv, qz_val key, qz_val value)
{
    struct qz_map *m = map(mv);
    int64_t hit = last_hit(m, key);
    if (hit >= 0) {
        m->entries[hit].value = value;
        return;
    }
    uint64_t hash = hash_key(m, key), slot;
    if (m->cap > 0) {
        int64_t pos = lookup(m, key, hash, &slot);
        if (pos >= 0) {
            m->entries[pos].value = value;
            return;
        }
    }
    if (m->used == m->cap) {
        rebuild(m);
        lookup(m, key, hash, &slot);
    }
    m->entries[m->used] = (struct entry){ hash, key, value };
    m->index[slot] = (int32_t)m->used;
    m->used++;
    atomic_store_explicit(&m->last, m->used, memory_order_relaxed);
    m->len++;
}

qz_val qz_map_get(qz_val m, qz_val key)
{
    int64_t pos = find(map(m), key);
    return pos < 0 ? qz_none() : qz_some(map(m)->entries[pos].value);
}

static _Thread_local int lookup_found;   /* this thread's last qz_map_lookup */

qz_val qz_map_lookup(qz_val m, qz_val key)
{
    int64_t pos = find(map(m), key);
    lookup_found = pos >= 0;
    return pos < 0 ? 0 : map(m)->entries[pos].value;
}

qz_val qz_map_found(void)
{
    return lookup_found;
}

qz_val qz_map_get_or_panic(qz_val m, qz_val key)
{
    int64_t pos = find(map(m), key);
    if (pos < 0)
        rt_panic_cstr("key not found");
    return map(m)->entries[pos].value;
}

qz_val qz_map_has(qz_val m, qz_val key)
{
    return find(map(m), key) >= 0;
}

qz_val qz_map_delete(qz_val mv, qz_val key)
{
    struct qz_map *m = map(mv);
    if (m->len == 0)
        return 0;
    uint64_t slot;
    int64_t pos = lookup(m, key, hash_key(m, key), &slot);
    if (pos < 0)
        return 0;
    m->index[slot] = SLOT_TOMBSTONE;
    m->entries[pos] = (struct entry){ DEAD_HASH, 0, 0 };
    m->len--;
    return 1;
}

qz_val qz_map_size(qz_val m)
{
    return map(m)->len;
}

/* Keys (which = 0) or values (which = 1) of the live entries, in insertion order. */
static qz_val collect(const struct qz_map *m, int which)
{
    qz_val out = qz_vec_with_capacity(m->len);
    struct qz_vec *v = rt_ptr(out);
    for (int64_t pos = 0; pos < m->used; pos++) {
        const struct entry *e = &m->entries[pos];
        if (e->hash != DEAD_HASH)
            v->data[v->len++] = which ? e->value : e->key;
    }
    return out;
}

qz_val qz_map_keys(qz_val m)
{
    return collect(map(m), 0);
}

qz_val qz_map_values(qz_val m)
{
    return collect(map(m), 1);
}

/* Keeps the tables: a cleared map is usually filled again. */
void qz_map_clear(qz_val mv)
{
    struct qz_map *m = map(mv);
    m->len = m->used = 0;
    if (m->index)
        memset(m->index, 0xff, (m->mask + 1) * sizeof *m->index);
}
