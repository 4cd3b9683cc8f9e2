package org.quartz.lang.typing;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** A type error found by inference, reported by the TypeValidator at {@code source}/{@code feature}. */
public record TypeIssue(EObject source, EStructuralFeature feature, String code, String message) {
}
