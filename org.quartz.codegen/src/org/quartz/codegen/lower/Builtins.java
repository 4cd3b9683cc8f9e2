package org.quartz.codegen.lower;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.quartz.codegen.RuntimeAbi;
import org.quartz.codegen.ir.FloatOperation;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.IndexExpression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;

/**
 * Lowers calls of the prelude's `extern "builtin"` functions to runtime calls (see
 * RuntimeAbi) or inline IR. Most map one to one onto a runtime function, the waiting ones onto
 * an {@link org.quartz.codegen.ir.Instr.Wait} of their {@link WaitingOperation}; the rest depend on an argument's type (to_s, unwrap on Option
 * or Result, Int or String keys and elements) or start a task (spawn).
 */
final class Builtins {

	/** Built-ins that are exactly one runtime function with the same arguments. */
	private static final Map<String, String> DIRECT = Map.ofEntries(
			Map.entry("puts", "qz_puts"), Map.entry("print", "qz_print"), Map.entry("eputs", "qz_eputs"),
			Map.entry("flush", "qz_flush"),
			Map.entry("panic", "qz_panic"), Map.entry("exit", "qz_exit"), Map.entry("at_exit", "qz_at_exit"), Map.entry("args", "qz_args"),
			Map.entry("time_now_ms", "qz_time_now_ms"), Map.entry("time_now_ns", "qz_time_now_ns"),
			Map.entry("str_size", "qz_str_size"), Map.entry("str_slice", "qz_str_slice"),
			Map.entry("str_find", "qz_str_find"), Map.entry("str_to_int", "qz_str_to_int"),
			Map.entry("str_split", "qz_str_split"), Map.entry("str_chars", "qz_str_chars"),
			Map.entry("str_contains?", "qz_str_contains"), Map.entry("str_starts_with?", "qz_str_starts_with"),
			Map.entry("str_ends_with?", "qz_str_ends_with"), Map.entry("str_trim", "qz_str_trim"),
			Map.entry("str_upcase", "qz_str_upcase"), Map.entry("str_downcase", "qz_str_downcase"),
			Map.entry("str_repeat", "qz_str_repeat"),
			Map.entry("str_join", "qz_str_join"), Map.entry("vec_new", "qz_vec_new"),
			Map.entry("vec_push", "qz_vec_push"), Map.entry("vec_pop", "qz_vec_pop"),
			Map.entry("vec_clear", "qz_vec_clear"),
			Map.entry("vec_insert", "qz_vec_insert"), Map.entry("vec_remove", "qz_vec_remove"),
			Map.entry("vec_slice", "qz_vec_slice"), Map.entry("vec_reverse", "qz_vec_reverse"),
			Map.entry("map_set", "qz_map_set"), Map.entry("map_get", "qz_map_get"),
			Map.entry("map_has?", "qz_map_has"), Map.entry("map_delete", "qz_map_delete"),
			Map.entry("map_size", "qz_map_size"), Map.entry("map_keys", "qz_map_keys"),
			Map.entry("map_values", "qz_map_values"), Map.entry("map_clear", "qz_map_clear"),
			Map.entry("is_some?", "qz_is_some"), Map.entry("is_ok?", "qz_is_ok"),
			Map.entry("task_done?", "qz_task_done"), Map.entry("sched_init", "qz_sched_init"),
			Map.entry("sched_shutdown", "qz_sched_shutdown"), Map.entry("channel_new", "qz_chan_new"),
			Map.entry("try_send", "qz_try_send"), Map.entry("try_recv", "qz_try_recv"),
			Map.entry("channel_close", "qz_chan_close"), Map.entry("channel_closed?", "qz_chan_closed"),
			Map.entry("channel_len", "qz_chan_len"), Map.entry("channel_cap", "qz_chan_cap"),
			Map.entry("channel_remaining", "qz_chan_remaining"), Map.entry("channel_pressure", "qz_chan_pressure"),
			Map.entry("task_local_set", "qz_task_local_set"), Map.entry("task_local_get", "qz_task_local_get"),
			Map.entry("mutex_new", "qz_mutex_new"), Map.entry("mutex_unlock", "qz_mutex_unlock"), Map.entry("mutex_try_lock", "qz_mutex_try_lock"),
			Map.entry("mutex_get", "qz_mutex_get"), Map.entry("mutex_set", "qz_mutex_set"),
			Map.entry("atomic_new", "qz_atomic_new"), Map.entry("atomic_load", "qz_atomic_load"),
			Map.entry("atomic_store", "qz_atomic_store"), Map.entry("atomic_add", "qz_atomic_add"),
			Map.entry("atomic_cas", "qz_atomic_cas"), Map.entry("task_group_new", "qz_group_new"),
			Map.entry("task_group_cancel", "qz_group_cancel"),
			Map.entry("tcp_listen", "qz_tcp_listen"), Map.entry("tcp_port", "qz_tcp_port"),
			Map.entry("io_close", "qz_io_close"),
			Map.entry("to_i", "qz_float_to_i"), Map.entry("format_float", "qz_format_float"),
			Map.entry("str_to_float", "qz_str_to_float"), Map.entry("tan", "qz_float_tan"),
			Map.entry("asin", "qz_float_asin"), Map.entry("acos", "qz_float_acos"), Map.entry("atan", "qz_float_atan"),
			Map.entry("atan2", "qz_float_atan2"), Map.entry("hypot", "qz_float_hypot"),
			Map.entry("str_ljust", "qz_str_ljust"), Map.entry("str_rjust", "qz_str_rjust"),
			Map.entry("str_center", "qz_str_center"), Map.entry("chr", "qz_chr"), Map.entry("ord", "qz_ord"),
			Map.entry("str_from_bytes", "qz_str_from_bytes"), Map.entry("env_get", "qz_env_get"),
			Map.entry("strbuf_new", "qz_strbuf_new"), Map.entry("strbuf_append", "qz_strbuf_append"),
			Map.entry("strbuf_size", "qz_strbuf_size"),
			Map.entry("strbuf_to_s", "qz_strbuf_to_s"));

