package org.quartz.lang.ui.validation;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.validation.Issue;
import org.quartz.lang.ui.document.DocumentParser;

/**
 * Re-validates the whole document after an edit (on the reconciler's thread) and shows the
 * diagnostics as {@link ProblemAnnotation}s in the viewer's annotation model. Quartz modules are
 * validated whole, so a dirty region changes nothing but when this runs.
 */
public class ValidationReconcilingStrategy implements IReconcilingStrategy {

	private final ISourceViewer viewer;
	private final DocumentParser parser;
	private final DocumentValidator validator;
	private IDocument document;

	public ValidationReconcilingStrategy(ISourceViewer viewer, DocumentParser parser, DocumentValidator validator) {
		this.viewer = viewer;
		this.parser = parser;
		this.validator = validator;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcileAll();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcileAll();
	}

	private void reconcileAll() {
		IAnnotationModel model = viewer.getAnnotationModel();
		if (document == null || model == null) {
			return;
		}
		String text = document.get();
		List<Issue> issues = parser.read(text, validator::validate);
		ProblemAnnotations.replace(model, issues, text.length());
	}
}
