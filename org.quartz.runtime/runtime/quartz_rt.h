/*
 * quartz_rt.h - the Quartz native runtime, as the compiled program sees it.
 *
 * This header is the runtime half of the compiler-runtime interface. Its compiler
 * half is the Java class org.quartz.codegen.RuntimeAbi, which emits the matching
 * LLVM declarations; a test checks that the two agree, so change them together.
 *
 * Calling convention
 *   Every Quartz value is one 64-bit word, qz_val. Every parameter and every result
 *   crossing this interface is a qz_val (pointers travel as qz_val and are cast
 *   inside); a function with no result returns void. Bool is 0 or 1. Each function
 *   is declared on one line of its own, with nothing else on that line.
 *
 * Values
 *   String   pointer to struct qz_string (below); the bytes are NUL-terminated and
 *            never change. NULL is the empty string (it is the zero value) and every
 *            function accepts it. A String the runtime makes is never NULL (one read
 *            back from a Vec or Map is whatever was stored). Results may share
 *            storage with arguments or be read-only: never write to a String.
 *   Vec      pointer to struct qz_vec (below).
 *   Map      opaque pointer; Int or String keys, iterated in insertion order.
 *   enum     pointer to a block of words: word 0 is the tag, the payload follows.
 *            Option: None = tag 0, Some = tag 1 + 1 word.
 *            Result: Ok   = tag 0 + 1 word, Err = tag 1 + 1 word.
 *            A NULL enum reads as an all-zero block (so None, or Ok(0)).
 *
 * Memory
 *   There is no garbage collector yet: nothing a program allocates is ever freed.
 *   The runtime frees only its own scratch memory that no value can point to (a
 *   Vec's old storage when it grows, a Map's tables, a finished string builder).
 *
 * Panics and exit
 *   A panic flushes stdout, writes "panic: <message>" to stderr and exits with 101.
 *   stdout is fully buffered and flushed when main returns, on qz_exit and on panic.
 *
 * Threads
 *   Functions keep no hidden state and are reentrant. Vec and Map are not
 *   synchronised: concurrent mutation of one object is a data race, as in Go.
 *   The output functions hold the stdio stream lock while writing one line, but
 *   flushing stdout before writing to stderr (qz_eputs, panics) is two steps: once
 *   the M:N scheduler runs tasks on worker threads, the output functions will need
 *   a runtime-wide output lock around them.
 */
#ifndef QUARTZ_RT_H
#define QUARTZ_RT_H

#include <stdint.h>

typedef int64_t qz_val;

#define QZ_NORETURN _Noreturn

struct qz_string {
    int64_t len;    /* bytes, not counting the terminating NUL */
    char bytes[];   /* len bytes, then NUL */
};

struct qz_vec {
    int64_t len;    /* elements in use */
    int64_t cap;    /* words allocated at data */
    int64_t *data;  /* may move when the Vec grows: reload it after any call */
};

/* Memory: zeroed, never NULL. */
qz_val qz_alloc(qz_val nbytes);

/* Panics: all exit the process with code 101. */
QZ_NORETURN void qz_panic(qz_val msg);
QZ_NORETURN void qz_panic_div_zero(void);
QZ_NORETURN void qz_panic_unwrap_none(void);
QZ_NORETURN void qz_panic_unwrap_err(void);
QZ_NORETURN void qz_panic_match(void);

/* Process. */
QZ_NORETURN void qz_exit(qz_val code);
qz_val qz_args(void);

/* Output. */
void qz_puts(qz_val s);
void qz_print(qz_val s);
void qz_eputs(qz_val s);

/* Strings. Indices and sizes count bytes. */
qz_val qz_int_to_s(qz_val i);
qz_val qz_bool_to_s(qz_val b);
qz_val qz_str_concat(qz_val a, qz_val b);
qz_val qz_str_eq(qz_val a, qz_val b);
qz_val qz_str_cmp(qz_val a, qz_val b);
qz_val qz_str_size(qz_val s);
qz_val qz_str_slice(qz_val s, qz_val from, qz_val to);
qz_val qz_str_find(qz_val s, qz_val sub);
qz_val qz_str_to_int(qz_val s);
qz_val qz_str_split(qz_val s, qz_val sep);
qz_val qz_str_chars(qz_val s);
qz_val qz_str_contains(qz_val s, qz_val sub);
qz_val qz_str_starts_with(qz_val s, qz_val prefix);
qz_val qz_str_ends_with(qz_val s, qz_val suffix);
qz_val qz_str_trim(qz_val s);
qz_val qz_str_upcase(qz_val s);
qz_val qz_str_downcase(qz_val s);
qz_val qz_str_repeat(qz_val s, qz_val n);
qz_val qz_str_byte_at(qz_val s, qz_val i);
qz_val qz_str_join(qz_val vec, qz_val sep);
qz_val qz_str_hash(qz_val s);

/* String builder for interpolation. qz_sb_finish consumes the builder. */
qz_val qz_sb_new(void);
void qz_sb_append(qz_val sb, qz_val s);
void qz_sb_append_int(qz_val sb, qz_val i);
qz_val qz_sb_finish(qz_val sb);

/* Vec. Out-of-range indices panic. */
qz_val qz_vec_new(void);
qz_val qz_vec_with_capacity(qz_val n);
void qz_vec_push(qz_val v, qz_val x);
qz_val qz_vec_pop(qz_val v);
qz_val qz_vec_get(qz_val v, qz_val i);
void qz_vec_set(qz_val v, qz_val i, qz_val x);
qz_val qz_vec_size(qz_val v);
void qz_vec_clear(qz_val v);
void qz_vec_insert(qz_val v, qz_val i, qz_val x);
qz_val qz_vec_remove(qz_val v, qz_val i);
qz_val qz_vec_contains_int(qz_val v, qz_val x);
qz_val qz_vec_contains_str(qz_val v, qz_val s);
qz_val qz_vec_slice(qz_val v, qz_val from, qz_val to);
void qz_vec_reverse(qz_val v);
void qz_vec_sort_int(qz_val v);
void qz_vec_sort_str(qz_val v);

/* Map. string_keys: 1 = String keys, 0 = Int keys. */
qz_val qz_map_new(qz_val string_keys);
void qz_map_set(qz_val m, qz_val k, qz_val v);
qz_val qz_map_get(qz_val m, qz_val k);
qz_val qz_map_get_or_panic(qz_val m, qz_val k);
qz_val qz_map_has(qz_val m, qz_val k);
qz_val qz_map_delete(qz_val m, qz_val k);
qz_val qz_map_size(qz_val m);
qz_val qz_map_keys(qz_val m);
qz_val qz_map_values(qz_val m);
void qz_map_clear(qz_val m);

/* Option and Result. qz_unwrap, qz_unwrap_or and qz_is_some take an Option;
 * qz_unwrap_result and qz_is_ok take a Result (the tags differ). */
qz_val qz_some(qz_val v);
qz_val qz_none(void);
qz_val qz_ok(qz_val v);
qz_val qz_err(qz_val v);
qz_val qz_unwrap(qz_val o);
qz_val qz_unwrap_result(qz_val r);
qz_val qz_unwrap_or(qz_val o, qz_val dflt);
qz_val qz_is_some(qz_val o);
qz_val qz_is_ok(qz_val r);

/* Monotonic clock. */
qz_val qz_time_now_ms(void);
qz_val qz_time_now_ns(void);

#endif
