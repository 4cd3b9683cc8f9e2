package org.quartz.lang.ui.validation;

import org.eclipse.jface.text.source.Annotation;
import org.quartz.lang.loading.QuartzDiagnostic;

/** A diagnostic of the Quartz validator shown on the text, with its code (`QZ0301`). */
public class ProblemAnnotation extends Annotation {

	public static final String ERROR_TYPE = "org.quartz.lang.ui.error";
	public static final String WARNING_TYPE = "org.quartz.lang.ui.warning";

	private final String code;

	public ProblemAnnotation(QuartzDiagnostic diagnostic) {
		super(diagnostic.severity() == QuartzDiagnostic.Severity.ERROR ? ERROR_TYPE : WARNING_TYPE, false, textOf(diagnostic));
		this.code = diagnostic.code();
	}

	/** The diagnostic code, as in docs/diagnostics.md (`QZ0000` for a message without one of its own). */
	public String getCode() {
		return code;
	}

	public boolean isError() {
		return ERROR_TYPE.equals(getType());
	}

	private static String textOf(QuartzDiagnostic diagnostic) {
		return diagnostic.message() + " [" + diagnostic.code() + "]";
	}
}