	/** Float built-ins that are one LLVM operation, inlined. */
	private static final Map<String, FloatOperation> FLOAT_OPERATIONS = Map.ofEntries(
			Map.entry("to_f", FloatOperation.FROM_INT), Map.entry("sqrt", FloatOperation.SQRT),
			Map.entry("floor", FloatOperation.FLOOR), Map.entry("ceil", FloatOperation.CEIL),
			Map.entry("round", FloatOperation.ROUND), Map.entry("trunc", FloatOperation.TRUNC),
			Map.entry("sin", FloatOperation.SIN), Map.entry("cos", FloatOperation.COS), Map.entry("exp", FloatOperation.EXP),
			Map.entry("log", FloatOperation.LOG), Map.entry("log2", FloatOperation.LOG2),
			Map.entry("log10", FloatOperation.LOG10), Map.entry("pow", FloatOperation.POW));

	private final ProgramLowering program;
	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;
	private final TaskLowering tasks;

	Builtins(LoweringContext context, TaskLowering tasks) {
		this.program = context.program();
		this.b = context.b();
		this.expressions = context.expressions();
		this.tasks = tasks;
	}

	Value call(FunctionDecl builtin, List<Expression> arguments, EObject call) {
		String name = builtin.getName();
		if (name.equals("spawn") && arguments.get(0) instanceof Lambda lambda) {
			return tasks.spawnLambda(lambda);
		}
		switch (name) {
			case "task_group_go" -> {
				Value group = expressions.lower(arguments.get(0));
				return b.runtime("qz_group_spawn", group, tasks.newTaskOfClosure(arguments.get(1)));
			}
			case "go_scope" -> {
				return goScope(null, arguments.get(0));
			}
			case "go_scope_timeout" -> {
				return goScope(expressions.lower(arguments.get(0)), arguments.get(1));
			}
			case "go_race" -> {
				return goRace(expressions.nonNil(expressions.lower(arguments.get(0)), arguments.get(0)));
			}
			default -> {
			}
		}
		List<Value> values = expressions.lowerAll(arguments);
		if (!arguments.isEmpty() && usesFirst(expressions.typeOf(arguments.get(0)))) {
			values.set(0, expressions.nonNil(values.get(0), arguments.get(0)));
		}
		if (values.size() < builtin.getParams().size()) {
			// A left-out last argument (the type checker allowed only that): its default.
			Prelude.lastParameterDefault(builtin).ifPresent(fill -> values.add(program.module().string(fill)));
		}
		Optional<WaitingOperation> waiting = WaitingOperation.ofBuiltin(name);
		if (waiting.isPresent()) {
			return b.wait(waiting.get(), values.toArray(Value[]::new));
		}
		String direct = DIRECT.get(name);
		if (direct != null) {
			return b.runtime(direct, values.toArray(Value[]::new));
		}
		FloatOperation floatOperation = FLOAT_OPERATIONS.get(name);
		if (floatOperation != null) {
			return b.floatOp(floatOperation, values.toArray(Value[]::new));
		}
		Type first = arguments.isEmpty() ? null : expressions.typeOf(arguments.get(0));
		boolean floats = Types.is(first, Types.FLOAT);
		return switch (name) {
			case "to_s" -> program.eqShow().text(b, first, values.get(0));
			case "vec_get" -> b.vecGet(values.get(0), values.get(1));
			case "vec_set" -> {
				b.vecSet(values.get(0), values.get(1), values.get(2));
				yield Value.ZERO;
			}
			case "vec_size" -> b.vecSize(values.get(0));
			case "str_byte_at" -> b.strByteAt(values.get(0), values.get(1));
			case "strbuf_append_byte" -> {
				b.strbufAppendByte(values.get(0), values.get(1));
				yield Value.ZERO;
			}
			case "abs" -> floats ? b.floatOp(FloatOperation.ABS, values.get(0)) : intAbs(values.get(0));
			case "min" -> floats ? b.floatOp(FloatOperation.MIN, values.get(0), values.get(1))
					: intPick("slt", values.get(0), values.get(1));
			case "max" -> floats ? b.floatOp(FloatOperation.MAX, values.get(0), values.get(1))
					: intPick("sgt", values.get(0), values.get(1));
			case "map_new" -> b.runtime("qz_map_new", keyKind(Types.argument(expressions.typeOf((Expression) call), 0)));
			case "vec_contains?" -> program.eqShow().contains(b, Types.argument(first, 0), values.get(0), values.get(1));
			case "vec_sort" -> sort(Types.argument(first, 0), values.get(0));
			case "vec_sum" -> sum(values.get(0), Types.is(Types.argument(first, 0), Types.FLOAT));
			case "map_map_keys" -> mapEntries(values.get(0), expressions.nonNil(values.get(1), arguments.get(1)), true,
					b.runtime("qz_map_new", keyKind(Types.argument(expressions.typeOf((Expression) call), 0))));
			case "map_map_values" -> mapEntries(values.get(0), expressions.nonNil(values.get(1), arguments.get(1)), false,
					b.runtime("qz_map_new_like", values.get(0)));
			case "unwrap" -> Types.is(first, Types.RESULT) ? b.runtime("qz_unwrap_result", values.get(0))
					: b.runtime("qz_unwrap", values.get(0));
			case "unwrap_or" -> Types.is(first, Types.RESULT) ? resultOr(values.get(0), values.get(1))
					: b.runtime("qz_unwrap_or", values.get(0), values.get(1));
			case "is_none?" -> b.binary("xor", b.runtime("qz_is_some", values.get(0)), Value.ONE);
			case "is_err?" -> b.binary("xor", b.runtime("qz_is_ok", values.get(0)), Value.ONE);
			case "spawn" -> tasks.spawnClosureValue(values.get(0), List.of());
			default -> throw new IllegalStateException("built-in '" + name + "' is not lowered yet");
		};
	}

