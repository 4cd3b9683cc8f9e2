package org.quartz.cli;

import java.io.PrintStream;

/**
 * One compiler message about a place in a source file.
 *
 * @param file       the file's name as the user sees it (as given, or relative to the current folder)
 * @param line       1-based
 * @param column     1-based
 * @param sourceLine the text of that line, or null when the location is unknown
 */
public record Diagnostic(Severity severity, String code, String message, String file, int line, int column,
		String sourceLine) {

	public enum Severity {
		ERROR("error"), WARNING("warning");

		private final String label;

		Severity(String label) {
			this.label = label;
		}
	}

	/** The code printed when an issue carries none of the compiler's own codes. */
	public static final String UNCODED = "QZ0000";

	/** {@code file:line:col: error[CODE]: message}, then the source line and a caret under the column. */
	public void print(PrintStream err) {
		err.println(file + ":" + line + ":" + column + ": " + severity.label + "[" + code + "]: " + message);
		if (sourceLine != null) {
			err.println(sourceLine);
			err.println(caretLine());
		}
	}

	/** Keeps the source line's tabs so the caret lines up however wide the terminal shows a tab. */
	private String caretLine() {
		StringBuilder caret = new StringBuilder();
		for (int i = 0; i < column - 1; i++) {
			caret.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
		}
		return caret.append('^').toString();
	}
}
