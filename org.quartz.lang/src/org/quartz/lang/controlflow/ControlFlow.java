package org.quartz.lang.controlflow;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.BreakStmt;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.CommandCall;
import org.quartz.lang.quartz.ConstDecl;
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
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.ReturnStmt;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.WhileStmt;
import org.quartz.lang.scoping.Globals;

/**
 * Where control goes in a body, read from its statements alone (no types): which statements
 * never hand control to the next one, whether every path through a block ends in a value, which
 * loop a `break` leaves and which function a `return` leaves. Type inference (a branch that never
 * completes fits a value of any type) and validation (missing returns, unreachable code, `break`
 * or `return` with nowhere to go) both ask here, so that they agree. A package of its own, below
 * typing and validation.
 */
public final class ControlFlow {

	private ControlFlow() {
	}

	/** The last statement of a block; null for an empty or missing block. */
	public static Statement lastStatement(Block block) {
		return block == null || block.getStatements().isEmpty() ? null
				: block.getStatements().get(block.getStatements().size() - 1);
	}

	/** `return`, `break` or `continue`: the statements after one in its block never run. */
	public static boolean isJump(Statement statement) {
		return statement instanceof ReturnStmt || statement instanceof BreakStmt || statement instanceof ContinueStmt;
	}

	/** A jump, or a call of the built-in `panic` or `exit`: running it never reaches the next statement. */
	public static boolean neverCompletes(Statement statement) {
		return isJump(statement) || statement instanceof Call call && call.getCallee() instanceof NameRef ref
				&& ref.getRef() instanceof FunctionDecl function && function.isExtern()
				&& "builtin".equals(function.getAbi())
				&& (function.getName().equals("panic") || function.getName().equals("exit"));
	}

	/**
	 * Whether every path through the block ends in a value or leaves the function: its last
	 * statement returns, is an expression or a command call (the block's value), is an if/else,
	 * match or select whose every branch does so, or is a `loop` that no `break` leaves.
	 */
	public static boolean producesValueOnEveryPath(Block block) {
		Statement last = lastStatement(block);
		if (last instanceof ReturnStmt) {
			return true;
		}
		if (last instanceof LoopStmt loop) {
			return !isLeftByBreak(loop);
		}
		if (last instanceof IfExpression ifExpression) {
			return ifExpression.getElse() != null && producesValueOnEveryPath(ifExpression.getThen())
					&& ifExpression.getElsifs().stream().map(ElsifClause::getThen).allMatch(ControlFlow::producesValueOnEveryPath)
					&& producesValueOnEveryPath(ifExpression.getElse());
		}
		if (last instanceof MatchExpression match) {
			return match.getArms().stream().map(MatchArm::getBody).allMatch(ControlFlow::producesValueOnEveryPath);
		}
		if (last instanceof SelectExpression select) {
			return !select.getArms().isEmpty()
					&& select.getArms().stream().map(SelectArm::getBody).allMatch(ControlFlow::producesValueOnEveryPath);
		}
		// Any other expression is the block's value; `a = b`, declarations and other loops are not.
		return last instanceof Expression || last instanceof CommandCall;
	}

	/** Whether a `break` leaves this loop (not one that belongs to a loop or lambda inside it). */
	public static boolean isLeftByBreak(LoopStmt loop) {
		List<BreakStmt> breaks = EcoreUtil2.eAllOfType(loop.getBody(), BreakStmt.class);
		return breaks.stream().anyMatch(brk -> enclosingLoop(brk) == loop);
	}

	/**
	 * The function, lambda or script (the module, whose top-level statements run as main) that a
	 * `return` or `?` at {@code element} returns from; null in the value of a constant, a global or
	 * an actor field, which no function runs.
	 */
	public static EObject enclosingFunction(EObject element) {
		for (EObject container = element.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof FunctionDecl || container instanceof Lambda || container instanceof Module) {
				return container;
			}
			if (container instanceof ConstDecl || container instanceof ActorField || Globals.isGlobal(container)) {
				return null;
			}
		}
		return null;
	}

	/** The loop a `break` or `continue` belongs to; null when a lambda, function or the module comes first. */
	public static EObject enclosingLoop(EObject statement) {
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
