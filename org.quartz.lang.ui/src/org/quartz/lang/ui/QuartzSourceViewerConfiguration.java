package org.quartz.lang.ui;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.source.DefaultAnnotationHover;
import org.eclipse.jface.text.source.IAnnotationHover;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.xtext.IGrammarAccess;
import org.quartz.lang.ui.contentassist.CompletionEntries;
import org.quartz.lang.ui.contentassist.QuartzCompletionProcessor;
import org.quartz.lang.ui.document.DocumentParser;
import org.quartz.lang.ui.highlighting.QuartzPresentationReconciler;
import org.quartz.lang.ui.hover.QuartzTextHover;
import org.quartz.lang.ide.hover.QuartzHoverService;
import org.quartz.lang.ui.validation.DocumentValidator;
import org.quartz.lang.ui.validation.ValidationReconciler;

import com.google.inject.Injector;

/**
 * Makes a JFace source viewer a Quartz editor: syntax colouring, diagnostics as annotations
 * (validated after each pause in typing), completion and hovers. Usable in any SWT
 * application; one configuration per document.
 */
public class QuartzSourceViewerConfiguration extends SourceViewerConfiguration {

	private final Injector injector;
	private final DocumentParser parser;

	public QuartzSourceViewerConfiguration(Injector injector, DocumentParser parser) {
		this.injector = injector;
		this.parser = parser;
	}

	/** For the document at {@code uri} (a file URI lets imports resolve), with the shared injector. */
	public static QuartzSourceViewerConfiguration forDocument(URI uri) {
		Injector injector = QuartzInjector.get();
		return new QuartzSourceViewerConfiguration(injector, new DocumentParser(injector, uri));
	}

	public DocumentParser getParser() {
		return parser;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
		return new QuartzPresentationReconciler(injector.getInstance(IGrammarAccess.class));
	}

	@Override
	public IReconciler getReconciler(ISourceViewer viewer) {
		return new ValidationReconciler(document -> parser, injector.getInstance(DocumentValidator.class));
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer viewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setContentAssistProcessor(
				new QuartzCompletionProcessor(document -> parser, injector.getInstance(CompletionEntries.class)),
				IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
		return new QuartzTextHover(document -> parser, injector.getInstance(QuartzHoverService.class));
	}

	@Override
	public IAnnotationHover getAnnotationHover(ISourceViewer viewer) {
		return new DefaultAnnotationHover();
	}
}
