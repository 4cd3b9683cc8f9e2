package org.quartz.cli;

/** A native tool (opt, llc, cc) exited with an error; {@link #output()} holds what it printed. */
public class ToolFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String output;

	public ToolFailedException(String tool, int exitCode, String output) {
		super(tool + " failed (exit " + exitCode + "): " + firstLine(output));
		this.output = output;
	}

	public String output() {
		return output;
	}

	private static String firstLine(String text) {
		return text.strip().lines().findFirst().orElse("no output");
	}
}
