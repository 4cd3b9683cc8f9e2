package org.quartz.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A lowered function: {@code parameterCount} i64 parameters (named %p0...), {@code slotCount}
 * local slots, and its blocks, the first being the entry. Every function returns an i64
 * (0 for Void).
 */
public final class IrFunction {

	private final String name;
	private final int parameterCount;
	private final List<IrBlock> blocks = new ArrayList<>();
	private int slotCount;
	private int tempCount;
	private String cancelledExit;

	public IrFunction(String name, int parameterCount) {
		this.name = name;
		this.parameterCount = parameterCount;
	}

	public String name() {
		return name;
	}

	public int parameterCount() {
		return parameterCount;
	}

	public List<IrBlock> blocks() {
		return blocks;
	}

	/**
	 * The block a task form continues at when its task was cancelled while parked: it runs the
	 * defers reached and returns the zero value (unreachable in the synchronous form); null for
	 * a function that has none.
	 */
	public String cancelledExit() {
		return cancelledExit;
	}

	public void setCancelledExit(String label) {
		cancelledExit = label;
	}

	public int slotCount() {
		return slotCount;
	}

	public int newSlot() {
		return slotCount++;
	}

	public Value.Temp newTemp() {
		return new Value.Temp(tempCount++);
	}
}
