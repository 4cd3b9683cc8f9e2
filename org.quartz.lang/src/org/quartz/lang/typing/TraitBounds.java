package org.quartz.lang.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.INVALID_TRAIT_DECLARATION;
import static org.quartz.lang.issues.QuartzIssueCodes.MISSING_IMPL;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeParam;

/**
 * Which types implement which traits, for {@link TypeInference}: bounds at the uses of bounded
 * functions, and the operators and built-ins that need Eq, Ord, Hash or Show.
 *
 * A type implements a trait when it has an impl of it ({@link Traits#implFor}), or when it is
 * a type parameter bounded by it, or (the prelude's traits only) without an impl: Int, Float,
 * Bool and String implement all four; structs, enums, Vec, Map, Option and Result implement Eq
 * and Show when their components do (field by field, element by element, as
 * {@link StructuralTraits#components} gives them); every other type (Channel, Task, Mutex,
 * Atomic, TaskGroup, StrBuf, actors, functions) implements Eq by identity and has no Show.
 */
final class TraitBounds {

	private static final Set<String> SCALARS = Set.of(Types.INT, Types.FLOAT, Types.BOOL, Types.STRING);

	private final TypeInference inference;

	TraitBounds(TypeInference inference) {
		this.inference = inference;
	}

	/** Reports QZ0316 at {@code at} for each bound of {@code function}'s type parameters its type argument does not meet. */
	void check(FunctionDecl function, Map<TypeParam, Type> arguments, EObject at) {
		boolean recursive = EcoreUtil.isAncestor(function, at);
		for (TypeParam param : function.getTypeParams()) {
			Type argument = Types.deepResolve(arguments.get(param));
			if (recursive && !param.getBounds().isEmpty() && !(argument instanceof Type.Parameter p && p.declaration() == param)) {
				// Each instance would need another: f<T> calling f<Vec<T>> has no end.
				inference.issue(at, null, INVALID_TRAIT_DECLARATION, "'" + function.getName() + "' calls itself with "
						+ param.getName() + " = " + argument + "; a function with a bounded type parameter must call itself"
						+ " with the same type arguments");
				return;
			}
			if (argument instanceof Type.Var || argument == Type.Error.INSTANCE) {
				continue;   // unknown: QZ0304 or an earlier error says why
			}
			for (TraitDecl trait : param.getBounds()) {
				if (trait != null && !trait.eIsProxy() && !implementsTrait(argument, trait)) {
					inference.issue(at, null, MISSING_IMPL, argument + " does not implement " + trait.getName() + ", which '"
							+ function.getName() + "' needs of its type parameter " + param.getName() + " ("
							+ describe(param) + ")");
					break;
				}
			}
		}
	}

	/** `T: Eq + Hash`. */
	static String describe(TypeParam param) {
		return param.getName() + ": " + param.getBounds().stream().map(TraitDecl::getName).collect(Collectors.joining(" + "));
	}

	/** Whether a type parameter's bounds name the prelude trait {@code traitName}. */
	boolean hasBound(Type.Parameter parameter, String traitName) {
		return parameter.declaration().getBounds().stream()
				.anyMatch(t -> !t.eIsProxy() && traitName.equals(t.getName()) && Traits.isBuiltin(t));
	}

	/** Whether {@code type} implements the prelude trait {@code traitName} (seen from {@code context}). */
	boolean implementsBuiltin(Type type, EObject context, String traitName) {
		TraitDecl trait = Traits.builtin(context, traitName);
		return trait != null && implementsTrait(type, trait);
	}

	boolean implementsTrait(Type type, TraitDecl trait) {
		return implementsTrait(type, trait, new HashSet<>());
	}

	private boolean implementsTrait(Type type, TraitDecl trait, Set<String> assumed) {
		Type t = Types.resolve(type);
		if (t instanceof Type.Var || t == Type.Error.INSTANCE) {
			return true;
		}
		if (t instanceof Type.Parameter parameter) {
			return parameter.declaration().getBounds().contains(trait);
		}
		if (t instanceof Type.Fn) {
			return Traits.isBuiltin(trait) && Traits.EQ.equals(trait.getName());
		}
		if (!(t instanceof Type.Named named)) {
			return false;
		}
		if (Traits.implFor(trait, named) != null) {
			return true;
		}
		if (!Traits.isBuiltin(trait)) {
			return false;
		}
		String name = trait.getName();
		if (named.builtin() && SCALARS.contains(named.name())) {
			return true;
		}
		boolean eq = Traits.EQ.equals(name);
		if (!eq && !Traits.SHOW.equals(name)) {
			return false;   // Ord and Hash only by impl, for all but the scalars
		}
		List<Type> components = inference.traits.components(named);
		if (components == null) {
			return eq;   // not structural (StructuralTraits): compared by identity, no text
		}
		// A recursive type (a tree of itself) implements the trait if the rest of it does.
		if (!assumed.add(Types.deepResolve(named) + " " + name)) {
			return true;
		}
		return components.stream().allMatch(c -> implementsTrait(c, trait, assumed));
	}
}
