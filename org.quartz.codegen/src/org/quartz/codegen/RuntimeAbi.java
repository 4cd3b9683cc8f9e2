package org.quartz.codegen;

import static org.quartz.codegen.RuntimeAbi.Result.NORETURN;
import static org.quartz.codegen.RuntimeAbi.Result.VALUE;
import static org.quartz.codegen.RuntimeAbi.Result.VOID;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiler half of the compiler–runtime interface: every runtime function the generated
 * IR may call, with its arity and whether it returns a value. The runtime half is
 * org.quartz.runtime/runtime/quartz_rt.h; RuntimeAbiTest checks that the two agree.
 * All parameters and results are i64 words.
 */
public final class RuntimeAbi {

	/** What a runtime function gives back. */
	public enum Result {
		VALUE, VOID, NORETURN
	}

	public record Function(String name, int arity, Result result) {
	}

	/** The generated program's entry point, which the runtime's C main calls. */
	public static final String ENTRY_POINT = "quartz_main";
	/** qz_map_new's key kinds (QZ_KEYS_* in quartz_rt.h); any other value is the address of a struct qz_key_ops. */
	public static final long KEYS_INT = 0, KEYS_STRING = 1, KEYS_FLOAT = 2;

	private static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();

	static {
		fn("qz_alloc", 1, VALUE);
		fn("qz_panic", 1, NORETURN);
		fn("qz_panic_div_zero", 0, NORETURN);
		fn("qz_panic_unwrap_none", 0, NORETURN);
		fn("qz_panic_unwrap_err", 0, NORETURN);
		fn("qz_panic_match", 0, NORETURN);
		fn("qz_panic_nil", 2, NORETURN);
		fn("qz_panic_index", 2, NORETURN);
		fn("qz_exit", 1, NORETURN);
		fn("qz_at_exit", 1, VOID);
		fn("qz_args", 0, VALUE);
		fn("qz_puts", 1, VOID);
		fn("qz_print", 1, VOID);
		fn("qz_eputs", 1, VOID);
		fn("qz_flush", 0, VOID);
		fn("qz_int_to_s", 1, VALUE);
		fn("qz_bool_to_s", 1, VALUE);
		fn("qz_str_concat", 2, VALUE);
		fn("qz_str_eq", 2, VALUE);
		fn("qz_str_cmp", 2, VALUE);
		fn("qz_str_size", 1, VALUE);
		fn("qz_str_slice", 3, VALUE);
		fn("qz_str_find", 2, VALUE);
		fn("qz_str_to_int", 1, VALUE);
		fn("qz_str_split", 2, VALUE);
		fn("qz_str_chars", 1, VALUE);
		fn("qz_str_contains", 2, VALUE);
		fn("qz_str_starts_with", 2, VALUE);
		fn("qz_str_ends_with", 2, VALUE);
		fn("qz_str_trim", 1, VALUE);
		fn("qz_str_upcase", 1, VALUE);
		fn("qz_str_downcase", 1, VALUE);
		fn("qz_str_repeat", 2, VALUE);
		fn("qz_str_byte_at", 2, VALUE);
		fn("qz_str_join", 2, VALUE);
		fn("qz_str_hash", 1, VALUE);
		fn("qz_chr", 1, VALUE);
		fn("qz_ord", 1, VALUE);
		fn("qz_str_from_bytes", 1, VALUE);
		fn("qz_str_ljust", 3, VALUE);
		fn("qz_str_rjust", 3, VALUE);
		fn("qz_str_center", 3, VALUE);
		fn("qz_env_get", 1, VALUE);
		fn("qz_strbuf_new", 0, VALUE);
		fn("qz_strbuf_append", 2, VOID);
		fn("qz_strbuf_append_byte", 2, VOID);
		fn("qz_strbuf_append_int", 2, VOID);
		fn("qz_strbuf_append_quoted", 2, VOID);
		fn("qz_strbuf_size", 1, VALUE);
		fn("qz_strbuf_to_s", 1, VALUE);
		fn("qz_sb_new", 0, VALUE);
		fn("qz_sb_append", 2, VOID);
		fn("qz_sb_append_int", 2, VOID);
		fn("qz_sb_finish", 1, VALUE);
		fn("qz_float_to_s", 1, VALUE);
		fn("qz_format_float", 2, VALUE);
		fn("qz_str_to_float", 1, VALUE);
		fn("qz_float_to_i", 1, VALUE);
		fn("qz_float_tan", 1, VALUE);
		fn("qz_float_asin", 1, VALUE);
		fn("qz_float_acos", 1, VALUE);
		fn("qz_float_atan", 1, VALUE);
		fn("qz_float_atan2", 2, VALUE);
		fn("qz_float_hypot", 2, VALUE);
		fn("qz_vec_new", 0, VALUE);
		fn("qz_vec_with_capacity", 1, VALUE);
		fn("qz_vec_push", 2, VOID);
		fn("qz_vec_pop", 1, VALUE);
		fn("qz_vec_get", 2, VALUE);
		fn("qz_vec_set", 3, VOID);
		fn("qz_vec_size", 1, VALUE);
		fn("qz_vec_clear", 1, VOID);
		fn("qz_vec_insert", 3, VOID);
		fn("qz_vec_remove", 2, VALUE);
		fn("qz_vec_contains_int", 2, VALUE);
		fn("qz_vec_contains_str", 2, VALUE);
		fn("qz_vec_slice", 3, VALUE);
		fn("qz_vec_reverse", 1, VOID);
		fn("qz_vec_sort_int", 1, VOID);
		fn("qz_vec_sort_str", 1, VOID);
		fn("qz_vec_sort_float", 1, VOID);
		fn("qz_vec_sort_by", 2, VOID);
		fn("qz_map_new", 1, VALUE);
		fn("qz_map_new_like", 1, VALUE);
		fn("qz_map_set", 3, VOID);
		fn("qz_map_get", 2, VALUE);
		fn("qz_map_lookup", 2, VALUE);
		fn("qz_map_found", 0, VALUE);
		fn("qz_map_get_or_panic", 2, VALUE);
		fn("qz_map_has", 2, VALUE);
		fn("qz_map_delete", 2, VALUE);
		fn("qz_map_size", 1, VALUE);
		fn("qz_map_keys", 1, VALUE);
		fn("qz_map_values", 1, VALUE);
		fn("qz_map_clear", 1, VOID);
		fn("qz_some", 1, VALUE);
		fn("qz_none", 0, VALUE);
		fn("qz_ok", 1, VALUE);
		fn("qz_err", 1, VALUE);
		fn("qz_unwrap", 1, VALUE);
		fn("qz_unwrap_result", 1, VALUE);
		fn("qz_unwrap_or", 2, VALUE);
		fn("qz_is_some", 1, VALUE);
		fn("qz_is_ok", 1, VALUE);
		fn("qz_time_now_ms", 0, VALUE);
		fn("qz_time_now_ns", 0, VALUE);
		fn("qz_task_new", 2, VALUE);
		fn("qz_task_new_promise", 0, VALUE);
		fn("qz_task_spawn", 1, VALUE);
		fn("qz_task_start", 1, VALUE);
		fn("qz_task_frame", 1, VALUE);
		fn("qz_task_state", 1, VALUE);
		fn("qz_task_set_state", 2, VOID);
		fn("qz_task_io", 1, VALUE);
		fn("qz_task_finish", 2, VOID);
		fn("qz_task_done", 1, VALUE);
		fn("qz_task_result", 1, VALUE);
		fn("qz_task_interrupted", 1, VALUE);
		fn("qz_await_begin", 2, VALUE);
		fn("qz_await_sync", 1, VALUE);
		fn("qz_frame_new", 2, VALUE);
		fn("qz_call_frame", 2, VALUE);
		fn("qz_task_from_frame", 1, VALUE);
		fn("qz_yield_begin", 1, VALUE);
		fn("qz_preempt_begin", 1, VALUE);
		fn("qz_yield_sync", 0, VOID);
		fn("qz_sleep_begin", 2, VALUE);
		fn("qz_sleep_sync", 1, VOID);
		fn("qz_sched_init", 1, VOID);
		fn("qz_sched_shutdown", 0, VOID);
		fn("qz_chan_new", 1, VALUE);
		fn("qz_chan_close", 1, VOID);
		fn("qz_chan_closed", 1, VALUE);
		fn("qz_chan_len", 1, VALUE);
		fn("qz_chan_cap", 1, VALUE);
		fn("qz_chan_remaining", 1, VALUE);
		fn("qz_chan_pressure", 1, VALUE);
		fn("qz_send_begin", 3, VALUE);
		fn("qz_send_sync", 2, VALUE);
		fn("qz_recv_begin", 2, VALUE);
		fn("qz_recv_sync", 1, VALUE);
		fn("qz_recv_ok", 0, VALUE);
		fn("qz_recv_opt_begin", 2, VALUE);
		fn("qz_recv_opt_sync", 1, VALUE);
		fn("qz_recv_timeout_begin", 3, VALUE);
		fn("qz_recv_timeout_sync", 2, VALUE);
		fn("qz_try_send", 2, VALUE);
		fn("qz_try_recv", 1, VALUE);
		fn("qz_select_new", 1, VALUE);
		fn("qz_select_recv", 2, VOID);
		fn("qz_select_send", 3, VOID);
		fn("qz_select_timeout", 2, VOID);
		fn("qz_select_default", 1, VOID);
		fn("qz_select_begin", 2, VALUE);
		fn("qz_select_sync", 1, VALUE);
		fn("qz_select_value", 1, VALUE);
		fn("qz_task_local_set", 2, VOID);
		fn("qz_task_local_get", 1, VALUE);
		fn("qz_group_new", 0, VALUE);
		fn("qz_group_spawn", 2, VALUE);
		fn("qz_group_cancel", 1, VOID);
		fn("qz_group_wait_begin", 2, VALUE);
		fn("qz_group_wait_sync", 1, VALUE);
		fn("qz_group_wait_until_begin", 3, VALUE);
		fn("qz_group_wait_until_sync", 2, VALUE);
		fn("qz_group_first_begin", 2, VALUE);
		fn("qz_group_first_sync", 1, VALUE);
		fn("qz_deadline_after", 1, VALUE);
		fn("qz_scope_enter", 1, VOID);
		fn("qz_scope_exit", 1, VOID);
		fn("qz_mutex_new", 1, VALUE);
		fn("qz_mutex_lock_begin", 2, VALUE);
		fn("qz_mutex_lock_sync", 1, VOID);
		fn("qz_mutex_unlock", 1, VOID);
		fn("qz_mutex_try_lock", 1, VALUE);
		fn("qz_mutex_get", 1, VALUE);
		fn("qz_mutex_set", 2, VOID);
		fn("qz_atomic_new", 1, VALUE);
		fn("qz_atomic_load", 1, VALUE);
		fn("qz_atomic_store", 2, VOID);
		fn("qz_atomic_add", 2, VALUE);
		fn("qz_atomic_cas", 3, VALUE);
		fn("qz_tcp_listen", 1, VALUE);
		fn("qz_tcp_port", 1, VALUE);
		fn("qz_tcp_accept_begin", 2, VALUE);
		fn("qz_tcp_accept_sync", 1, VALUE);
		fn("qz_tcp_connect_begin", 3, VALUE);
		fn("qz_tcp_connect_sync", 2, VALUE);
		fn("qz_io_read_begin", 3, VALUE);
		fn("qz_io_read_sync", 2, VALUE);
		fn("qz_io_write_begin", 3, VALUE);
		fn("qz_io_write_sync", 2, VALUE);
		fn("qz_io_close", 1, VOID);
		fn("qz_file_read_begin", 2, VALUE);
		fn("qz_file_read_sync", 1, VALUE);
		fn("qz_file_write_begin", 3, VALUE);
		fn("qz_file_write_sync", 2, VALUE);
		fn("qz_file_append_begin", 3, VALUE);
		fn("qz_file_append_sync", 2, VALUE);
		fn("qz_file_exists_begin", 2, VALUE);
		fn("qz_file_exists_sync", 1, VALUE);
		fn("qz_file_delete_begin", 2, VALUE);
		fn("qz_file_delete_sync", 1, VALUE);
		fn("qz_dir_list_begin", 2, VALUE);
		fn("qz_dir_list_sync", 1, VALUE);
		fn("qz_read_line_begin", 1, VALUE);
		fn("qz_read_line_sync", 0, VALUE);
		fn("qz_read_all_begin", 1, VALUE);
		fn("qz_read_all_sync", 0, VALUE);
	}

	private RuntimeAbi() {
	}

	private static void fn(String name, int arity, Result result) {
		FUNCTIONS.put(name, new Function(name, arity, result));
	}

	/** The runtime function of that name; fails loudly for a name the runtime does not have. */
	public static Function get(String name) {
		Function function = FUNCTIONS.get(name);
		if (function == null) {
			throw new IllegalStateException("not a runtime function: " + name);
		}
		return function;
	}

	public static boolean isRuntimeFunction(String name) {
		return FUNCTIONS.containsKey(name);
	}

	public static Collection<Function> all() {
		return Collections.unmodifiableCollection(FUNCTIONS.values());
	}
}
