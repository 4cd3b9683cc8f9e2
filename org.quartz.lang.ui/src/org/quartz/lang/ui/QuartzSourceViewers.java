package org.quartz.lang.ui;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.AnnotationPainter;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.VerticalRuler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.quartz.lang.ui.validation.ProblemAnnotation;
import org.quartz.lang.ui.validation.ProblemAnnotationAccess;

/**
 * A ready Quartz editor widget for SWT applications without a workbench: a source viewer with
 * the Quartz configuration, an annotation model and squiggles under errors and warnings.
 */
public final class QuartzSourceViewers {

	private static final Color ERROR_COLOR = new Color(255, 0, 0);
	private static final Color WARNING_COLOR = new Color(244, 200, 45);

	private QuartzSourceViewers() {
	}

	public static SourceViewer create(Composite parent, QuartzSourceViewerConfiguration configuration,
			IDocument document) {
		ProblemAnnotationAccess access = new ProblemAnnotationAccess();
		SourceViewer viewer = new SourceViewer(parent, new VerticalRuler(12, access),
				SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		AnnotationPainter painter = new AnnotationPainter(viewer, access);
		Object squiggles = "squiggles"; // the painter's own id for them is private
		painter.addTextStyleStrategy(squiggles, new AnnotationPainter.UnderlineStrategy(SWT.UNDERLINE_SQUIGGLE));
		painter.addAnnotationType(ProblemAnnotation.ERROR_TYPE, squiggles);
		painter.setAnnotationTypeColor(ProblemAnnotation.ERROR_TYPE, ERROR_COLOR);
		painter.addAnnotationType(ProblemAnnotation.WARNING_TYPE, squiggles);
		painter.setAnnotationTypeColor(ProblemAnnotation.WARNING_TYPE, WARNING_COLOR);
		viewer.addPainter(painter);
		viewer.configure(configuration);
		viewer.setDocument(document, new AnnotationModel());
		return viewer;
	}
}
