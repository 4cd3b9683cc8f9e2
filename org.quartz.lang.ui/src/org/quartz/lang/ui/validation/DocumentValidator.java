package org.quartz.lang.ui.validation;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.loading.QuartzDiagnostic;

import com.google.inject.Inject;

/** The errors and warnings of a parsed document: the front end's validation, as `quartz check` reports it. */
public class DocumentValidator {

	@Inject
	private ProgramLoader loader;

	public List<QuartzDiagnostic> validate(XtextResource resource) {
		return loader.validate(resource, CancelIndicator.NullImpl);
	}
}
