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

	/** A direct call; {@code dst} is null for a call whose result is unused or void. */
	record Call(Value.Temp dst, String function, List<Value> arguments) implements Instr {
	}

	/** A call through a function address (closures). */
	record CallIndirect(Value.Temp dst, Value function, List<Value> arguments) implements Instr {
	}

	record LoadSlot(Value.Temp dst, int slot) implements Instr {
	}

	record StoreSlot(int slot, Value value) implements Instr {
	}

	/** {@code dst = object[index]} (word index into a heap object). */
	record Load(Value.Temp dst, Value object, int index) implements Instr {
	}

	/** {@code object[index] = value}. */
	record Store(Value object, int index, Value value) implements Instr {
	}

	// ---- terminators: each block ends with exactly one

	record Jump(String target) implements Instr {
	}

	record Branch(Value condition, String ifTrue, String ifFalse) implements Instr {
	}

	record Return(Value value) implements Instr {
	}

	/** After a call that never returns (panic, exit). */
	record Unreachable() implements Instr {
	}

	default boolean isTerminator() {
		return this instanceof Jump || this instanceof Branch || this instanceof Return || this instanceof Unreachable;
	}
}
