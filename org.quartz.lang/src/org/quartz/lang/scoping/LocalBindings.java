package org.quartz.lang.scoping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.AlternativePattern;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.ForStmt;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.LambdaParam;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.Pattern;
import org.quartz.lang.quartz.RecvArm;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.quartz.VariantPattern;

/**
 * The local bindings visible at a point of a function body (or of a script's top-level
 * statements), innermost last: actor fields, parameters, earlier `var`/`x = e` bindings of
 * every enclosing block, loop variables, lambda parameters and pattern bindings.
 *
 * `x = e` declares a new immutable binding only when no binding named x is visible; otherwise
 * it assigns the visible one (a compile error when that one is immutable), else a global of
 * that name ({@link Globals}). So `x = e` never shadows, while `var`, parameters, loop variables and patterns do.
 */
public final class LocalBindings {

	private LocalBindings() {
	}

	/** Name to binding, for everything visible at {@code context}. */
	public static Map<String, NamedElement> visibleAt(EObject context) {
		Map<String, NamedElement> visible = new LinkedHashMap<>();
		collect(context, visible);
		return visible;
	}

	/** The binding `let` assigns to, or null when `let` declares a new binding. */
	public static NamedElement assignedBinding(LetDecl let) {
		if (let.getType() != null) {
			return null;
		}
		NamedElement local = visibleAt(let).get(let.getName());
		return local != null ? local : Globals.named(let, let.getName());
	}

	/** Adds what the containers of {@code child} make visible to it, outermost first. */
	private static void collect(EObject child, Map<String, NamedElement> visible) {
		EObject container = child.eContainer();
		if (container == null || (container instanceof Module && !(child instanceof Statement))) {
			// A declaration sees no script bindings: its locals start here.
			return;
		}
		collect(container, visible);
		if (container instanceof FunctionDecl function) {
			if (function.eContainer() instanceof ActorDecl actor) {
				for (ActorField field : actor.getFields()) {
					put(visible, field);
				}
			}
			for (Param param : function.getParams()) {
				put(visible, param);
			}
		} else if (container instanceof Block block) {
			addStatementsBefore(block.getStatements(), child, visible);
		} else if (container instanceof Module module) {
			addStatementsBefore(module.getElements(), child, visible);
		} else if (container instanceof ForStmt loop && child == loop.getBody()) {
			put(visible, loop.getVariable());
		} else if (container instanceof Lambda lambda && child == lambda.getBody()) {
			for (LambdaParam param : lambda.getParams()) {
				put(visible, param);
			}
		} else if (container instanceof MatchArm arm && child == arm.getBody()) {
			addPatternBindings(arm.getPattern(), visible);
		} else if (container instanceof RecvArm arm && child == arm.getBody() && arm.getBinding() != null) {
			put(visible, arm.getBinding());
		}
	}

	private static void addStatementsBefore(Iterable<? extends EObject> statements, EObject child,
			Map<String, NamedElement> visible) {
		for (EObject statement : statements) {
			if (statement == child) {
				return;
			}
			if (statement instanceof VarDecl var) {
				put(visible, var);
			} else if (statement instanceof LetDecl let && (let.getType() != null
					|| (!visible.containsKey(let.getName()) && Globals.named(let, let.getName()) == null))) {
				put(visible, let);
			}
		}
	}

	private static void addPatternBindings(Pattern pattern, Map<String, NamedElement> visible) {
		if (pattern instanceof BindingPattern binding && PatternNames.binds(binding)) {
			put(visible, binding);
		} else if (pattern instanceof VariantPattern variant) {
			variant.getArguments().forEach(argument -> addPatternBindings(argument, visible));
		} else if (pattern instanceof AlternativePattern alternatives) {
			// Every alternative binds the same names (PatternValidator); the arm sees the first's.
			List<Pattern> all = alternatives.getAlternatives();
			for (int i = all.size() - 1; i >= 0; i--) {
				addPatternBindings(all.get(i), visible);
			}
		}
	}

	private static void put(Map<String, NamedElement> visible, NamedElement element) {
		if (element != null && element.getName() != null) {
			visible.remove(element.getName());
			visible.put(element.getName(), element);
		}
	}
}
