package org.quartz.codegen.ir;

import java.util.List;

/**
 * An IR instruction. Locals live in numbered slots (stack memory, promoted to registers by
 * LLVM's mem2reg); heap objects (structs, enums, closures, boxes) are arrays of words.
 */
public sealed interface Instr {

	/** {@code dst = a op b}; op is an LLVM integer opcode (add, sub, mul, sdiv, srem, and, or, xor). */
	record Binary(Value.Temp dst, String op, Value a, Value b) implements Instr {
	}

	/** {@code dst = (a pred b) ? 1 : 0}; pred is an LLVM icmp predicate (eq, ne, slt, ...). */
	record Compare(Value.Temp dst, String predicate, Value a, Value b) implements Instr {
	}

	/**
	 * {@code dst = operation(operands)} on Floats (see {@link FloatOperation}): the words hold
	 * doubles' bits, bit-cast to double around the operation, which LLVM folds away in registers.
	 */
	record FloatOp(Value.Temp dst, FloatOperation operation, List<Value> operands) implements Instr {
	}

	/** A direct call; {@code dst} is null for a call whose result is unused or void. */
	record Call(Value.Temp dst, String function, List<Value> arguments) implements Instr {
	}

	/**
	 * A call through a function address that never waits (a task constructor, a closure known
	 * not to wait). Calls of function values are {@link CallClosure}.
	 */
	record CallIndirect(Value.Temp dst, Value function, List<Value> arguments) implements Instr {
	}

	/**
	 * A call of a function value: {@code closure}'s function (its word 0) with the closure and
	 * {@code arguments}. It may wait when a function value of the same arity may
	 * (FindWaitingFunctions); in a task form it then runs the closure's task form.
	 */
	record CallClosure(Value.Temp dst, Value closure, List<Value> arguments) implements Instr {
	}

	/**
	 * An operation that can wait (see {@link WaitingOperation}); {@code dst} is null when the
	 * operation has no result. Synchronous code blocks in its blocking form; a task form
	 * suspends at it.
	 */
	record Wait(Value.Temp dst, WaitingOperation operation, List<Value> arguments) implements Instr {
	}

	/**
	 * A new, unstarted task running {@code function} (a lowered function's name) with
	 * {@code arguments}: its task form when it may wait, else a task that calls it to completion.
	 * Replaced by ResolveTaskCreation once FindWaitingFunctions has run.
	 */
	record NewTask(Value.Temp dst, String function, List<Value> arguments) implements Instr {
	}

	record LoadSlot(Value.Temp dst, int slot) implements Instr {
	}

	record StoreSlot(int slot, Value value) implements Instr {
	}

	/** {@code dst = object[index]} (word index into a heap object), a word in {@code region}. */
	record Load(Value.Temp dst, Value object, int index, HeapRegion region) implements Instr {
		public Load(Value.Temp dst, Value object, int index) {
			this(dst, object, index, HeapRegion.ANY);
		}
	}

	/** {@code dst} = the byte at {@code address}, zero-extended (a String's bytes). */
	record LoadByte(Value.Temp dst, Value address) implements Instr {
	}

	/** {@code object[index] = value}, a word in {@code region}. */
	record Store(Value object, int index, Value value, HeapRegion region) implements Instr {
		public Store(Value object, int index, Value value) {
			this(object, index, value, HeapRegion.ANY);
		}
	}

	/** The byte at {@code address} = the low byte of {@code value}, in {@code region}. */
	record StoreByte(Value address, Value value, HeapRegion region) implements Instr {
	}

	// ---- terminators: each block ends with exactly one

	record Jump(String target) implements Instr {
	}

	record Branch(Value condition, String ifTrue, String ifFalse) implements Instr {
	}

	/** Goes to {@code cases.get(value)}, or to {@code otherwise} when value is not an index of cases. */
	record Switch(Value value, List<String> cases, String otherwise) implements Instr {
	}

	record Return(Value value) implements Instr {
	}

	/** After a call that never returns (panic, exit). */
	record Unreachable() implements Instr {
	}

	default boolean isTerminator() {
		return this instanceof Jump || this instanceof Branch || this instanceof Switch || this instanceof Return
				|| this instanceof Unreachable;
	}
}
