package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.ArmBinding;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.LambdaParam;
import org.quartz.lang.quartz.LoopVariable;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.LocalBindings;

/**
 * Closure conversion, analysis half. Input: a unit (function body or script). Output: for each
 * lambda, the outer local bindings it uses, in order of first use (its environment layout);
 * and the set of bindings captured by any lambda. Captured bindings live in a heap box (one
 * word) so a closure and its scope share them (capture by reference) and a closure may
 * outlive its scope. A lambda nested in another captures through it: the outer one captures
 * the binding too.
 */
final class CaptureAnalysis {

	private final Map<Lambda, List<NamedElement>> environments = new HashMap<>();
	private final Set<NamedElement> boxed = new HashSet<>();

	CaptureAnalysis(EObject unit) {
		Map<Lambda, Set<NamedElement>> captures = new HashMap<>();
		for (EObject node : (Iterable<EObject>) () -> EcoreUtil2.eAll(unit)) {
			NamedElement used = node instanceof NameRef ref ? ref.getRef()
					: node instanceof LetDecl let ? LocalBindings.assignedBinding(let) : null;
			if (used == null || !isLocal(used)) {
				continue;
			}
			for (EObject c = node.eContainer(); c != null && !EcoreUtil.isAncestor(c, used); c = c.eContainer()) {
				if (c instanceof Lambda lambda) {
					captures.computeIfAbsent(lambda, l -> new LinkedHashSet<>()).add(used);
					boxed.add(used);
				}
			}
		}
		captures.forEach((lambda, bindings) -> environments.put(lambda, new ArrayList<>(bindings)));
	}

	static boolean isLocal(NamedElement element) {
		if (Globals.isGlobal(element)) {
			return false;
		}
		return element instanceof Param || element instanceof VarDecl || element instanceof LetDecl
				|| element instanceof LoopVariable || element instanceof LambdaParam || element instanceof ArmBinding
				|| element instanceof BindingPattern || element instanceof ActorField;
	}

	/** The bindings a lambda's closure carries, in environment order. */
	List<NamedElement> environment(Lambda lambda) {
		return environments.getOrDefault(lambda, List.of());
	}

	/** Whether a binding lives in a heap box: some lambda captures it, or it is an actor field (the actor's state holds boxes). */
	boolean isBoxed(NamedElement binding) {
		return boxed.contains(binding) || binding instanceof ActorField;
	}
}
