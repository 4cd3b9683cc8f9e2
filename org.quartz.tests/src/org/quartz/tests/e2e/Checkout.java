package org.quartz.tests.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the source checkout the tests read; the build passes its root as -Dquartz.repository. */
public final class Checkout {

	private Checkout() {
	}

	public static Path root() {
		String root = System.getProperty("quartz.repository");
		if (root == null || !Files.isDirectory(Path.of(root))) {
			throw new IllegalStateException("run the tests with -Dquartz.repository=<the checkout's root>");
		}
		return Path.of(root).toAbsolutePath().normalize();
	}

	/** The project's own test programs. */
	public static Path programs() {
		return root().resolve("org.quartz.tests/programs");
	}

	/** The modules the test programs import (on the -I path when they are compiled). */
	public static Path programModules() {
		return programs().resolve("modules");
	}

	/** The programs of the memory tests, and the peak RSS helper. */
	public static Path memoryPrograms() {
		return root().resolve("org.quartz.tests/memory");
	}

	/** A cache folder for the compiler (the runtime is built once per test run, not per test). */
	public static Path cache() {
		return root().resolve("org.quartz.tests/target/quartz-cache");
	}
}
