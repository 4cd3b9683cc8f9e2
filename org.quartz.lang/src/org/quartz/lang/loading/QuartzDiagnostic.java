package org.quartz.lang.loading;

import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.Issue;

/**
 * One compiler message about a place in a source file: what the command line prints, the
 * language server publishes and the editor marks, made from a validator's {@link Issue} in one
 * place so all three say the same.
 *
 * @param uri        the file's URI
 * @param line       1-based; 0 when the place is unknown
 * @param column     1-based; 0 when the place is unknown
 * @param offset     the place as a character offset in the file
 * @param length     how many characters the message is about (0: a point)
 * @param sourceLine the text of that line, or null when the place is unknown
 */
public record QuartzDiagnostic(Severity severity, String code, String message, URI uri, int line, int column,
		int offset, int length, String sourceLine) {

	public enum Severity {
		ERROR("error"), WARNING("warning");

		private final String label;

		Severity(String label) {
			this.label = label;
		}

		/** How the command line writes it: {@code error}, {@code warning}. */
		public String label() {
			return label;
		}
	}

	/** The code of a message that carries none of the compiler's own codes (Xtext's syntax errors and the like). */
	public static final String UNCODED = "QZ0000";

	private static final Pattern QUARTZ_CODE = Pattern.compile("QZ\\d{4}");

	/** The issue's code if it is one of the compiler's (`QZ0101`), else {@link #UNCODED}. */
	public static String codeOf(Issue issue) {
		return issue.getCode() != null && QUARTZ_CODE.matcher(issue.getCode()).matches() ? issue.getCode() : UNCODED;
	}

	/**
	 * The diagnostic of an error or warning in {@code file}; empty for informations, which no front
	 * end shows.
	 *
	 * @param lines the file's text split into lines, for the source line (may be empty)
	 */
	public static Optional<QuartzDiagnostic> of(Issue issue, URI file, String[] lines) {
		Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		default -> null;
		};
		if (severity == null) {
			return Optional.empty();
		}
		int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 0 : issue.getColumn();
		String sourceLine = line > 0 && line <= lines.length ? lines[line - 1] : null;
		return Optional.of(new QuartzDiagnostic(severity, codeOf(issue), issue.getMessage(), file, line, column, issue.getOffset() == null ? 0 : issue.getOffset(),
				issue.getLength() == null ? 0 : issue.getLength(), sourceLine));
	}
}
