/*
 * rt_internal.h - what the runtime's files share with each other. None of it is
 * part of the compiler interface (that is quartz_rt.h).
 *
 * Every runtime file includes this header before anything else, because it picks
 * the glibc feature set (memmem, writev, flockfile, fwrite_unlocked) and that must
 * happen before the first system header.
 */
#ifndef QZ_RT_INTERNAL_H
#define QZ_RT_INTERNAL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#include "quartz_rt.h"

/* The program's main, emitted by the compiler; the runtime's C main calls it. */
extern qz_val quartz_main(void);

/* Values are words; these are the only casts between words and pointers. */
static inline void *rt_ptr(qz_val v) { return (void *)(intptr_t)v; }
static inline qz_val rt_val(const void *p) { return (qz_val)(intptr_t)p; }

/* rt_alloc.c: allocation never returns NULL; it panics instead. */
void *rt_alloc(size_t n);               /* zeroed */
void *rt_alloc_raw(size_t n);           /* uninitialised: the caller writes every byte */
void *rt_realloc(void *p, size_t n);
void rt_free(void *p);                  /* runtime scratch only, never a Quartz value */
size_t rt_words(int64_t n);             /* n * 8 bytes; panics if n < 0 or too large */

/* rt_panic.c */
QZ_NORETURN void rt_panic_msg(const char *msg, size_t len);
QZ_NORETURN void rt_panic_cstr(const char *msg);
QZ_NORETURN void rt_panic_index(int64_t index, int64_t size);
QZ_NORETURN void rt_panic_oom(void);

/* rt_io.c */
void rt_io_init(void);
void rt_write_fd(int fd, struct iovec *iov, int n);

/* rt_string.c. A NULL String reads as "". */
static inline int64_t rt_str_len(const struct qz_string *s) { return s ? s->len : 0; }
static inline const char *rt_str_bytes(const struct qz_string *s) { return s ? s->bytes : ""; }
struct qz_string *rt_str_new(int64_t len);      /* bytes uninitialised, NUL in place */
qz_val rt_str_from(const char *bytes, int64_t len);
int rt_str_equal(const struct qz_string *a, const struct qz_string *b);
int rt_str_compare(const struct qz_string *a, const struct qz_string *b);
uint64_t rt_hash_bytes(const char *p, int64_t len);
uint64_t rt_hash_int(int64_t v);
int rt_int_len(int64_t v);                      /* characters in v's decimal form */
void rt_int_write(char *dst, int64_t v, int len);   /* writes exactly len = rt_int_len(v) */

#endif
