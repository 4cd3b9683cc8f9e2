package org.quartz.lang.ui.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.quartz.lang.loading.QuartzDiagnostic;

/** Puts a document's current diagnostics into its annotation model, replacing the previous ones. */
public final class ProblemAnnotations {

	private ProblemAnnotations() {
	}

	public static void replace(IAnnotationModel model, List<QuartzDiagnostic> diagnostics, int documentLength) {
		List<Annotation> old = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (annotation instanceof ProblemAnnotation) {
				old.add(annotation);
			}
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (QuartzDiagnostic diagnostic : diagnostics) {
			added.put(new ProblemAnnotation(diagnostic), positionOf(diagnostic, documentLength));
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(old.toArray(Annotation[]::new), added);
		} else {
			old.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
	}

	/** The diagnostic's range, clipped to the document (a diagnostic at the end may point one past it). */
	private static Position positionOf(QuartzDiagnostic diagnostic, int documentLength) {
		int offset = Math.min(diagnostic.offset(), documentLength);
		int length = Math.min(diagnostic.length(), documentLength - offset);
		return new Position(offset, Math.max(length, 0));
	}
}
