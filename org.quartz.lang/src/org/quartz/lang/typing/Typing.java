package org.quartz.lang.typing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

/**
 * The result of type inference over one unit (a function, a constant, an actor field's
 * initialiser, or a script's top-level statements), lambdas inside it included.
 */
public final class Typing {

	final Map<EObject, Type> types = new HashMap<>();
	final Map<EObject, CallTarget> calls = new HashMap<>();
	final Map<EObject, Type> lambdaResults = new HashMap<>();
	/** Each use (call or reference) of a generic user function: its type parameters' types there. */
	final Map<EObject, Map<org.quartz.lang.quartz.TypeParam, Type>> typeArguments = new HashMap<>();
	final List<TypeIssue> issues = new ArrayList<>();
	/** Expressions inferred, counting repeats: linear in the unit's size (tests guard that). */
	int inferenceSteps;

	/** The fully resolved type of an expression or binding of this unit ({@link Type.Error} if unknown). */
	public Type typeOf(EObject expressionOrBinding) {
		Type type = types.get(expressionOrBinding);
		return type == null ? Type.Error.INSTANCE : Types.deepResolve(type);
	}

	/** What a call-shaped expression does; null for other expressions. */
	public CallTarget callTarget(EObject call) {
		return calls.get(call);
	}

	/**
	 * The type arguments of a use of a generic function (a call, or its name as a value), fully
	 * resolved, by type parameter; empty for other expressions.
	 */
	public Map<org.quartz.lang.quartz.TypeParam, Type> typeArguments(EObject use) {
		Map<org.quartz.lang.quartz.TypeParam, Type> arguments = typeArguments.get(use);
		if (arguments == null) {
			return Map.of();
		}
		Map<org.quartz.lang.quartz.TypeParam, Type> resolved = new HashMap<>();
		arguments.forEach((param, type) -> resolved.put(param, Types.deepResolve(type)));
		return resolved;
	}

	/** The result type of a lambda of this unit. */
	public Type lambdaResult(EObject lambda) {
		Type type = lambdaResults.get(lambda);
		return type == null ? Type.Error.INSTANCE : Types.deepResolve(type);
	}

	/** How many times an expression was inferred: the unit's size, unless something is typed twice. */
	public int inferenceSteps() {
		return inferenceSteps;
	}

	public List<TypeIssue> issues() {
		return Collections.unmodifiableList(issues);
	}
}
