package org.quartz.codegen.lower;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.typing.Traits;

/**
 * Names of generated functions, derived from source names only so the IR is the same on
 * every run: {@code module.function}, {@code module.function.lambda.N} (N counts lambdas in
 * source order), {@code module.Actor.method}. The module name is the file's base name, or the
 * import path with dots.
 */
final class SymbolNames {

	/** The module name of the prelude's functions with a body. */
	static final String PRELUDE = "quartz.prelude";

	private final Map<Resource, String> moduleNames = new HashMap<>();

	void nameModule(Resource resource, String name) {
		moduleNames.put(resource, name);
	}

	String moduleOf(Resource resource) {
		String name = moduleNames.get(resource);
		if (name == null && Prelude.isPrelude(resource)) {
			return PRELUDE;
		}
		if (name == null) {
			throw new IllegalStateException("module not part of the program: " + resource.getURI());
		}
		return name;
	}

	String function(FunctionDecl function) {
		if (function.isExtern()) {
			return function.getName();
		}
		String owner = function.eContainer() instanceof ActorDecl actor ? actor.getName() + "."
				: function.eContainer() instanceof ImplDecl impl ? implOwner(impl) : "";
		return moduleOf(function.eResource()) + "." + owner + function.getName();
	}


	/** `Circle.Shape.` for the methods of `impl Shape for Circle`: one type has one impl of a trait. */
	private static String implOwner(ImplDecl impl) {
		NamedElement target = Traits.target(impl);
		return (target == null ? "?" : target.getName()) + "." + impl.getTrait().getName() + ".";
	}
}
