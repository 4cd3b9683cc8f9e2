package org.quartz.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/** A basic block: straight-line instructions ending in one terminator. */
public final class IrBlock {

	private final String label;
	private final List<Instr> instructions = new ArrayList<>();

	public IrBlock(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public List<Instr> instructions() {
		return instructions;
	}

	public boolean isTerminated() {
		return !instructions.isEmpty() && instructions.get(instructions.size() - 1).isTerminator();
	}
}
