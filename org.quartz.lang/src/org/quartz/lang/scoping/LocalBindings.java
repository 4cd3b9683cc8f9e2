package org.quartz.lang.scoping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;
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
		NamedElement local = lookup(let, let.getName());
		return local != null ? local : Globals.named(let, let.getName());
	}

	/**
	 * The local binding {@code name} denotes at {@code context}, or null: the same answer as
	 * {@code visibleAt(context).get(name)}, found innermost first through a per-block index, so
	 * resolving every name of a block is linear in its size, not quadratic.
	 */
	public static NamedElement lookup(EObject context, String name) {
		if (name == null) {
			return null;
		}
		Resource resource = context.eResource(); // found once: eResource() walks up the containers
		EObject child = context;
		for (EObject container = child.eContainer(); container != null; child = container, container = container.eContainer()) {
			if (container instanceof Module && !(child instanceof Statement)) {
				return null; // a declaration sees no script bindings
			}
			NamedElement found = declaredIn(container, child, name, resource);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** What {@code container} makes visible to {@code child} under {@code name} (the last such). */
	private static NamedElement declaredIn(EObject container, EObject child, String name, Resource resource) {
		if (container instanceof Block || container instanceof Module) {
			return StatementIndex.of(container, resource).lastBefore(name, child);
		}
		if (container instanceof FunctionDecl function) {
			NamedElement param = last(function.getParams(), name);
			if (param == null && function.eContainer() instanceof ActorDecl actor) {
				return last(actor.getFields(), name);
			}
			return param;
		}
		if (container instanceof ForStmt loop && child == loop.getBody()) {
			return named(loop.getVariable(), name);
		}
		if (container instanceof Lambda lambda && child == lambda.getBody()) {
			return last(lambda.getParams(), name);
		}
		if (container instanceof MatchArm arm && child == arm.getBody()) {
			Map<String, NamedElement> bindings = new LinkedHashMap<>();
			addPatternBindings(arm.getPattern(), bindings);
			return bindings.get(name);
		}
		if (container instanceof RecvArm arm && child == arm.getBody()) {
			return named(arm.getBinding(), name);
		}
		return null;
	}

	private static NamedElement last(List<? extends NamedElement> elements, String name) {
		for (int i = elements.size() - 1; i >= 0; i--) {
			if (named(elements.get(i), name) != null) {
				return elements.get(i);
			}
		}
		return null;
	}

	private static NamedElement named(NamedElement element, String name) {
		return element != null && name.equals(element.getName()) ? element : null;
	}

	/**
	 * The bindings a block (or a script's statement list) declares, by name, with their
	 * positions; built once per block and resource state. Whether `x = e` declares depends on
	 * what is visible before it, so the index is built in statement order.
	 */
	private static final class StatementIndex {

		private static final OnChangeEvictingCache CACHE = new OnChangeEvictingCache();

		private final Map<EObject, Integer> positions = new HashMap<>();
		private final Map<String, List<Integer>> declarationPositions = new HashMap<>();
		private final Map<Integer, NamedElement> declarations = new HashMap<>();

		static StatementIndex of(EObject container, Resource resource) {
			if (resource == null) {
				return new StatementIndex(container);
			}
			return CACHE.get(Tuples.pair(StatementIndex.class, container), resource,
					() -> new StatementIndex(container));
		}

		private StatementIndex(EObject container) {
			List<? extends EObject> statements = container instanceof Block block ? block.getStatements()
					: ((Module) container).getElements();
			for (int i = 0; i < statements.size(); i++) {
				EObject statement = statements.get(i);
				positions.put(statement, i);
				NamedElement declared = null;
				if (statement instanceof VarDecl var) {
					declared = var;
				} else if (statement instanceof LetDecl let && let.getName() != null && (let.getType() != null
						|| (lastBefore(let.getName(), i) == null && lookup(container, let.getName()) == null
								&& Globals.named(let, let.getName()) == null))) {
					declared = let;
				}
				if (declared != null && declared.getName() != null) {
					declarationPositions.computeIfAbsent(declared.getName(), k -> new ArrayList<>()).add(i);
					declarations.put(i, declared);
				}
			}
		}

		NamedElement lastBefore(String name, EObject child) {
			Integer position = positions.get(child);
			return position == null ? null : lastBefore(name, position);
		}

		/** The last declaration of {@code name} at a position before {@code position}. */
		private NamedElement lastBefore(String name, int position) {
			List<Integer> at = declarationPositions.get(name);
			if (at == null) {
				return null;
			}
			int found = Collections.binarySearch(at, position);
			int before = (found >= 0 ? found : -found - 1) - 1;
			return before >= 0 ? declarations.get(at.get(before)) : null;
		}
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
