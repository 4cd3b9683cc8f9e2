package org.quartz.lang.typing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeParams;

/** Constructors and queries for {@link Type}s; every query resolves bound variables first. */
public final class Types {

	public static final String INT = "Int";
	public static final String FLOAT = "Float";
	public static final String BOOL = "Bool";
	public static final String STRING = "String";
	public static final String VOID = "Void";
	public static final String VEC = "Vec";
	public static final String MAP = "Map";
	public static final String CHANNEL = "Channel";
	public static final String TASK = "Task";
	public static final String MUTEX = "Mutex";
	public static final String ATOMIC = "Atomic";
	/** The string builder of the prelude (reference §12). */
	public static final String STRBUF = "StrBuf";
	/** The type of `a..b`, which only `for` iterates; not nameable in source. */
	public static final String RANGE = "Range";
	public static final String OPTION = "Option";
	public static final String RESULT = "Result";

	private Types() {
	}

	public static Type.Named builtin(String name, Type... arguments) {
		return new Type.Named(name, null, true, List.of(arguments));
	}

	public static Type.Named nominal(NamedElement declaration, List<Type> arguments) {
		boolean builtin = declaration != null && Prelude.isPrelude(declaration.eResource());
		return new Type.Named(declaration.getName(), declaration, builtin, List.copyOf(arguments));
	}

	public static Type.Named of(ActorDecl actor) {
		return nominal(actor, List.of());
	}

	public static Type.Named of(EnumDecl enumDecl, List<Type> arguments) {
		return nominal(enumDecl, arguments);
	}

	/** Follows variable bindings to the type a variable stands for (shallow). */
	public static Type resolve(Type type) {
		while (type instanceof Type.Var var && var.binding != null) {
			type = var.binding;
		}
		return type;
	}

	/** Resolves variables everywhere inside {@code type}. */
	public static Type deepResolve(Type type) {
		Type t = resolve(type);
		if (t instanceof Type.Named named && !named.arguments().isEmpty()) {
			List<Type> args = new ArrayList<>();
			named.arguments().forEach(a -> args.add(deepResolve(a)));
			return new Type.Named(named.name(), named.declaration(), named.builtin(), args);
		}
		if (t instanceof Type.Fn fn) {
			List<Type> params = new ArrayList<>();
			fn.parameters().forEach(p -> params.add(deepResolve(p)));
			return new Type.Fn(params, deepResolve(fn.result()));
		}
		return t;
	}

	/** {@code type} with the type parameters {@code substitution} maps replaced (resolved first). */
	public static Type substitute(Type type, java.util.Map<org.quartz.lang.quartz.TypeParam, Type> substitution) {
		Type t = resolve(type);
		if (substitution.isEmpty()) {
			return t;
		}
		if (t instanceof Type.Parameter parameter) {
			return substitution.getOrDefault(parameter.declaration(), t);
		}
		if (t instanceof Type.Named named && !named.arguments().isEmpty()) {
			List<Type> args = new ArrayList<>();
			named.arguments().forEach(a -> args.add(substitute(a, substitution)));
			return new Type.Named(named.name(), named.declaration(), named.builtin(), args);
		}
		if (t instanceof Type.Fn fn) {
			List<Type> params = new ArrayList<>();
			fn.parameters().forEach(p -> params.add(substitute(p, substitution)));
			return new Type.Fn(params, substitute(fn.result(), substitution));
		}
		return t;
	}

	/** How deeply type arguments nest in {@code type}: 1 for `Int`, 2 for `Vec<Int>`, 3 for `Vec<Vec<Int>>`. */
	public static int depth(Type type) {
		if (type instanceof Type.Named named) {
			return 1 + named.arguments().stream().mapToInt(Types::depth).max().orElse(0);
		}
		if (type instanceof Type.Fn fn) {
			return 1 + Math.max(depth(fn.result()), fn.parameters().stream().mapToInt(Types::depth).max().orElse(0));
		}
		return 1;
	}

	/** True when no inference variable is left unbound inside {@code type}. */
	public static boolean isComplete(Type type) {
		Type t = resolve(type);
		if (t instanceof Type.Var) {
			return false;
		}
		if (t instanceof Type.Named named) {
			return named.arguments().stream().allMatch(Types::isComplete);
		}
		if (t instanceof Type.Fn fn) {
			return fn.parameters().stream().allMatch(Types::isComplete) && isComplete(fn.result());
		}
		return true;
	}

	public static boolean is(Type type, String builtinName) {
		return resolve(type) instanceof Type.Named named && named.isBuiltin(builtinName);
	}

	public static boolean isUnknown(Type type) {
		return resolve(type) instanceof Type.Var;
	}

	public static boolean isError(Type type) {
		return resolve(type) == Type.Error.INSTANCE;
	}

	/** The type parameter {@code type} is (inside its generic declaration), or null. */
	public static Type.Parameter parameter(Type type) {
		return resolve(type) instanceof Type.Parameter parameter ? parameter : null;
	}

	/** A generic type's arguments by its declaration's type parameters (`Pair<Int, String>`: A to Int, B to String). */
	public static Map<TypeParam, Type> argumentsByParameter(Type.Named type) {
		Map<TypeParam, Type> bound = new HashMap<>();
		if (type.declaration() instanceof TypeParams generic && generic.getTypeParams().size() == type.arguments().size()) {
			for (int i = 0; i < type.arguments().size(); i++) {
				bound.put(generic.getTypeParams().get(i), type.arguments().get(i));
			}
		}
		return bound;
	}

	/** The i-th type argument of a nominal type, or null. */
	public static Type argument(Type type, int index) {
		return resolve(type) instanceof Type.Named named && index < named.arguments().size()
				? named.arguments().get(index) : null;
	}
}
