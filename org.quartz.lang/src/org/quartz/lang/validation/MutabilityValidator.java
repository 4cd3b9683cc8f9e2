package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ArmBinding;
import org.quartz.lang.quartz.Assignment;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.IndexExpression;
import org.quartz.lang.quartz.LambdaParam;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.LoopVariable;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.ParenthesizedExpression;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.scoping.LocalBindings;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Assignments through immutable bindings. Only `var` bindings and actor fields may be
 * re-assigned, and a field or element may only be assigned through a `var` binding: in
 * `a.b[0] = 1` that is `a`, the binding the assigned place is reached from.
 */
public class MutabilityValidator extends ComposedValidator {

	@Inject
	private TypeChecker typeChecker;

	/** `x = 2` where `x` is already visible assigns to it (see LocalBindings). */
	@Check
	public void checkRebinding(LetDecl let) {
		NamedElement target = LocalBindings.assignedBinding(let);
		if (target != null && !isMutable(target)) {
			error("cannot assign to " + describe(target) + "; declare it with 'var' to make it mutable", let,
					Q.getNamedElement_Name(), QuartzIssueCodes.ASSIGN_TO_IMMUTABLE);
		}
	}

	@Check
	public void checkAssignment(Assignment assignment) {
		Expression target = assignment.getTarget();
		if (target instanceof NameRef ref) {
			checkNameAssignment(ref, assignment.getTarget());
		} else if (target instanceof MemberAccess access && !access.isExplicitArguments() && access.getBlock() == null
				&& !isCall(access)) {
			checkPlaceAssignment(access.getReceiver(), QuartzIssueCodes.FIELD_ASSIGN_THROUGH_IMMUTABLE, "a field");
		} else if (target instanceof IndexExpression index) {
			checkPlaceAssignment(index.getTarget(), QuartzIssueCodes.INDEX_ASSIGN_THROUGH_IMMUTABLE, "an element");
		} else {
			error("cannot assign to this expression; only a name, a field or an element can be assigned",
					assignment, Q.getAssignment_Target(), QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET);
		}
	}

	/** `x.f` without parentheses that calls a function or an actor method: not a field (the typing decides). */
	private boolean isCall(MemberAccess access) {
		CallTarget target = typeChecker.typing(access).callTarget(access);
		return target != null && !(target instanceof CallTarget.FieldRead);
	}

	private void checkNameAssignment(NameRef ref, Expression target) {
		NamedElement binding = ref.getRef();
		if (binding == null || binding.eIsProxy()) {
			return;
		}
		if (!isBinding(binding)) {
			error("cannot assign to " + describe(binding), target, null, QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET);
		} else if (!isMutable(binding)) {
			error("cannot assign to " + describe(binding) + "; declare it with 'var' to make it mutable", target,
					null, QuartzIssueCodes.ASSIGN_TO_IMMUTABLE);
		}
	}

	/** A field or element assignment: the binding it goes through must be mutable. */
	private void checkPlaceAssignment(Expression place, String code, String what) {
		NameRef root = rootName(place);
		if (root == null || root.getRef() == null || root.getRef().eIsProxy()) {
			return; // reached from a call's result or another temporary: no binding is involved
		}
		NamedElement binding = root.getRef();
		if (isBinding(binding) && !isMutable(binding)) {
			error("cannot assign " + what + " through " + describe(binding) + "; declare it with 'var'", root, null,
					code);
		}
	}

	/** The name a place is reached from: `a` in `a.b[0]`; null when it starts at another expression. */
	private static NameRef rootName(Expression place) {
		Expression current = unparenthesized(place);
		while (true) {
			if (current instanceof NameRef ref) {
				return ref;
			}
			if (current instanceof MemberAccess access && !access.isExplicitArguments() && access.getBlock() == null) {
				current = unparenthesized(access.getReceiver());
			} else if (current instanceof IndexExpression index) {
				current = unparenthesized(index.getTarget());
			} else {
				return null;
			}
		}
	}

	private static Expression unparenthesized(Expression expression) {
		Expression current = expression;
		while (current instanceof ParenthesizedExpression parenthesized) {
			current = parenthesized.getExpression();
		}
		return current;
	}

	/** Whether the name stands for a value binding (local, parameter, field, constant), not a declaration. */
	private static boolean isBinding(EObject element) {
		return isMutable(element) || element instanceof LetDecl || element instanceof Param
				|| element instanceof LoopVariable || element instanceof LambdaParam || element instanceof ConstDecl
				|| element instanceof BindingPattern || element instanceof ArmBinding;
	}

	private static boolean isMutable(EObject element) {
		return element instanceof VarDecl || element instanceof ActorField;
	}

	private static String describe(NamedElement element) {
		String kind;
		if (element instanceof Param || element instanceof LambdaParam) {
			kind = "parameter";
		} else if (element instanceof LoopVariable) {
			kind = "loop variable";
		} else if (element instanceof ConstDecl) {
			kind = "constant";
		} else if (element instanceof BindingPattern || element instanceof ArmBinding) {
			kind = "pattern binding";
		} else if (element instanceof LetDecl) {
			kind = "immutable";
		} else if (element instanceof FunctionDecl) {
			kind = "function";
		} else if (element instanceof Variant) {
			kind = "variant";
		} else {
			kind = "type";
		}
		return kind + " '" + element.getName() + "'";
	}
}
