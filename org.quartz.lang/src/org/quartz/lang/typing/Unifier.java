package org.quartz.lang.typing;

import java.util.ArrayList;
import java.util.List;

/**
 * Unification of types with a trail, so a tentative unification (the branches of an `if`
 * used as a statement) can be undone.
 */
final class Unifier {

	private int nextVariable;
	private final List<Type.Var> trail = new ArrayList<>();

	Type.Var fresh() {
		return new Type.Var(nextVariable++);
	}

	int mark() {
		return trail.size();
	}

	void rollback(int mark) {
		while (trail.size() > mark) {
			trail.remove(trail.size() - 1).binding = null;
		}
	}

	/** Makes {@code a} and {@code b} equal, or returns false (bindings made so far stay; see {@link #tryUnify}). */
	boolean unify(Type a, Type b) {
		Type x = Types.resolve(a);
		Type y = Types.resolve(b);
		if (x == y || x == Type.Error.INSTANCE || y == Type.Error.INSTANCE) {
			return true;
		}
		if (x instanceof Type.Var var) {
			return bind(var, y);
		}
		if (y instanceof Type.Var var) {
			return bind(var, x);
		}
		if (x instanceof Type.Parameter px && y instanceof Type.Parameter py) {
			return px.declaration() == py.declaration();
		}
		if (x instanceof Type.Named nx && y instanceof Type.Named ny) {
			if (!nx.sameConstructor(ny) || nx.arguments().size() != ny.arguments().size()) {
				return false;
			}
			for (int i = 0; i < nx.arguments().size(); i++) {
				if (!unify(nx.arguments().get(i), ny.arguments().get(i))) {
					return false;
				}
			}
			return true;
		}
		if (x instanceof Type.Fn fx && y instanceof Type.Fn fy) {
			if (fx.parameters().size() != fy.parameters().size()) {
				return false;
			}
			for (int i = 0; i < fx.parameters().size(); i++) {
				if (!unify(fx.parameters().get(i), fy.parameters().get(i))) {
					return false;
				}
			}
			// A function whose result is dropped (Void) accepts any function of those parameters.
			if (Types.is(fx.result(), Types.VOID) || Types.is(fy.result(), Types.VOID)) {
				return true;
			}
			return unify(fx.result(), fy.result());
		}
		return false;
	}

	/** Unifies, or leaves every variable as it was and returns false. */
	boolean tryUnify(Type a, Type b) {
		int mark = mark();
		if (unify(a, b)) {
			return true;
		}
		rollback(mark);
		return false;
	}

	private boolean bind(Type.Var var, Type type) {
		if (occurs(var, type)) {
			return false;
		}
		var.binding = type;
		trail.add(var);
		return true;
	}

	private static boolean occurs(Type.Var var, Type type) {
		Type t = Types.resolve(type);
		if (t == var) {
			return true;
		}
		// Loops, not streams: this runs on every binding, over types that can be deep.
		if (t instanceof Type.Named named) {
			for (Type argument : named.arguments()) {
				if (occurs(var, argument)) {
					return true;
				}
			}
			return false;
		}
		if (t instanceof Type.Fn fn) {
			for (Type parameter : fn.parameters()) {
				if (occurs(var, parameter)) {
					return true;
				}
			}
			return occurs(var, fn.result());
		}
		return false;
	}
}
