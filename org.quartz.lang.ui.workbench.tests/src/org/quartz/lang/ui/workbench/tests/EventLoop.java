package org.quartz.lang.ui.workbench.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waiting in the UI thread of a workbench test while the workbench does its work. */
final class EventLoop {

	private EventLoop() {
	}

	/** Runs the UI's event loop until {@code condition} holds or {@code millis} have passed; whether it held. */
	static boolean runUntil(Display display, BooleanSupplier condition, long millis) throws InterruptedException {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				return false;
			}
			while (display.readAndDispatch()) {
				// drain pending events (the reconciler's annotation updates, jobs' UI updates)
			}
			Thread.sleep(20);
		}
		return true;
	}
}