	/**
	 * `go_scope(body)`: runs the body with a new group as the running task's scope (so `go`
	 * joins it), then waits for the group. With {@code ms} (`go_scope_timeout`) the wait ends at
	 * the deadline, counted from the start, and then cancels the group; the value says whether
	 * every task finished in time.
	 */
	private Value goScope(Value ms, Expression body) {
		Value deadline = ms == null ? null : b.runtime("qz_deadline_after", ms);
		Value closure = expressions.lower(body);
		Value group = b.runtime("qz_group_new");
		b.runtime("qz_scope_enter", group);
		b.callClosure(closure, List.of());
		b.runtime("qz_scope_exit", group);
		if (deadline == null) {
			b.wait(WaitingOperation.GROUP_WAIT, group);
			return Value.ZERO;
		}
		Value finished = b.wait(WaitingOperation.GROUP_WAIT_UNTIL, group, deadline);
		String late = b.label("scope.late");
		String done = b.label("scope.end");
		b.branch(finished, done, late);
		b.startBlock(late);
		b.runtime("qz_group_cancel", group);
		b.jump(done);
		b.startBlock(done);
		return finished;
	}

	/** `go_race(fs)`: every closure as a task of one group; the first result; the others cancelled. */
	private Value goRace(Value closures) {
		Value group = b.runtime("qz_group_new");
		CountedLoop loop = new CountedLoop(b, b.vecSize(closures));
		Value closure = b.vecGet(closures, loop.index());
		b.runtime("qz_group_spawn", group, tasks.newClosureValueTask(closure, List.of()));
		loop.close();
		Value first = b.wait(WaitingOperation.GROUP_FIRST, group);
		b.runtime("qz_group_cancel", group);
		return first;
	}

	/** The sum of a Vec's Ints (wrapping) or Floats, added from the first. */
	private Value sum(Value vec, boolean floats) {
		int total = b.newSlot();
		b.storeSlot(total, floats ? Value.ofFloat(0.0) : Value.ZERO);
		CountedLoop loop = new CountedLoop(b, b.vecSize(vec));
		Value element = b.vecGet(vec, loop.index());
		b.storeSlot(total, floats ? b.floatOp(FloatOperation.ADD, b.loadSlot(total), element)
				: b.binary("add", b.loadSlot(total), element));
		loop.close();
		return b.loadSlot(total);
	}

