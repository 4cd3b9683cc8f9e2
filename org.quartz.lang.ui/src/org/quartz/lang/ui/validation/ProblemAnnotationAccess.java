package org.quartz.lang.ui.validation;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationAccess;

/** How painters see annotations without the workbench's annotation preferences: by their own type. */
public class ProblemAnnotationAccess implements IAnnotationAccess {

	@Override
	public Object getType(Annotation annotation) {
		return annotation.getType();
	}

	@Override
	public boolean isMultiLine(Annotation annotation) {
		return true;
	}

	@Override
	public boolean isTemporary(Annotation annotation) {
		return !annotation.isPersistent();
	}
}
