package org.quartz.lang.ui.validation;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** A diagnostic of the Quartz validator shown on the text, with its code (`QZ0301`). */
public class ProblemAnnotation extends Annotation {

	public static final String ERROR_TYPE = "org.quartz.lang.ui.error";
	public static final String WARNING_TYPE = "org.quartz.lang.ui.warning";

	private final String code;

	public ProblemAnnotation(Issue issue) {
		super(issue.getSeverity() == Severity.ERROR ? ERROR_TYPE : WARNING_TYPE, false, textOf(issue));
		this.code = issue.getCode();
	}

	/** The diagnostic code, as in docs/diagnostics.md; null for an issue without one. */
	public String getCode() {
		return code;
	}

	public boolean isError() {
		return ERROR_TYPE.equals(getType());
	}

	private static String textOf(Issue issue) {
		return issue.getCode() == null ? issue.getMessage() : issue.getMessage() + " [" + issue.getCode() + "]";
	}
}
