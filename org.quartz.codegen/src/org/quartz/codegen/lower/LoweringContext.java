package org.quartz.codegen.lower;

import java.util.List;

import org.quartz.codegen.ir.Value;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.typing.Type;

/**
 * What the lowerers of one function share (FunctionLowering and the helpers it delegates to:
 * Builtins, MatchLowering, SelectLowering, TaskLowering, ActorLowering): the program being
 * lowered, the builder of the function, and the lowering of its expressions and bindings. The
 * helpers depend on this, not on FunctionLowering or on each other.
 */
record LoweringContext(ProgramLowering program, IrBuilder b, Expressions expressions) {

	/** The lowering of a function's expressions and bindings (FunctionLowering). */
	interface Expressions {

		Value lower(Expression e);

		List<Value> lowerAll(List<Expression> expressions);

		/** A block's statements; its value is the last one's. */
		Value lowerBlock(Block block);

		/** A new local bound to {@code value}. */
		void declare(NamedElement binding, Value value);

		/** Stores {@code value} in a declared local. */
		void assign(NamedElement binding, Value value);

		/** A closure object of a lambda (its function is lowered later). */
		Value lowerClosure(Lambda lambda);

		/** The type of e, in an instance of a bounded function with its type parameters substituted. */
		Type typeOf(Expression e);

		/** The symbol a call or value of {@code function} at {@code use} names (an instance for a bounded function). */
		String functionSymbol(org.quartz.lang.quartz.FunctionDecl function, org.eclipse.emf.ecore.EObject use);

		/** {@code value}, the value of e, checked not to be nil when its type can be (a panic otherwise). */
		Value nonNil(Value value, Expression e);
	}
}
