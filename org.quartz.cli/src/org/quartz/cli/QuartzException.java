package org.quartz.cli;

/**
 * A failure the user can act on (a missing file or tool, a failed link), reported as one line
 * {@code error: <message>} with exit code {@link ExitCode#COMPILE_ERROR}; not a compiler bug.
 */
public class QuartzException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public QuartzException(String message) {
		super(message);
	}
}
