package org.quartz.lang.scoping;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.Variant;

/**
 * A bare name in a pattern (`Empty`, `None`, `x`) matches the payload-less variant of that
 * name when one is in scope, and otherwise binds the matched value to a new name.
 */
public final class PatternNames {

	private PatternNames() {
	}

	public static boolean isVariant(BindingPattern pattern) {
		return variantOf(pattern) != null;
	}

	/** The payload-less variant a bare pattern name matches, or null when it is a binding. */
	public static Variant variantOf(BindingPattern pattern) {
		if (pattern.getName() == null || !(pattern.eResource() instanceof XtextResource resource)) {
			return null;
		}
		IScopeProvider scopes = resource.getResourceServiceProvider().get(IScopeProvider.class);
		IScope variants = scopes.getScope(pattern, QuartzPackage.Literals.VARIANT_PATTERN__VARIANT);
		IEObjectDescription found = variants.getSingleElement(QualifiedName.create(pattern.getName()));
		if (found == null) {
			return null;
		}
		Variant variant = (Variant) EcoreUtil2.resolve(found.getEObjectOrProxy(), pattern);
		return variant.getFields().isEmpty() ? variant : null;
	}
}
