package org.quartz.codegen.lower;

import org.quartz.codegen.ir.Value;

/**
 * A loop of an index over 0 until {@code size} (evaluated once, before it) in generated code:
 * the constructor leaves the builder in the body, {@link #index} is the index there, and
 * {@link #close} jumps to the next step and continues after the loop.
 */
final class CountedLoop {
	private final IrBuilder b;
	private final int counter;
	private final String head;
	private final String step;
	private final String exit;
	private final Value index;

	CountedLoop(IrBuilder b, Value size) {
		this.b = b;
		counter = b.newSlot();
		head = b.label("loop");
		step = b.label("loop.step");
		exit = b.label("loop.end");
		String body = b.label("loop.body");
		b.storeSlot(counter, Value.ZERO);
		b.jump(head);
		b.startBlock(head);
		Value i = b.loadSlot(counter);
		b.branch(b.compare("slt", i, size), body, exit);
		b.startBlock(body);
		index = b.loadSlot(counter);
	}

	Value index() {
		return index;
	}

	/** The label that goes on to the next element. */
	String step() {
		return step;
	}

	/** Jumps to the next element, and continues after the loop. */
	void close() {
		if (!b.isTerminated()) {
			b.jump(step);
		}
		b.startBlock(step);
		b.storeSlot(counter, b.binary("add", b.loadSlot(counter), Value.ONE));
		b.jump(head);
		b.startBlock(exit);
	}
}
