package org.quartz.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWTError;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The SWT display of the tests (the build's Xvfb); the tests fail, never skip, without one. */
final class TestDisplay {

	private TestDisplay() {
	}

	static Display get() {
		try {
			return Display.getDefault();
		} catch (SWTError | UnsatisfiedLinkError e) {
			fail("cannot open an SWT display on DISPLAY=" + System.getenv("DISPLAY")
					+ " (the build starts Xvfb for these tests: apt-get install xvfb libgtk-3-0)", e);
			return null;
		}
	}

	/** An 800x600 shell on the test display, filled by its one child (the viewer under test). */
	static Shell newShell() {
		Shell shell = new Shell(get());
		shell.setLayout(new FillLayout());
		shell.setSize(800, 600);
		return shell;
	}

	/** Runs the display's event loop until {@code condition} holds or {@code millis} pass; whether it holds. */
	static boolean waitFor(Display display, BooleanSupplier condition, long millis) {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				return false;
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(10);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}
}
