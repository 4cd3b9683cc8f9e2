package org.quartz.codegen.ir;

/**
 * Which region of the heap an access touches, for LLVM's type-based alias analysis
 * ({@code !tbaa}): two different regions never share a byte, so a store into one keeps loads
 * from another in registers. That is what lets LLVM keep a Vec's length and data pointer out
 * of a loop that writes its elements (fannkuch's flips), or a StrBuf's length in a register
 * while it appends bytes. {@link #ANY} may be anywhere, the safe default: only accesses whose
 * object is known get a region. The runtime writes these objects only inside calls, which
 * LLVM treats as touching everything anyway.
 */
public enum HeapRegion {
	ANY,
	/** A Vec's len, cap and data words (struct qz_vec). */
	VEC_HEADER,
	/** A word of a Vec's element array. */
	VEC_ELEMENT,
	/** A String's length word (struct qz_string). */
	STRING_HEADER,
	/** A StrBuf's len, cap and bytes words (struct qz_strbuf). */
	STRBUF_HEADER,
	/** A byte of a StrBuf's buffer. */
	STRBUF_BYTES
}
