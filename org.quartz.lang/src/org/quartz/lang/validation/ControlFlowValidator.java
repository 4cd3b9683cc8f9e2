package org.quartz.lang.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.BreakStmt;
import org.quartz.lang.quartz.CommandCall;
import org.quartz.lang.quartz.ContinueStmt;
import org.quartz.lang.quartz.ElsifClause;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.ForStmt;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.IfExpression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.LoopStmt;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.MatchExpression;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.ReturnStmt;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeRef;
import org.quartz.lang.quartz.WhileStmt;

/**
 * Control flow: a function with a declared non-Void result must produce it on every path,
 * `break`/`continue` must be inside a loop of the same function or lambda, and a statement
 * right after `return`, `break` or `continue` in the same block can never run (a warning).
 */
public class ControlFlowValidator extends ComposedValidator {

	@Check
	public void checkUnreachable(Block block) {
		List<Statement> statements = block.getStatements();
		for (int i = 0; i + 1 < statements.size(); i++) {
			Statement jump = statements.get(i);
			if (jump instanceof ReturnStmt || jump instanceof BreakStmt || jump instanceof ContinueStmt) {
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
		if (!producesValue(function.getBody())) {
			error("function '" + function.getName() + "' must return a value on every path", function,
					Q.getNamedElement_Name(), QuartzIssueCodes.MISSING_RETURN);
		}
	}

	@Check
	public void checkBreak(BreakStmt statement) {
		if (enclosingLoop(statement) == null) {
			error("'break' outside a loop", statement, null, QuartzIssueCodes.BREAK_OUTSIDE_LOOP);
		}
	}

	@Check
	public void checkContinue(ContinueStmt statement) {
		if (enclosingLoop(statement) == null) {
			error("'continue' outside a loop", statement, null, QuartzIssueCodes.BREAK_OUTSIDE_LOOP);
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

	/**
	 * Whether running the block ends in a value or leaves the function: its last statement
	 * returns, is an expression (the block's value), is an if/else, match or select whose every
	 * branch does so, or is a `loop` that no `break` leaves.
	 */
	private static boolean producesValue(Block block) {
		List<Statement> statements = block == null ? List.of() : block.getStatements();
		return !statements.isEmpty() && producesValue(statements.get(statements.size() - 1));
	}

	private static boolean producesValue(Statement last) {
		if (last instanceof ReturnStmt) {
			return true;
		}
		if (last instanceof LoopStmt loop) {
			return EcoreUtil2.eAllOfType(loop.getBody(), BreakStmt.class).stream()
					.noneMatch(brk -> enclosingLoop(brk) == loop);
		}
		if (last instanceof IfExpression ifExpression) {
			return ifExpression.getElse() != null && producesValue(ifExpression.getThen())
					&& ifExpression.getElsifs().stream().map(ElsifClause::getThen).allMatch(ControlFlowValidator::producesValue)
					&& producesValue(ifExpression.getElse());
		}
		if (last instanceof MatchExpression match) {
			return match.getArms().stream().map(MatchArm::getBody).allMatch(ControlFlowValidator::producesValue);
		}
		if (last instanceof SelectExpression select) {
			return !select.getArms().isEmpty()
					&& select.getArms().stream().map(SelectArm::getBody).allMatch(ControlFlowValidator::producesValue);
		}
		// Any other expression is the block's value; `a = b`, declarations and loops are not.
		return last instanceof Expression || last instanceof CommandCall;
	}

	/** The loop a `break`/`continue` belongs to; null when a lambda, function or the module comes first. */
	private static EObject enclosingLoop(EObject statement) {
		for (EObject container = statement.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof WhileStmt || container instanceof ForStmt || container instanceof LoopStmt) {
				return container;
			}
			if (container instanceof Lambda || container instanceof FunctionDecl || container instanceof Module) {
				return null;
			}
		}
		return null;
	}
}
