package org.quartz.codegen.ir;

/**
 * What an {@link Instr.FloatOp} computes, with its LLVM spelling. Operands and results are words
 * holding IEEE-754 doubles, except a comparison's result (a Bool word) and FROM_INT's operand (an
 * Int). Conversions that can fail (Float to Int) and functions LLVM has no intrinsic for are
 * runtime calls, not FloatOps.
 */
public enum FloatOperation {
	ADD(Kind.ARITHMETIC, "fadd", 2), SUB(Kind.ARITHMETIC, "fsub", 2), MUL(Kind.ARITHMETIC, "fmul", 2),
	DIV(Kind.ARITHMETIC, "fdiv", 2), REM(Kind.ARITHMETIC, "frem", 2), NEG(Kind.NEGATE, "fneg", 1),
	/** Ordered comparisons, false when either side is NaN; NE is unordered, true then. */
	EQ(Kind.COMPARE, "oeq", 2), NE(Kind.COMPARE, "une", 2), LT(Kind.COMPARE, "olt", 2), LE(Kind.COMPARE, "ole", 2),
	GT(Kind.COMPARE, "ogt", 2), GE(Kind.COMPARE, "oge", 2),
	FROM_INT(Kind.CONVERSION, "sitofp", 1),
	SQRT(Kind.INTRINSIC, "llvm.sqrt.f64", 1), FLOOR(Kind.INTRINSIC, "llvm.floor.f64", 1),
	CEIL(Kind.INTRINSIC, "llvm.ceil.f64", 1), ROUND(Kind.INTRINSIC, "llvm.round.f64", 1),
	TRUNC(Kind.INTRINSIC, "llvm.trunc.f64", 1), ABS(Kind.INTRINSIC, "llvm.fabs.f64", 1),
	SIN(Kind.INTRINSIC, "llvm.sin.f64", 1), COS(Kind.INTRINSIC, "llvm.cos.f64", 1), EXP(Kind.INTRINSIC, "llvm.exp.f64", 1),
	LOG(Kind.INTRINSIC, "llvm.log.f64", 1), LOG2(Kind.INTRINSIC, "llvm.log2.f64", 1),
	LOG10(Kind.INTRINSIC, "llvm.log10.f64", 1), POW(Kind.INTRINSIC, "llvm.pow.f64", 2),
	/** IEEE minNum/maxNum: when one operand is NaN, the other. */
	MIN(Kind.INTRINSIC, "llvm.minnum.f64", 2), MAX(Kind.INTRINSIC, "llvm.maxnum.f64", 2);

	public enum Kind {
		ARITHMETIC, NEGATE, COMPARE, CONVERSION, INTRINSIC
	}

	private final Kind kind;
	private final String llvm;
	private final int arity;

	FloatOperation(Kind kind, String llvm, int arity) {
		this.kind = kind;
		this.llvm = llvm;
		this.arity = arity;
	}

	public Kind kind() {
		return kind;
	}

	/** The instruction (fadd, sitofp), the fcmp predicate (olt) or the intrinsic's name (llvm.sqrt.f64). */
	public String llvm() {
		return llvm;
	}

	public int arity() {
		return arity;
	}
}
