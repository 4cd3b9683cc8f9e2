package org.quartz.lang.typing;

import java.util.List;

import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.Variant;

/**
 * What a call-shaped expression (`f(a)`, `x.f(a)`, `x.f`, `it "t" do end`) does, with its
 * arguments normalised: a UFCS receiver comes first, a trailing block last. Code generation
 * dispatches on this instead of re-resolving names.
 */
public sealed interface CallTarget {

	/**
	 * The declaration the call names, as an editor navigates to it: the function, trait method or
	 * actor method called, or the field read; null for the rest.
	 */
	default NamedElement declaration() {
		if (this instanceof Function call) {
			return call.function();
		}
		if (this instanceof TraitMethod call) {
			return call.method();
		}
		if (this instanceof ActorMessage call) {
			return call.method();
		}
		return this instanceof FieldRead read ? read.field() : null;
	}

	/** A call of a declared function (user, extern or built-in). */
	record Function(FunctionDecl function, List<Expression> arguments) implements CallTarget {
	}

	/**
	 * A call of a trait's method (declared in a trait, receiver first) whose impl depends on the
	 * receiver's type: on a bounded type parameter (`a.cmp(b)` with `T: Ord`), resolved per
	 * instance by code generation, or a prelude trait's method on a type that has it without an
	 * impl (`1.cmp(2)`, `p.eq(q)` for a struct).
	 */
	record TraitMethod(FunctionDecl method, List<Expression> arguments) implements CallTarget {
	}

	/** Construction of an enum value with a payload: `Circle(3)`. */
	record VariantConstruction(Variant variant, List<Expression> arguments) implements CallTarget {
	}

	/** A call of a function value (closure, or a named function passed as a value). */
	record Closure(Expression callee, List<Expression> arguments) implements CallTarget {
	}

	/** Reading a struct field: `p.x`. */
	record FieldRead(Expression receiver, Field field) implements CallTarget {
	}

	/** Starting an actor: `Counter.new()`. */
	record ActorStart(ActorDecl actor) implements CallTarget {
	}

	/** Sending a message to an actor: `c.increment(5)`; the value is a Task of the method's result. */
	record ActorMessage(Expression actor, FunctionDecl method, List<Expression> arguments) implements CallTarget {
	}

	/** Stopping an actor: `c.stop()` closes its mailbox; the messages already in it are still handled. */
	record ActorStop(Expression actor) implements CallTarget {
		/** The member name; no actor method may take it. */
		public static final String MEMBER = "stop";
	}
}
