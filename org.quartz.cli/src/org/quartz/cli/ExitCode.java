package org.quartz.cli;

/** The compiler's exit codes (a program run by {@code quartz run} exits with its own). */
public final class ExitCode {

	public static final int OK = 0;
	/** Compile errors, or an environment problem such as a missing file or tool. */
	public static final int COMPILE_ERROR = 1;
	/** The command line itself is wrong. */
	public static final int USAGE = 2;
	/** A bug in the compiler. */
	public static final int INTERNAL_ERROR = 3;

	private ExitCode() {
	}
}
