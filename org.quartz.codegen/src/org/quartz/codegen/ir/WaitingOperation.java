package org.quartz.codegen.ir;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operation that can wait, in one table: what the language calls it (a prelude built-in,
 * or the constructs that lower to it), its blocking runtime form for synchronous code, its task
 * form for code running as a task, and whether it gives a result. The lowerers emit an
 * {@link Instr.Wait} naming the operation; which functions may wait is derived from those
 * (FindWaitingFunctions), BuildAsyncStateMachine turns each into its task form, and the LLVM
 * printer prints the blocking form. Adding a waiting operation is one line here (and its two
 * runtime functions in RuntimeAbi and quartz_rt.h).
 *
 * The task form takes the task, then the blocking form's arguments; it returns 1 when the
 * operation completed at once and 0 when it parked the task; either way the result is then in
 * the task's io word (quartz_rt.h).
 */
public enum WaitingOperation {

	/** `await t`. */
	AWAIT(null, "qz_await_sync", "qz_await_begin", true),
	/** `send(ch, v)`, `ch.send(v)`, a message to an actor (its mailbox is bounded). */
	SEND("channel_send", "qz_send_sync", "qz_send_begin", true),
	/** `recv(ch)`, `ch.recv`, an actor's loop taking the next message. */
	RECV("channel_recv", "qz_recv_sync", "qz_recv_begin", true),
	/** `recv_opt(ch)`, each step of `for v in ch`. */
	RECV_OPT("recv_opt", "qz_recv_opt_sync", "qz_recv_opt_begin", true),
	RECV_TIMEOUT("recv_timeout", "qz_recv_timeout_sync", "qz_recv_timeout_begin", true),
	SLEEP("sched_sleep", "qz_sleep_sync", "qz_sleep_begin", false),
	YIELD("sched_yield", "qz_yield_sync", "qz_yield_begin", false),
	/** `select`. */
	SELECT(null, "qz_select_sync", "qz_select_begin", true),
	MUTEX_LOCK("mutex_lock", "qz_mutex_lock_sync", "qz_mutex_lock_begin", false),
	/** `task_group_wait(g)`, the end of `go_scope`. */
	GROUP_WAIT("task_group_wait", "qz_group_wait_sync", "qz_group_wait_begin", true),
	/** The end of `go_scope_timeout`. */
	GROUP_WAIT_UNTIL(null, "qz_group_wait_until_sync", "qz_group_wait_until_begin", true),
	/** `go_race`. */
	GROUP_FIRST(null, "qz_group_first_sync", "qz_group_first_begin", true),
	TCP_ACCEPT("tcp_accept", "qz_tcp_accept_sync", "qz_tcp_accept_begin", true),
	TCP_CONNECT("tcp_connect", "qz_tcp_connect_sync", "qz_tcp_connect_begin", true),
	IO_READ("io_read", "qz_io_read_sync", "qz_io_read_begin", true),
	IO_WRITE("io_write", "qz_io_write_sync", "qz_io_write_begin", true),
	/** Standard input and files: blocking calls, made on the blocking pool for a task. */
	READ_LINE("read_line", "qz_read_line_sync", "qz_read_line_begin", true),
	READ_ALL("read_all", "qz_read_all_sync", "qz_read_all_begin", true),
	FILE_READ("file_read", "qz_file_read_sync", "qz_file_read_begin", true),
	FILE_WRITE("file_write", "qz_file_write_sync", "qz_file_write_begin", true),
	FILE_APPEND("file_append", "qz_file_append_sync", "qz_file_append_begin", true),
	FILE_EXISTS("file_exists?", "qz_file_exists_sync", "qz_file_exists_begin", true),
	FILE_DELETE("file_delete", "qz_file_delete_sync", "qz_file_delete_begin", true),
	DIR_LIST("dir_list", "qz_dir_list_sync", "qz_dir_list_begin", true);

	private static final Map<String, WaitingOperation> BY_BUILTIN = Arrays.stream(values())
			.filter(op -> op.builtin != null).collect(Collectors.toMap(op -> op.builtin, Function.identity()));

	private final String builtin;
	private final String blockingForm;
	private final String taskForm;
	private final boolean hasResult;

	WaitingOperation(String builtin, String blockingForm, String taskForm, boolean hasResult) {
		this.builtin = builtin;
		this.blockingForm = blockingForm;
		this.taskForm = taskForm;
		this.hasResult = hasResult;
	}

	/** The prelude built-in that is exactly this operation, if any. */
	public Optional<String> builtin() {
		return Optional.ofNullable(builtin);
	}

	/** The runtime function that blocks the calling thread (synchronous code). */
	public String blockingForm() {
		return blockingForm;
	}

	/** The runtime function that starts the operation for a task, parking it if it must wait. */
	public String taskForm() {
		return taskForm;
	}

	/** Whether the operation gives a value (the blocking form's result, the task's io word). */
	public boolean hasResult() {
		return hasResult;
	}

	/** The operation a built-in of the prelude is, if it is one. */
	public static Optional<WaitingOperation> ofBuiltin(String name) {
		return Optional.ofNullable(BY_BUILTIN.get(name));
	}
}
