package org.quartz.codegen.lower;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.resource.Resource;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;

/**
 * Names of generated functions, derived from source names only so the IR is the same on
 * every run: {@code module.function}, {@code module.function.lambda.N} (N counts lambdas in
 * source order), {@code module.Actor.method}, {@code module.Type.Trait.method} (an impl's),
 * {@code module.function<Int, geo.Point>} (a bounded function's instance). The module name is
 * the file's base name, or the import path with dots.
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

	/**
	 * A type argument in the symbol of a bounded function's instance, `Int`, `geo.Point`,
	 * `Vec<geo.Point>`: a user type qualified by its module, as two modules may each declare a
	 * Point, which need instances of their own.
	 */
	String type(Type type) {
		Type t = Types.resolve(type);
		if (t instanceof Type.Named named) {
			NamedElement declaration = named.declaration();
			String name = named.builtin() || declaration == null || declaration.eResource() == null
					|| Prelude.isPrelude(declaration.eResource()) ? named.name()
							: moduleOf(declaration.eResource()) + "." + named.name();
			return named.arguments().isEmpty() ? name
					: name + named.arguments().stream().map(this::type).collect(Collectors.joining(", ", "<", ">"));
		}
		if (t instanceof Type.Fn fn) {
			return fn.parameters().stream().map(this::type).collect(Collectors.joining(", ", "Fn(", ")")) + ": "
					+ type(fn.result());
		}
		return t.toString();
	}

	/** `Circle.Shape.` for the methods of `impl Shape for Circle`: one type has one impl of a trait. */
	private static String implOwner(ImplDecl impl) {
		NamedElement target = Traits.target(impl);
		return (target == null ? "?" : target.getName()) + "." + impl.getTrait().getName() + ".";
	}
}
