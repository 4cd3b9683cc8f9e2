package org.quartz.codegen.ir;

/**
 * Which kind of heap word a {@link Instr.Load} or {@link Instr.Store} touches, for LLVM's
 * type-based alias analysis ({@code !tbaa}): words of two different kinds are never the same
 * word, so a store of one kind keeps loads of another in registers. That is what lets LLVM
 * keep a Vec's length and data pointer out of a loop that writes its elements (fannkuch's
 * flips). {@link #ANY} may be any word, the safe default: only accesses whose object is known
 * get a kind. The runtime writes Vec headers only inside calls, which LLVM treats as
 * touching everything anyway.
 */
public enum HeapWord {
	ANY,
	/** A Vec's len, cap and data words (struct qz_vec). */
	VEC_HEADER,
	/** A word of a Vec's element array. */
	VEC_ELEMENT,
	/** A String's length word (struct qz_string). */
	STRING_HEADER
}
