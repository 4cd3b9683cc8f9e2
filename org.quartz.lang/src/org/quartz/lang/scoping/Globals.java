package org.quartz.lang.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.TopLevel;
import org.quartz.lang.quartz.VarDecl;

/**
 * Module-level mutable variables: a top-level `var` of a file that is not a script (a module,
 * or a program with `def main`). In a script, whose top-level statements run in order as
 * main, a top-level `var` stays a local binding of that script.
 */
public final class Globals {

	private Globals() {
	}

	/** A file is a script when it has top-level statements other than `var` declarations. */
	public static boolean isScript(Module module) {
		return module.getElements().stream().anyMatch(e -> e instanceof Statement && !(e instanceof VarDecl));
	}

	public static boolean isGlobal(EObject element) {
		return element instanceof VarDecl var && var.eContainer() instanceof Module module && !isScript(module);
	}

	/** A top-level element that runs as a statement of the script (not a global). */
	public static boolean isScriptStatement(TopLevel element) {
		return element instanceof Statement && !isGlobal(element);
	}

	/** The module's globals, in source order (their initialisation order). */
	public static List<VarDecl> of(Module module) {
		if (isScript(module)) {
			return List.of();
		}
		return module.getElements().stream().filter(VarDecl.class::isInstance).map(VarDecl.class::cast).toList();
	}

	/**
	 * The global that the module-level name {@code name} denotes at {@code context} (this
	 * module's or an imported one's), or null when that name is not a global there.
	 */
	static VarDecl named(EObject context, String name) {
		if (!(context.eResource() instanceof XtextResource resource) || name == null) {
			return null;
		}
		IScopeProvider provider = resource.getResourceServiceProvider().get(IScopeProvider.class);
		if (!(provider instanceof QuartzScopeProvider quartz)) {
			return null;
		}
		IEObjectDescription found = quartz.moduleValue(context, QualifiedName.create(name));
		if (found == null) {
			return null;
		}
		EObject element = EcoreUtil.resolve(found.getEObjectOrProxy(), context);
		return isGlobal(element) ? (VarDecl) element : null;
	}

}
