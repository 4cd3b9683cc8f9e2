package org.quartz.codegen.lower;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.Value;

/**
 * Pass: which lowered functions may wait, decided in one place, from the IR.
 *
 * Input: the synchronous forms of the whole program, as lowered (waits are {@link Instr.Wait},
 * calls of function values {@link Instr.CallClosure}, closures name their function with a
 * {@link Value.FrameConstructor}). Output: the functions that may wait, and the arities of
 * function values that may; nothing in the module changes.
 *
 * A function may wait when it contains a Wait, calls a function that may wait, or calls a
 * function value of an arity at which some function value may wait. The functions that can be
 * function values are exactly those some closure names with a FrameConstructor (lambdas and the
 * wrappers of named functions used as values); a call of a value with n arguments can only
 * reach one of those with n parameters after the closure. That is sound, and finer than one
 * program-wide flag. Computed as a fixpoint, so recursion is handled.
 */
public final class FindWaitingFunctions {

	/** The facts BuildAsyncStateMachine and ResolveTaskCreation act on. */
	public record Result(Set<String> functions, Set<Integer> closureArities) {

		public boolean mayWait(String function) {
			return functions.contains(function);
		}

		/** Whether this instruction is a suspension point in a task form. */
		public boolean waits(Instr instruction) {
			return instruction instanceof Instr.Wait
					|| (instruction instanceof Instr.Call call && functions.contains(call.function()))
					|| (instruction instanceof Instr.CallClosure call
							&& closureArities.contains(call.arguments().size()));
		}
	}

	private FindWaitingFunctions() {
	}

	public static Result find(IrModule module) {
		Map<String, Integer> closureFunctions = new HashMap<>();
		Map<String, IrFunction> byName = module.functionsByName();
		module.constants().values().forEach(words -> words.forEach(w -> noteClosure(w, byName, closureFunctions)));
		for (IrFunction function : module.functions()) {
			for (IrBlock block : function.blocks()) {
				for (Instr instruction : block.instructions()) {
					if (instruction instanceof Instr.Store store) {
						noteClosure(store.value(), byName, closureFunctions);
					}
				}
			}
		}
		Set<String> waiting = new LinkedHashSet<>();
		Set<Integer> arities = new HashSet<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			for (IrFunction function : module.functions()) {
				if (!waiting.contains(function.name()) && waitsDirectly(function, waiting, arities)) {
					waiting.add(function.name());
					Integer arity = closureFunctions.get(function.name());
					if (arity != null) {
						arities.add(arity);
					}
					changed = true;
				}
			}
		}
		return new Result(Set.copyOf(waiting), Set.copyOf(arities));
	}

	private static void noteClosure(Value value, Map<String, IrFunction> byName, Map<String, Integer> closureFunctions) {
		if (value instanceof Value.FrameConstructor constructor) {
			IrFunction function = byName.get(constructor.function());
			if (function == null) {
				throw new IllegalStateException("closure of an unknown function " + constructor.function());
			}
			closureFunctions.put(function.name(), function.parameterCount() - 1);
		}
	}

	private static boolean waitsDirectly(IrFunction function, Set<String> waiting, Set<Integer> arities) {
		Result sofar = new Result(waiting, arities);
		return function.blocks().stream().map(IrBlock::instructions).flatMap(List::stream).anyMatch(sofar::waits);
	}
}
