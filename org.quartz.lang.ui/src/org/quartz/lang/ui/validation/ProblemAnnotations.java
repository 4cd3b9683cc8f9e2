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
import org.eclipse.xtext.validation.Issue;

/** Puts a document's current diagnostics into its annotation model, replacing the previous ones. */
public final class ProblemAnnotations {

	private ProblemAnnotations() {
	}

	public static void replace(IAnnotationModel model, List<Issue> issues, int documentLength) {
		List<Annotation> old = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (annotation instanceof ProblemAnnotation) {
				old.add(annotation);
			}
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Issue issue : issues) {
			added.put(new ProblemAnnotation(issue), positionOf(issue, documentLength));
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(old.toArray(Annotation[]::new), added);
		} else {
			old.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
	}

	/** The issue's range, clipped to the document (an issue at the end may point one past it). */
	private static Position positionOf(Issue issue, int documentLength) {
		int offset = issue.getOffset() == null ? 0 : Math.min(issue.getOffset(), documentLength);
		int length = issue.getLength() == null ? 0 : Math.min(issue.getLength(), documentLength - offset);
		return new Position(offset, Math.max(length, 0));
	}
}
