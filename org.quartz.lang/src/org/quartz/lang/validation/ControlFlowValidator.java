package org.quartz.lang.validation;

import java.util.List;

import org.eclipse.xtext.validation.Check;
import org.quartz.lang.controlflow.ControlFlow;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.BreakStmt;
import org.quartz.lang.quartz.ContinueStmt;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.ReturnStmt;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.TryExpression;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeRef;

/**
 * Control flow: a function with a declared non-Void result must produce it on every path,
 * `break`/`continue` must be inside a loop of the same function or lambda, `return` and `?`
 * inside a function, lambda or script (not in a constant's, global's or actor field's value),
 * and a statement right after `return`, `break` or `continue` in the same block can never run
 * (a warning).
 */
public class ControlFlowValidator extends ComposedValidator {

	@Check
	public void checkUnreachable(Block block) {
		List<Statement> statements = block.getStatements();
		for (int i = 0; i + 1 < statements.size(); i++) {
			if (ControlFlow.isJump(statements.get(i))) {
				warning("unreachable code", statements.get(i + 1), null, QuartzIssueCodes.UNREACHABLE_CODE);
				return;
			}
		}
	}

	@Check
	public void checkEveryPathReturns(FunctionDecl function) {
		if (function.getBody() == null || !hasResult(function.getReturnType())) {
			return;
		}
		if (!ControlFlow.producesValueOnEveryPath(function.getBody())) {
			error("function '" + function.getName() + "' must return a value on every path", function,
					Q.getNamedElement_Name(), QuartzIssueCodes.MISSING_RETURN);
		}
	}

	@Check
	public void checkBreak(BreakStmt statement) {
		if (ControlFlow.enclosingLoop(statement) == null) {
			error("'break' outside a loop", statement, null, QuartzIssueCodes.BREAK_OUTSIDE_LOOP);
		}
	}

	@Check
	public void checkContinue(ContinueStmt statement) {
		if (ControlFlow.enclosingLoop(statement) == null) {
			error("'continue' outside a loop", statement, null, QuartzIssueCodes.BREAK_OUTSIDE_LOOP);
		}
	}

	@Check
	public void checkReturn(ReturnStmt statement) {
		if (ControlFlow.enclosingFunction(statement) == null) {
			error("'return' outside a function", statement, null, QuartzIssueCodes.RETURN_OUTSIDE_FUNCTION);
		}
	}

	@Check
	public void checkTry(TryExpression expression) {
		if (ControlFlow.enclosingFunction(expression) == null) {
			error("'?' outside a function: it returns early from the function it is in", expression, null,
					QuartzIssueCodes.TRY_OUTSIDE_OPTION_OR_RESULT);
		}
	}

	/** Whether a declared result type asks for a value: any type but Void (an unresolved one asks nothing). */
	private static boolean hasResult(TypeRef type) {
		if (type == null) {
			return false;
		}
		if (type instanceof NamedTypeRef named) {
			if (named.getType() == null || named.getType().eIsProxy()) {
				return false;
			}
			return !(named.getType() instanceof TypeAlias alias && "Void".equals(alias.getName())
					&& Prelude.isPrelude(alias.eResource()));
		}
		return true;
	}
}
