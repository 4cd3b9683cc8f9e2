package org.quartz.lang.typing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.AwaitExpression;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.RecvExpression;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.SendExpression;

import com.google.inject.Inject;

/**
 * Which functions and lambdas may suspend, over the whole program (every module loaded in the
 * resource set). A body may suspend when it contains `await`, `send`, `recv`, `select` or a call
 * of a suspending built-in ({@link #SUSPENDING_BUILTINS}), sends a
 * message to an actor (its mailbox is bounded), or calls a function that may suspend. An actor
 * (its task, which receives messages) always may suspend; its methods are functions like
 * others. A call through a function value may reach any function used as a value, so it may
 * suspend when any lambda or function used as a value may. A lambda's body
 * belongs to the lambda, not to the function that creates it. Computed as a fixpoint, so
 * recursion is handled.
 */
public class SuspensionAnalysis {

	/** Built-ins that wait: in a task they park it, in synchronous code they block the thread. */
	public static final Set<String> SUSPENDING_BUILTINS = Set.of("sched_sleep", "sched_yield", "recv_opt",
			"recv_timeout", "mutex_lock", "task_group_wait", "go_scope", "go_scope_timeout", "go_race",
			"tcp_accept", "tcp_connect",
			"io_read", "io_write");

	@Inject
	private TypeChecker types;

	@Inject
	private IResourceScopeCache cache;

	/** Whether running {@code body} (a FunctionDecl or a Lambda) can reach a suspension point. */
	public boolean maySuspend(EObject body) {
		return analyse(body.eResource()).suspends.getOrDefault(body, false);
	}

	/** Whether some lambda or function used as a value in the program may suspend. */
	public boolean functionValuesMaySuspend(EObject anyElement) {
		return analyse(anyElement.eResource()).anyValueSuspends;
	}

	/** Per function and lambda, whether it may suspend and what it calls; whether any function value may suspend. */
	private record Result(Map<EObject, Boolean> suspends, Map<EObject, Edges> edges, boolean anyValueSuspends) {
	}

	/** One node per function and lambda of the program: whether it may suspend. */
	/** The analysis, computed once and cached until {@code any} changes (it spans its whole resource set). */
	private Result analyse(Resource any) {
		return cache.get(SuspensionAnalysis.class, any, () -> analyseProgram(any));
	}

	private Result analyseProgram(Resource any) {
		List<EObject> bodies = new ArrayList<>();
		List<EObject> values = new ArrayList<>();
		for (Resource resource : List.copyOf(any.getResourceSet().getResources())) {
			for (EObject node : (Iterable<EObject>) resource::getAllContents) {
				if ((node instanceof FunctionDecl function && !function.isExtern()) || node instanceof Lambda
						|| node instanceof ActorDecl) {
					bodies.add(node);
				}
				if (node instanceof Lambda) {
					values.add(node);
				} else if (node instanceof NameRef ref && ref.getRef() instanceof FunctionDecl function
						&& !(ref.eContainer() instanceof Call call && call.getCallee() == ref)) {
					values.add(function);
				}
			}
		}
		Map<EObject, Boolean> suspends = new HashMap<>();
		Map<EObject, Edges> edges = new HashMap<>();
		for (EObject body : bodies) {
			Edges e = edgesOf(body);
			edges.put(body, e);
			suspends.put(body, e.direct);
		}
		boolean changed = true;
		boolean anyValue = false;
		while (changed) {
			changed = false;
			anyValue = values.stream().anyMatch(v -> suspends.getOrDefault(v, false));
			for (EObject body : bodies) {
				if (suspends.get(body)) {
					continue;
				}
				Edges e = edges.get(body);
				if ((e.callsValues && anyValue) || e.callees.stream().anyMatch(c -> suspends.getOrDefault(c, false))) {
					suspends.put(body, true);
					changed = true;
				}
			}
		}
		return new Result(suspends, edges, anyValue || values.stream().anyMatch(v -> suspends.getOrDefault(v, false)));
	}

	/** What a body does directly: suspension points, calls of functions, calls of function values. */
	private static final class Edges {
		boolean direct;
		boolean callsValues;
		final List<EObject> callees = new ArrayList<>();
	}

	private Edges edgesOf(EObject body) {
		Edges edges = new Edges();
		if (body instanceof ActorDecl) {
			// The actor's task: it receives from the mailbox (after evaluating the fields' initial
			// values, whose calls it makes as any task does). Its methods are bodies of their own.
			edges.direct = true;
			return edges;
		}
		for (EObject node : (Iterable<EObject>) () -> EcoreUtil2.eAll(body)) {
			if (node != body && insideNestedLambda(node, body)) {
				continue;
			}
			if (node instanceof AwaitExpression || node instanceof SendExpression || node instanceof RecvExpression
					|| node instanceof SelectExpression) {
				edges.direct = true;
			}
			CallTarget target = types.typing(node).callTarget(node);
			if (target instanceof CallTarget.ActorMessage) {
				edges.direct = true;   // the mailbox is bounded: a send waits while it is full
			} else if (target instanceof CallTarget.Function call) {
				FunctionDecl function = call.function();
				if (function.isExtern()) {
					edges.direct |= "builtin".equals(function.getAbi())
							&& SUSPENDING_BUILTINS.contains(function.getName());
				} else {
					edges.callees.add(function);
				}
			} else if (target instanceof CallTarget.Closure || (target instanceof CallTarget.FieldRead
					&& node instanceof MemberAccess access && (access.isExplicitArguments() || access.getBlock() != null))) {
				edges.callsValues = true;
			}
		}
		return edges;
	}

	private static boolean insideNestedLambda(EObject node, EObject body) {
		for (EObject c = node.eContainer(); c != null && c != body; c = c.eContainer()) {
			if (c instanceof Lambda) {
				return true;
			}
		}
		return false;
	}
}