	/**
	 * `map_map_keys` and `map_map_values`: {@code out} (a new Map of the right key kind) filled from
	 * a snapshot of {@code map}'s entries, in order, with f applied to each key or each value.
	 */
	private Value mapEntries(Value map, Value f, boolean keys, Value out) {
		Value keyVec = b.runtime("qz_map_keys", map);
		Value valueVec = b.runtime("qz_map_values", map);
		CountedLoop loop = new CountedLoop(b, b.vecSize(keyVec));
		Value key = b.vecGet(keyVec, loop.index());
		Value value = b.vecGet(valueVec, loop.index());
		if (keys) {
			key = b.callClosure(f, List.of(key));
		} else {
			value = b.callClosure(f, List.of(value));
		}
		b.runtime("qz_map_set", out, key, value);
		loop.close();
		return out;
	}

	/**
	 * How a Map's keys hash and compare (quartz_rt.h, QZ_KEYS_*): Int and Bool by value, String
	 * by content, Float by value, a user type through its impls of Hash and Eq, whose methods a
	 * two-word constant {hash, eq} points at (the runtime calls them synchronously).
	 */
	private Value keyKind(Type key) {
		if (Types.is(key, Types.STRING)) {
			return new Value.Imm(RuntimeAbi.KEYS_STRING);
		}
		if (Types.is(key, Types.FLOAT)) {
			return new Value.Imm(RuntimeAbi.KEYS_FLOAT);
		}
		FunctionDecl hash = TraitCalls.userMethod(key, Traits.HASH, "hash");
		if (hash == null) {
			return new Value.Imm(RuntimeAbi.KEYS_INT);
		}
		String eq = program.eqShow().equalityFunction(key);
		String hashName = program.names().function(hash);
		return program.module().constant("keys." + hashName,
				List.of(new Value.FunctionAddress(hashName), new Value.FunctionAddress(eq)));
	}

	/** Sorts in place: Ints, Bools, Strings and Floats in the runtime; a type with an impl of Ord by its cmp, stably. */
	private Value sort(Type element, Value vec) {
		FunctionDecl cmp = TraitCalls.userMethod(element, Traits.ORD, "cmp");
		if (cmp != null) {
			b.runtime("qz_vec_sort_by", vec, new Value.FunctionAddress(program.names().function(cmp)));
		} else if (Types.is(element, Types.STRING)) {
			b.runtime("qz_vec_sort_str", vec);
		} else if (Types.is(element, Types.FLOAT)) {
			b.runtime("qz_vec_sort_float", vec);
		} else {
			b.runtime("qz_vec_sort_int", vec);
		}
		return Value.ZERO;
	}

		/** |n|, wrapping for the smallest Int as negation does: (n ^ s) - s with s = n >> 63. */
	private Value intAbs(Value n) {
		Value sign = b.binary("ashr", n, new Value.Imm(63));
		return b.binary("sub", b.binary("xor", n, sign), sign);
	}

	/** {@code a} when {@code a predicate b}, else {@code b}: min and max of Ints. */
	private Value intPick(String predicate, Value a, Value b2) {
		int slot = b.newSlot();
		b.storeSlot(slot, b2);
		String pickA = b.label("pick.a");
		String done = b.label("pick.end");
		b.branch(b.compare(predicate, a, b2), pickA, done);
		b.startBlock(pickA);
		b.storeSlot(slot, a);
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(slot);
	}

	/** A built-in whose first argument is a Vec, Map, StrBuf or closure reads it (a nil one panics first). */
	private static boolean usesFirst(Type type) {
		return Types.is(type, Types.VEC) || Types.is(type, Types.MAP) || Types.is(type, Types.STRBUF)
				|| Types.resolve(type) instanceof Type.Fn;
	}

	/** `unwrap_or` on a Result: the Ok payload, or the default for an Err (tag 1). */
	private Value resultOr(Value result, Value fallback) {
		int slot = b.newSlot();
		b.storeSlot(slot, fallback);
		String ok = b.label("unwrap.ok");
		String done = b.label("unwrap.end");
		b.branch(b.runtime("qz_is_ok", result), ok, done);
		b.startBlock(ok);
		b.storeSlot(slot, b.load(result, 1));
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(slot);
	}

	/** `v[i]` (bounds-checked) or `m[k]` (panics when the key is missing). */
	Value index(IndexExpression index, Value container, Value key) {
		return Types.is(expressions.typeOf(index.getTarget()), Types.MAP) ? b.runtime("qz_map_get_or_panic", container, key)
				: b.vecGet(container, key);
	}

	/** `v[i] = x` or `m[k] = x`. */
	void indexSet(IndexExpression index, Value container, Value key, Value value) {
		if (Types.is(expressions.typeOf(index.getTarget()), Types.MAP)) {
			b.runtime("qz_map_set", container, key, value);
		} else {
			b.vecSet(container, key, value);
		}
	}
}
