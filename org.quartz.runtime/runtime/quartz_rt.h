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
 *   Float    the IEEE-754 bit pattern of a double (moved with memcpy, never a cast).
 *   enum     pointer to a block of words: word 0 is the tag, the payload follows.
 *            Option: None = tag 0, Some = tag 1 + 1 word.
 *            Result: Ok   = tag 0 + 1 word, Err = tag 1 + 1 word.
 *            A NULL enum reads as an all-zero block (so None, or Ok(0)).
 *
 * Memory
 *   Every value lives on the garbage collector's heap (bdwgc, conservative,
 *   linked statically; rt_alloc.c): qz_alloc and the runtime's allocations are
 *   reclaimed once nothing the collector scans refers to them. It scans every
 *   thread's stack and registers, the program's globals and the objects reachable
 *   from those, and recognises pointers into the middle of an object, so compiled
 *   code may keep any pointer to or into a value (or one past its end) in a
 *   register, a frame word or a global. It does not scan thread-local storage or
 *   memory from malloc. The runtime's own sanitizer test builds (QZ_NO_GC) put
 *   malloc behind the same functions and free nothing.
 *
 * Panics and exit
 *   A panic flushes stdout, writes "panic: <message>" to stderr and exits with 101;
 *   so does a stack overflow. Another SIGSEGV/SIGBUS is "fatal error: unexpected
 *   signal ..." and exit 2. stdout is line-buffered on a terminal, else fully
 *   buffered; it is flushed by qz_flush, when main returns, on qz_exit and on every
 *   abnormal end. A failed write to stdout is "fatal error: write to standard
 *   output failed: <reason>" and exit 1. qz_panic_nil(type, where) is the check the
 *   compiler puts before dereferencing a value that may be nil (two Strings).
 *   qz_at_exit(closure) registers a closure (no arguments) that runs, newest first,
 *   when quartz_main returns or on qz_exit, before the flush; not on panic. A handler
 *   that calls qz_exit sets the exit code; the remaining handlers still run once.
 *
 * Threads
 *   Functions are reentrant and thread-safe except that Vec and Map are not
 *   synchronised: concurrent mutation of one object is a data race, as in Go.
 *   Output and panics hold one runtime-wide output lock, so lines never tear.
 *
 * Tasks (stackless; see "Concurrency" below)
 *   A task is a runtime object: a header plus frame_words i64 words owned by the
 *   compiled code (arguments, values live across suspension points). Its resume
 *   function, qz_val resume(qz_val task), passed as a function address, runs the
 *   task until it finishes - it calls qz_task_finish(task, result) and returns
 *   QZ_DONE - or until an operation parks it - it saves its resume point with
 *   qz_task_set_state and returns QZ_PENDING. The resume point lives in the task
 *   header (qz_task_state, 0 at the first resume), not in the frame.
 *   Each suspending operation has a task form qz_X_begin(task, ...) and a
 *   synchronous form qz_X_sync(...). _begin returns 1 when it completed at once
 *   (the result is then in qz_task_io(task)) or 0 when the task is parked: the
 *   code must then return QZ_PENDING straight away (touching no channel or
 *   task), and on the next resume the result is in qz_task_io(task). A parked
 *   task is resumed exactly once, on some worker thread, never concurrently with
 *   itself. _sync blocks the calling thread and needs no scheduler.
 *   io word per operation: await -> the task's result; send -> Bool;
 *   recv -> the value (0 once closed and drained); recv_opt, recv_timeout ->
 *   Option; sleep, yield, mutex_lock -> 0; select -> the chosen arm index
 *   (qz_select_value: the value of a chosen recv arm, 0 for other arms or a
 *   closed channel); group_wait -> the number of tasks started in the group;
 *   group_wait_until -> 1 = all finished, 0 = the deadline passed; group_first
 *   -> the first result; tcp_accept, tcp_connect -> the descriptor or -1;
 *   io_read -> the String read; io_write -> the bytes written or -1.
 *   Tasks are created unstarted: qz_task_spawn starts one for go/spawn (it joins
 *   the running go_scope, if any), qz_task_start one outside any scope (an
 *   actor's task), qz_group_spawn one in a group.
 *   Frames: a task runs a stack of frames, each a resume function over its
 *   words; qz_task_new makes a task with its first frame, qz_task_frame,
 *   qz_task_state and qz_task_set_state reach the top one. A task form calls
 *   a waiting function with qz_call_frame(task, qz_frame_new(resume, words)):
 *   the callee runs at once, on the caller's stack; 1 = it returned (its
 *   qz_task_finish), result in io; 0 = it parked, and the caller must return
 *   QZ_PENDING at once, having saved its state before the call (it is resumed
 *   at that state once the callee returns). qz_task_from_frame makes a task
 *   whose first frame is one made by qz_frame_new (a closure's task).
 *
 * Cancellation (cooperative). A cancelled task's operation either does not
 *   start or is interrupted while parked: _begin returns 0 as if parked, and on
 *   the next resume qz_task_interrupted(task) is 1 (once). The compiled code
 *   checks it at every resume point and then runs the body's defers and
 *   finishes with the zero value; a call child's caller is interrupted in turn.
 */
#ifndef QUARTZ_RT_H
#define QUARTZ_RT_H

#include <stdint.h>

typedef int64_t qz_val;

#define QZ_NORETURN _Noreturn

/* What a task's resume function returns. */
#define QZ_PENDING 0
#define QZ_DONE 1

struct qz_string {
    int64_t len;    /* bytes, not counting the terminating NUL */
    char bytes[];   /* len bytes, then NUL */
};

/* Compiled code reads len and data directly (ObjectLayouts.VEC_LEN, VEC_DATA): the
 * bounds-checked v[i], v[i] = x and size are inlined, and only panic through
 * qz_panic_index. */
struct qz_vec {
    int64_t len;    /* elements in use */
    int64_t cap;    /* words allocated at data */
    int64_t *data;  /* may move when the Vec grows: reload it after any call */
};

/* A StrBuf. Compiled code appends a byte inline when it fits (ObjectLayouts.STRBUF_LEN,
 * STRBUF_CAP, STRBUF_BYTES: len < cap, then bytes[len++] = byte); everything else is
 * rt_builder.c's. */
struct qz_strbuf {
    int64_t len;    /* bytes in use */
    int64_t cap;    /* bytes allocated at bytes */
    char *bytes;    /* NULL while cap is 0; may move when it grows */
};

/* Memory: zeroed, never NULL. */
qz_val qz_alloc(qz_val nbytes);

/* Panics: all exit the process with code 101. */
QZ_NORETURN void qz_panic(qz_val msg);
QZ_NORETURN void qz_panic_div_zero(void);
QZ_NORETURN void qz_panic_unwrap_none(void);
QZ_NORETURN void qz_panic_unwrap_err(void);
QZ_NORETURN void qz_panic_match(void);
QZ_NORETURN void qz_panic_nil(qz_val type, qz_val where);
QZ_NORETURN void qz_panic_index(qz_val index, qz_val size);

/* Process. */
QZ_NORETURN void qz_exit(qz_val code);
void qz_at_exit(qz_val closure);
qz_val qz_args(void);

/* Output. */
void qz_puts(qz_val s);
void qz_print(qz_val s);
void qz_eputs(qz_val s);
void qz_flush(void);

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

/* Text (rt_text.c). chr: a code point as UTF-8; ord: the first code point; both
 * panic on an invalid one. Padding counts characters (code points) and takes a
 * fill of one character (else it panics). env_get gives an Option. */
qz_val qz_chr(qz_val code);
qz_val qz_ord(qz_val s);
qz_val qz_str_from_bytes(qz_val vec);
qz_val qz_str_ljust(qz_val s, qz_val width, qz_val fill);
qz_val qz_str_rjust(qz_val s, qz_val width, qz_val fill);
qz_val qz_str_center(qz_val s, qz_val width, qz_val fill);
qz_val qz_env_get(qz_val name);

/* StrBuf, the language's string builder (rt_builder.c): appends in amortised O(1);
 * to_s copies. A byte outside 0..255 panics. append_int writes an Int in decimal;
 * append_quoted writes a String in quotes with escapes, as Crystal's inspect (the
 * text of a String inside a printed Vec, struct, ...). */
qz_val qz_strbuf_new(void);
void qz_strbuf_append(qz_val b, qz_val s);
void qz_strbuf_append_byte(qz_val b, qz_val byte);
void qz_strbuf_append_int(qz_val b, qz_val i);
void qz_strbuf_append_quoted(qz_val b, qz_val s);
qz_val qz_strbuf_size(qz_val b);
qz_val qz_strbuf_to_s(qz_val b);

/* String builder for interpolation. qz_sb_finish consumes the builder. */
qz_val qz_sb_new(void);
void qz_sb_append(qz_val sb, qz_val s);
void qz_sb_append_int(qz_val sb, qz_val i);
qz_val qz_sb_finish(qz_val sb);

/* Float (rt_float.c): every Float argument and result is the IEEE-754 bit pattern
 * of a double in the word. to_s: the shortest digits that read back as the same
 * Float, plain for 1e-4 <= |x| < 1e16 ("0.1", "100.0"), else "1.0e+16", "1.0e-05";
 * "-0.0", "NaN", "Infinity", "-Infinity". format_float: %.*f rounding of the exact
 * binary value, 0 to 100 places (else a panic). str_to_float: Option<Float>, the
 * whole string [+-]digits[.digits][e[+-]digits], NaN or [+-]Infinity. to_i:
 * truncates; NaN, infinities and values outside Int panic. The rest are libm's. */
qz_val qz_float_to_s(qz_val bits);
qz_val qz_format_float(qz_val bits, qz_val digits);
qz_val qz_str_to_float(qz_val s);
qz_val qz_float_to_i(qz_val bits);
qz_val qz_float_tan(qz_val x);
qz_val qz_float_asin(qz_val x);
qz_val qz_float_acos(qz_val x);
qz_val qz_float_atan(qz_val x);
qz_val qz_float_atan2(qz_val y, qz_val x);
qz_val qz_float_hypot(qz_val x, qz_val y);

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
void qz_vec_sort_float(qz_val v);
/* Stable, by cmp: the address of a compiled `qz_val cmp(qz_val a, qz_val b)` (an impl of Ord). */
void qz_vec_sort_by(qz_val v, qz_val cmp);

/*
 * Map. keys: how keys hash and compare: QZ_KEYS_INT (Int and Bool: by value),
 * QZ_KEYS_STRING (by content), QZ_KEYS_FLOAT (by value), or the address of a
 * struct qz_key_ops the compiler emits for a user type (its impls' hash and eq).
 */
enum { QZ_KEYS_INT = 0, QZ_KEYS_STRING = 1, QZ_KEYS_FLOAT = 2 };
struct qz_key_ops {
    qz_val (*hash)(qz_val key);
    qz_val (*eq)(qz_val a, qz_val b);
};
qz_val qz_map_new(qz_val keys);
/* An empty map with m's kind of keys. */
qz_val qz_map_new_like(qz_val m);
void qz_map_set(qz_val m, qz_val k, qz_val v);
qz_val qz_map_get(qz_val m, qz_val k);
/* qz_map_lookup: k's value, or 0 when absent; qz_map_found right after it (this
 * thread's last lookup) tells which. `match map_get(...)` without an Option. */
qz_val qz_map_lookup(qz_val m, qz_val k);
qz_val qz_map_found(void);
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

/* Concurrency: tasks, the scheduler, channels, select (see "Tasks" above).
 * The first spawn starts the scheduler (QUARTZ_WORKERS workers when that
 * environment variable is a positive number, else one per CPU) unless
 * qz_sched_init(n) did (it does nothing while one runs); qz_sched_shutdown waits
 * for every spawned task, frees the scheduler, and the next spawn starts anew.
 * Channel: cap > 0 buffers exactly cap values, 0 = unbuffered, < 0 panics.
 * A promise (qz_task_new_promise) is a task without code: it is never spawned;
 * whoever holds it finishes it with qz_task_finish, and it is awaited as usual.
 * qz_recv_ok: whether the running task's last recv (in synchronous code, this
 * thread's) got a value rather than the end of a closed, drained channel.
 * select: every operand evaluated first, then qz_select_new(number of arms), one
 * qz_select_* per arm in source order (arm index = order added), then
 * qz_select_begin or qz_select_sync, then qz_select_value if a recv arm won, with
 * nothing else in between: a task's descriptor lives in its park record and a
 * thread's is reused by its next select (no allocation per select). */
qz_val qz_task_new(qz_val resume_fn, qz_val frame_words);
qz_val qz_task_new_promise(void);
qz_val qz_task_spawn(qz_val task);
qz_val qz_task_start(qz_val task);
qz_val qz_task_frame(qz_val task);
qz_val qz_task_state(qz_val task);
void qz_task_set_state(qz_val task, qz_val state);
qz_val qz_task_io(qz_val task);
void qz_task_finish(qz_val task, qz_val result);
qz_val qz_task_done(qz_val task);
qz_val qz_task_result(qz_val task);
qz_val qz_task_interrupted(qz_val task);
qz_val qz_await_begin(qz_val task, qz_val other);
qz_val qz_await_sync(qz_val other);
qz_val qz_frame_new(qz_val resume_fn, qz_val frame_words);
qz_val qz_call_frame(qz_val task, qz_val frame);
qz_val qz_task_from_frame(qz_val frame);
qz_val qz_yield_begin(qz_val task);
qz_val qz_preempt_begin(qz_val task);
void qz_yield_sync(void);
qz_val qz_sleep_begin(qz_val task, qz_val ms);
void qz_sleep_sync(qz_val ms);
void qz_sched_init(qz_val workers);
void qz_sched_shutdown(void);
qz_val qz_chan_new(qz_val cap);
void qz_chan_close(qz_val ch);
qz_val qz_chan_closed(qz_val ch);
qz_val qz_chan_len(qz_val ch);
qz_val qz_chan_cap(qz_val ch);
qz_val qz_chan_remaining(qz_val ch);
qz_val qz_chan_pressure(qz_val ch);
qz_val qz_send_begin(qz_val task, qz_val ch, qz_val v);
qz_val qz_send_sync(qz_val ch, qz_val v);
qz_val qz_recv_begin(qz_val task, qz_val ch);
qz_val qz_recv_sync(qz_val ch);
qz_val qz_recv_ok(void);
qz_val qz_recv_opt_begin(qz_val task, qz_val ch);
qz_val qz_recv_opt_sync(qz_val ch);
qz_val qz_recv_timeout_begin(qz_val task, qz_val ch, qz_val ms);
qz_val qz_recv_timeout_sync(qz_val ch, qz_val ms);
qz_val qz_try_send(qz_val ch, qz_val v);
qz_val qz_try_recv(qz_val ch);
qz_val qz_select_new(qz_val arm_count);
void qz_select_recv(qz_val sel, qz_val ch);
void qz_select_send(qz_val sel, qz_val ch, qz_val v);
void qz_select_timeout(qz_val sel, qz_val ms);
void qz_select_default(qz_val sel);
qz_val qz_select_begin(qz_val task, qz_val sel);
qz_val qz_select_sync(qz_val sel);
qz_val qz_select_value(qz_val sel);

/* Task-locals: per logical task (a call child shares its caller's); 0 when unset. */
void qz_task_local_set(qz_val key, qz_val v);
qz_val qz_task_local_get(qz_val key);

/* Task groups and go_scope. A deadline is CLOCK_MONOTONIC ns (qz_deadline_after).
 * qz_scope_enter makes the group the running task's (or main's) go_scope until
 * qz_scope_exit; go/spawn started meanwhile join it. */
qz_val qz_group_new(void);
qz_val qz_group_spawn(qz_val g, qz_val task);
void qz_group_cancel(qz_val g);
qz_val qz_group_wait_begin(qz_val task, qz_val g);
qz_val qz_group_wait_sync(qz_val g);
qz_val qz_group_wait_until_begin(qz_val task, qz_val g, qz_val deadline);
qz_val qz_group_wait_until_sync(qz_val g, qz_val deadline);
qz_val qz_group_first_begin(qz_val task, qz_val g);
qz_val qz_group_first_sync(qz_val g);
qz_val qz_deadline_after(qz_val ms);
void qz_scope_enter(qz_val g);
void qz_scope_exit(qz_val g);

/* Async mutex (FIFO hand-over) and atomics (sequentially consistent). */
qz_val qz_mutex_new(qz_val v);
qz_val qz_mutex_lock_begin(qz_val task, qz_val m);
void qz_mutex_lock_sync(qz_val m);
void qz_mutex_unlock(qz_val m);
qz_val qz_mutex_try_lock(qz_val m);
qz_val qz_mutex_get(qz_val m);
void qz_mutex_set(qz_val m, qz_val v);
qz_val qz_atomic_new(qz_val v);
qz_val qz_atomic_load(qz_val a);
void qz_atomic_store(qz_val a, qz_val v);
qz_val qz_atomic_add(qz_val a, qz_val delta);
qz_val qz_atomic_cas(qz_val a, qz_val expected, qz_val desired);

/* TCP and descriptor I/O (rt_net.c). Descriptors are Ints; sockets are made
 * non-blocking. A task waiting for one is parked on the poller, not its worker.
 * System failures are results (-1; io_read: ""), bad arguments panic. */
qz_val qz_tcp_listen(qz_val port);
qz_val qz_tcp_port(qz_val fd);
qz_val qz_tcp_accept_begin(qz_val task, qz_val fd);
qz_val qz_tcp_accept_sync(qz_val fd);
qz_val qz_tcp_connect_begin(qz_val task, qz_val host, qz_val port);
qz_val qz_tcp_connect_sync(qz_val host, qz_val port);
qz_val qz_io_read_begin(qz_val task, qz_val fd, qz_val max);
qz_val qz_io_read_sync(qz_val fd, qz_val max);
qz_val qz_io_write_begin(qz_val task, qz_val fd, qz_val s);
qz_val qz_io_write_sync(qz_val fd, qz_val s);
void qz_io_close(qz_val fd);

/* Files and standard input (rt_file.c): waiting operations whose task forms run
 * the blocking system calls on the blocking pool (rt_blocking.c) while the task
 * is parked. Failures are Err("<syscall> <path>: <reason>"). io word: file_read
 * -> Result<String, String>; file_write, file_append -> Result<Int, String> (bytes
 * written); file_exists -> Bool; file_delete -> Result<Bool, String> (Ok(0): no
 * such file); dir_list -> Result<Vec<String>, String> (sorted, without . and ..);
 * read_line -> Option<String> (without its \n or \r\n; None at the end of input);
 * read_all -> String. */
qz_val qz_file_read_begin(qz_val task, qz_val path);
qz_val qz_file_read_sync(qz_val path);
qz_val qz_file_write_begin(qz_val task, qz_val path, qz_val s);
qz_val qz_file_write_sync(qz_val path, qz_val s);
qz_val qz_file_append_begin(qz_val task, qz_val path, qz_val s);
qz_val qz_file_append_sync(qz_val path, qz_val s);
qz_val qz_file_exists_begin(qz_val task, qz_val path);
qz_val qz_file_exists_sync(qz_val path);
qz_val qz_file_delete_begin(qz_val task, qz_val path);
qz_val qz_file_delete_sync(qz_val path);
qz_val qz_dir_list_begin(qz_val task, qz_val path);
qz_val qz_dir_list_sync(qz_val path);
qz_val qz_read_line_begin(qz_val task);
qz_val qz_read_line_sync(void);
qz_val qz_read_all_begin(qz_val task);
qz_val qz_read_all_sync(void);

#endif
