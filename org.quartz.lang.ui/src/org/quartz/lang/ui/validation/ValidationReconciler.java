package org.quartz.lang.ui.validation;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.ui.document.DocumentParsers;

/** Validates a Quartz document after each pause in typing ({@link ValidationReconcilingStrategy}). */
public class ValidationReconciler extends MonoReconciler {

	/** Milliseconds of quiet after an edit before the document is validated again. */
	private static final int DELAY = 300;

	private final ValidationReconcilingStrategy strategy;

	public ValidationReconciler(DocumentParsers parsers, DocumentValidator validator) {
		this(new ValidationReconcilingStrategy(parsers, validator));
	}

	/** @param issueListener also told each validation's diagnostics, on the reconciler's thread */
	public ValidationReconciler(DocumentParsers parsers, DocumentValidator validator,
			BiConsumer<IDocument, List<QuartzDiagnostic>> issueListener) {
		this(new ValidationReconcilingStrategy(parsers, validator, issueListener));
	}

	private ValidationReconciler(ValidationReconcilingStrategy strategy) {
		super(strategy, false);
		this.strategy = strategy;
		setDelay(DELAY);
	}

	@Override
	public void install(ITextViewer viewer) {
		strategy.setViewer(viewer);
		super.install(viewer);
	}
}
