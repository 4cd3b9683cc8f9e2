package org.quartz.lang.ui.validation;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.ui.document.DocumentParsers;
import org.quartz.lang.ui.document.ReconcileListeners;

/**
 * Re-validates the whole document after an edit (on the reconciler's thread) and shows the
 * diagnostics as {@link ProblemAnnotation}s in the viewer's annotation model. Quartz modules are
 * validated whole, so a dirty region changes nothing but when this runs.
 */
public class ValidationReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final DocumentParsers parsers;
	private final DocumentValidator validator;
	private final BiConsumer<IDocument, List<QuartzDiagnostic>> issueListener;
	private volatile ITextViewer viewer;
	private volatile IDocument document;

	public ValidationReconcilingStrategy(DocumentParsers parsers, DocumentValidator validator) {
		this(parsers, validator, (document, diagnostics) -> {
		});
	}

	/** @param issueListener also told each validation's diagnostics (the generic editor's problem markers) */
	public ValidationReconcilingStrategy(DocumentParsers parsers, DocumentValidator validator,
			BiConsumer<IDocument, List<QuartzDiagnostic>> issueListener) {
		this.parsers = parsers;
		this.validator = validator;
		this.issueListener = issueListener;
	}

	/** The viewer whose annotation model shows the diagnostics (known only once the reconciler is installed). */
	public void setViewer(ITextViewer viewer) {
		this.viewer = viewer;
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

	/** A document just opened is validated too (MonoReconciler only does so through this extension). */
	@Override
	public void initialReconcile() {
		reconcileAll();
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		// one validation is not split into steps to report
	}

	private void reconcileAll() {
		IDocument current = document;
		IAnnotationModel model = viewer instanceof ISourceViewer sourceViewer ? sourceViewer.getAnnotationModel() : null;
		if (current == null || model == null) {
			return;
		}
		String text = current.get();
		List<QuartzDiagnostic> diagnostics = parsers.of(current).read(text, validator::validate);
		ProblemAnnotations.replace(model, diagnostics, text.length());
		issueListener.accept(current, diagnostics);
		ReconcileListeners.reconciled(current);
	}
}
