package org.quartz.lang.typing;

import java.util.List;
import java.util.stream.Collectors;

import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TypeParam;

/**
 * A Quartz type. Nominal types (built-ins, structs, enums, actors) are {@link Named}; function
 * types {@link Fn}; inference variables {@link Var}; a type parameter inside its own generic
 * declaration {@link Parameter}; {@link Error} stands for a type already
 * reported as wrong, and unifies with anything so one mistake gives one diagnostic.
 */
public sealed interface Type {

	/**
	 * A nominal type. Built-in types (declared `type Int` in the prelude) are identified by name;
	 * user types by their declaration.
	 */
	record Named(String name, NamedElement declaration, boolean builtin, List<Type> arguments) implements Type {

		public boolean sameConstructor(Named other) {
			return builtin ? other.builtin && name.equals(other.name) : declaration == other.declaration;
		}

		public boolean isBuiltin(String builtinName) {
			return builtin && name.equals(builtinName);
		}

		public boolean isEnum() {
			return declaration instanceof EnumDecl;
		}

		public boolean isStruct() {
			return declaration instanceof StructDecl;
		}

		public boolean isActor() {
			return declaration instanceof ActorDecl;
		}

		@Override
		public String toString() {
			if (arguments.isEmpty()) {
				return name;
			}
			return name + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "<", ">"));
		}
	}

	/** `Fn(A, B): R`. */
	record Fn(List<Type> parameters, Type result) implements Type {
		@Override
		public String toString() {
			String params = parameters.stream().map(Object::toString).collect(Collectors.joining(", ", "Fn(", ")"));
			return result instanceof Named named && named.isBuiltin(Types.VOID) ? params : params + ": " + result;
		}
	}

	/**
	 * A type parameter seen from inside its generic declaration (`T` in the body of
	 * `def first<T>`): it stands for every type at once, so it equals only itself, and a value of
	 * it can only be passed along (the body is compiled once, erased). A use of the declaration
	 * gets fresh {@link Var}s instead.
	 */
	record Parameter(TypeParam declaration) implements Type {
		@Override
		public String toString() {
			return declaration.getName();
		}
	}

	/** A declaration used where a value is expected (`Counter` in `Counter.new()`). */
	record Meta(NamedElement declaration) implements Type {
		@Override
		public String toString() {
			return "type " + declaration.getName();
		}
	}

	/** An inference variable; bound at most once, through {@link Unifier}. */
	final class Var implements Type {
		private final int id;
		Type binding;

		Var(int id) {
			this.id = id;
		}

		@Override
		public String toString() {
			return binding != null ? binding.toString() : "?" + id;
		}
	}

	/** A type already reported as erroneous. */
	enum Error implements Type {
		INSTANCE;

		@Override
		public String toString() {
			return "<error>";
		}
	}
}
