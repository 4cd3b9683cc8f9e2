package org.quartz.lang.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.TYPE_MISMATCH;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantField;

/**
 * The automatic Eq and Show of reference §13, as type checking sees them. Structs, enums, Vec,
 * Map, Option and Result compare and print through their components: a struct's fields and a
 * variant's payload (the type's arguments in place of its parameters), a Vec's elements, a
 * Map's keys and values. Int, Float, Bool and String have both. Every other type (Channel,
 * Task, Mutex, Atomic, TaskGroup, StrBuf, actors, functions) compares by identity and has no
 * text.
 *
 * Input: a type once its unit is inferred (the checks are deferred), and where to report.
 * Output: issues, through {@link TypeInference}. A bare type parameter among the components
 * goes through {@link TypeInference#needsBound}, so that its bound decides (an erased body
 * cannot look into a T); for Show a component still unknown defaults to Int, as a whole value
 * does. A type whose components nest without end (`struct S<T>` holding an `S<Vec<T>>`) is
 * refused: no finite set of generated functions could compare or print it.
 */
final class StructuralTraits {

	/** Components nested deeper than this can only come from a type that grows without end. */
	private static final int MAX_DEPTH = 64;

	/** What a walk checks: the type compared or printed, for which trait, and where and how to report. */
	private record Check(Type root, boolean show, String code, String need, String trait, EObject at) {
	}

	private final TypeInference inference;

	StructuralTraits(TypeInference inference) {
		this.inference = inference;
	}

	/** {@code operation} (`==`, `vec_contains?`) compares values of {@code type}; reported at {@code at} with {@code code}. */
	void expectEq(Type type, EObject at, String code, String operation) {
		walk(type, new Check(type, false, code, "'" + operation + "' needs %s to be comparable", "Eq", at), new HashSet<>());
	}

	/** Interpolation or to_s of a value of {@code type} at {@code at}. */
	void expectShow(Type type, EObject at) {
		Type missing = walk(type, new Check(type, true, TYPE_MISMATCH, "converting to a String needs %s to be printable", "Show", at),
				new HashSet<>());
		if (missing == null) {
			return;
		}
		Type whole = Types.deepResolve(type);
		Type part = Types.deepResolve(missing);
		inference.issue(at, null, TYPE_MISMATCH, "cannot convert " + whole + " to a String"
				+ (part.equals(whole) ? "" : ": it holds a " + part)
				+ " (channels, tasks, mutexes, atomics, task groups, StrBufs, actors and functions have no text)");
	}

	/** Checks {@code type} and its components; returns, for Show, the first component that has no text, else null. */
	private Type walk(Type type, Check check, Set<Type> seen) {
		Type t = Types.resolve(type);
		if (t instanceof Type.Var var) {
			if (check.show()) {
				inference.unifier.unify(var, Types.builtin(Types.INT));
			}
			return null;
		}
		if (t == Type.Error.INSTANCE || Types.is(t, Types.INT) || Types.is(t, Types.FLOAT) || Types.is(t, Types.BOOL)
				|| Types.is(t, Types.STRING)) {
			return null;
		}
		if (t instanceof Type.Parameter) {
			inference.needsBound(t, check.at(), check.code(), check.need(), check.trait());
			return null;
		}
		if (t instanceof Type.Named named && hasUserImpl(named, check)) {
			return null;   // the user's eq or to_s decides, whatever the components
		}
		List<Type> components = components(t);
		if (components == null) {
			return check.show() ? t : null;   // identity for Eq
		}
		Type whole = Types.deepResolve(t);
		if (Types.depth(whole) > MAX_DEPTH) {
			inference.issue(check.at(), null, check.code(), "cannot " + (check.show() ? "print " : "compare ")
					+ Types.deepResolve(check.root())
					+ ": its components nest without end (a generic type holding itself with other type arguments)");
			return null;
		}
		if (!seen.add(whole)) {
			return null;
		}
		for (Type component : components) {
			Type missing = walk(component, check, seen);
			if (missing != null) {
				return missing;
			}
		}
		return null;
	}

	private static boolean hasUserImpl(Type.Named type, Check check) {
		TraitDecl trait = Traits.builtin(check.at(), check.trait());
		return trait != null && Traits.implFor(trait, type) != null;
	}

	/** The components a structural type compares and prints through; null for the other types. */
	List<Type> components(Type t) {
		if (!(t instanceof Type.Named named)) {
			return null;
		}
		if (named.isBuiltin(Types.VEC) || named.isBuiltin(Types.MAP)) {
			return named.arguments();
		}
		Map<TypeParam, Type> arguments = Types.argumentsByParameter(named);
		List<Type> components = new ArrayList<>();
		if (named.declaration() instanceof StructDecl struct) {
			for (Field field : struct.getFields()) {
				components.add(inference.typeOf(field.getType(), arguments));
			}
			return components;
		}
		if (named.declaration() instanceof EnumDecl enumDecl) {
			for (Variant variant : enumDecl.getVariants()) {
				for (VariantField field : variant.getFields()) {
					components.add(inference.typeOf(field.getType(), arguments));
				}
			}
			return components;
		}
		return null;
	}

}
