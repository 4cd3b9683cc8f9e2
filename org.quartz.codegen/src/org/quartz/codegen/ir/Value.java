package org.quartz.codegen.ir;

/**
 * An operand of an IR instruction. Every Quartz value is one 64-bit word (pointers included),
 * so there is a single value type: i64.
 */
public sealed interface Value {

	/** The result of an earlier instruction of the same function. */
	record Temp(int id) implements Value {
	}

	/** The i-th parameter of the current function. */
	record Param(int index) implements Value {
	}

	/** An integer constant. */
	record Imm(long value) implements Value {
	}

	/** The address of a module-level constant (string literal, static closure, unit variant). */
	record Global(String name) implements Value {
	}

	/** The address of a function (for closures). */
	record FunctionAddress(String name) implements Value {
	}

	/**
	 * The address of the function that creates a frame of {@code function}'s task form, or 0
	 * when {@code function} cannot wait: word 1 of a closure. Replaced by ResolveTaskCreation.
	 */
	record FrameConstructor(String function) implements Value {
	}

	Imm ZERO = new Imm(0);
	Imm ONE = new Imm(1);

	/** A Float constant: the word holding its IEEE-754 bits. */
	static Imm ofFloat(double x) {
		return new Imm(Double.doubleToRawLongBits(x));
	}
}
