package org.quartz.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.Pattern;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.Variant;

/**
 * A bare name in a pattern (`Empty`, `None`, `LIMIT`, `x`) matches the payload-less variant of
 * that name when one is in scope; otherwise, when it names a module-level constant, it compares
 * the matched value with the constant; otherwise it binds the matched value to a new name.
 */
public final class PatternNames {

	private PatternNames() {
	}

	public static boolean isVariant(BindingPattern pattern) {
		return variantOf(pattern) != null;
	}

	/** Whether the name binds a new name (it names neither a payload-less variant nor a constant). */
	public static boolean binds(BindingPattern pattern) {
		return !isVariant(pattern) && constantOf(pattern) == null;
	}

	/** The names a pattern binds (itself included), in source order. */
	public static List<BindingPattern> bindingsOf(Pattern pattern) {
		List<BindingPattern> result = new ArrayList<>();
		if (pattern instanceof BindingPattern binding) {
			if (binds(binding)) {
				result.add(binding);
			}
		} else if (pattern != null) {
			for (BindingPattern binding : EcoreUtil2.eAllOfType(pattern, BindingPattern.class)) {
				if (binds(binding)) {
					result.add(binding);
				}
			}
		}
		return result;
	}

	/** The constant a bare pattern name compares with, or null. */
	public static ConstDecl constantOf(BindingPattern pattern) {
		if (pattern.getName() == null || isVariant(pattern) || !(pattern.eResource() instanceof XtextResource resource)
				|| !(resource.getResourceServiceProvider().get(IScopeProvider.class) instanceof QuartzScopeProvider scopes)) {
			return null;
		}
		IEObjectDescription found = scopes.moduleValue(pattern, QualifiedName.create(pattern.getName()));
		return found != null && EcoreUtil.resolve(found.getEObjectOrProxy(), pattern) instanceof ConstDecl constant
				? constant : null;
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
		Variant variant = (Variant) EcoreUtil.resolve(found.getEObjectOrProxy(), pattern);
		return variant.getFields().isEmpty() ? variant : null;
	}
}
