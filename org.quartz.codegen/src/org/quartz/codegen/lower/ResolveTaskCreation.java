package org.quartz.codegen.lower;

import java.util.ArrayList;
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
 * Pass: decides how each task is created, now that FindWaitingFunctions knows what waits.
 *
 * Input: the lowered module with {@link Instr.NewTask} instructions and
 * {@link Value.FrameConstructor} operands and constant words. Output: none of either is left.
 * <ul>
 * <li>NewTask of a function that may wait, or that has a loop: a call of {@code <f>.new_task},
 * which creates a task of its task form (a loop there is preemptible);</li>
 * <li>NewTask of any other function: {@code qz_task_new} of {@code <f>.task}, a resume function
 * that calls f to completion (made once), with the arguments in the frame;</li>
 * <li>FrameConstructor of a function that may wait: the address of {@code <f>.new_frame}; of
 * one that cannot: 0.</li>
 * </ul>
 * Returns the functions whose task form is now needed (BuildAsyncStateMachine builds those and
 * whatever their task forms call), in the order first met.
 */
final class ResolveTaskCreation {

	private final FindWaitingFunctions.Result waiting;
	private final ProgramLowering program;
	private final Set<String> started = new LinkedHashSet<>();
	private final Map<String, IrFunction> byName;

	private ResolveTaskCreation(FindWaitingFunctions.Result waiting, ProgramLowering program, IrModule module) {
		this.waiting = waiting;
		this.program = program;
		this.byName = module.functionsByName();
	}

	static Set<String> resolve(IrModule module, FindWaitingFunctions.Result waiting, ProgramLowering program) {
		ResolveTaskCreation pass = new ResolveTaskCreation(waiting, program, module);
		for (Map.Entry<String, List<Value>> constant : module.constants().entrySet()) {
			constant.setValue(constant.getValue().stream().map(pass::resolve).toList());
		}
		for (IrFunction function : List.copyOf(module.functions())) {
			for (IrBlock block : function.blocks()) {
				List<Instr> rewritten = new ArrayList<>();
				for (Instr instruction : block.instructions()) {
					pass.rewrite(function, instruction, rewritten);
				}
				block.instructions().clear();
				block.instructions().addAll(rewritten);
			}
		}
		program.lowerPending();
		return pass.started;
	}

	private Value resolve(Value value) {
		if (value instanceof Value.FrameConstructor constructor) {
			if (!waiting.mayWait(constructor.function())) {
				return Value.ZERO;
			}
			started.add(constructor.function());
			return new Value.FunctionAddress(ProgramLowering.newFrameName(constructor.function()));
		}
		return value;
	}

	private void rewrite(IrFunction function, Instr instruction, List<Instr> out) {
		if (instruction instanceof Instr.NewTask task) {
			if (waiting.mayWait(task.function()) || BuildAsyncStateMachine.hasLoops(byName.get(task.function()))) {
				started.add(task.function());
				out.add(new Instr.Call(task.dst(), ProgramLowering.newTaskName(task.function()), task.arguments()));
				return;
			}
			String resume = program.callTaskOf(task.function(), task.arguments().size());
			out.add(new Instr.Call(task.dst(), "qz_task_new",
					List.of(new Value.FunctionAddress(resume), new Value.Imm(task.arguments().size()))));
			Value.Temp frame = function.newTemp();
			out.add(new Instr.Call(frame, "qz_task_frame", List.of(task.dst())));
			for (int i = 0; i < task.arguments().size(); i++) {
				out.add(new Instr.Store(frame, i, task.arguments().get(i)));
			}
			return;
		}
		if (instruction instanceof Instr.Store store && store.value() instanceof Value.FrameConstructor) {
			out.add(new Instr.Store(store.object(), store.index(), resolve(store.value()), store.region()));
			return;
		}
		out.add(instruction);
	}
}
