package org.quartz.codegen;

import org.quartz.lang.quartz.Module;

/**
 * Compiles a validated program to LLVM IR text: the main module plus everything it imports
 * (already loaded into the same resource set and free of errors).
 */
public class IrGenerator {

	/** The whole program's LLVM IR; the same input always gives byte-identical text. */
	public String generate(Module main) {
		throw new UnsupportedOperationException("code generation is not implemented yet");
	}
}
