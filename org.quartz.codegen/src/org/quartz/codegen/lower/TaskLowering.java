package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.List;

import org.quartz.codegen.ir.Value;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.GoExpression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.typing.CallTarget;

/**
 * Lowers the starting of tasks, for {@link FunctionLowering}: `go`, `spawn`, and the small
 * functions tasks run. A task whose code may wait runs its body's task form (built by
 * {@link BuildAsyncStateMachine}) through `<name>.start`; one whose code cannot wait runs the
 * body to completion through `<f>.task` or `quartz.closure.task.N`. A closure value carries its
 * task start in word {@link FunctionLowering#CLOSURE_TASK_START} (0 when it cannot wait).
 */
final class TaskLowering {

	private final FunctionLowering lowering;
	private final IrBuilder b;

	TaskLowering(FunctionLowering lowering, IrBuilder b) {
		this.lowering = lowering;
		this.b = b;
	}

	/** The task start of a named function used as a value: drops the closure, starts the function's task form. */
	void lowerFunctionValueStart(String start, int parameters) {
		List<Value> arguments = new ArrayList<>();
		for (int i = 0; i < parameters; i++) {
			arguments.add(new Value.Param(i + 1));
		}
		b.ret(b.call(start, arguments));
	}

	/**
	 * `go f(a)`: the arguments are evaluated here, by the caller, and stored in the new task's
	 * frame; the task runs `f`'s task form when `f` may wait, else `f` to completion. A block or
	 * function value starts through its closure.
	 */
	Value lowerGo(GoExpression go) {
		Expression task = go.getTask();
		if (task instanceof Lambda lambda) {
			return spawnLambda(lambda);
		}
		CallTarget target = lowering.program().types().typing(task).callTarget(task);
		if (target instanceof CallTarget.Function function) {
			String start = lowering.program().startOf(function.function());
			List<Value> arguments = lowering.lowerAll(function.arguments());
			return start != null ? b.call(start, arguments) : spawn(lowering.program().taskOf(function.function()), arguments);
		}
		if (target instanceof CallTarget.Closure closure) {
			Value callee = lowering.lower(closure.callee());
			return spawnClosureValue(callee, lowering.lowerAll(closure.arguments()));
		}
		if (target instanceof CallTarget.FieldRead field && task instanceof MemberAccess access) {
			Value callee = b.load(lowering.lower(field.receiver()), FunctionLowering.fieldIndex(field.field()));
			List<Expression> arguments = new ArrayList<>(access.getArguments());
			if (access.getBlock() != null) {
				arguments.add(access.getBlock());
			}
			return spawnClosureValue(callee, lowering.lowerAll(arguments));
		}
		throw new IllegalStateException("go of " + task.eClass().getName() + " cannot be lowered");
	}

	/** Starts a task running a lambda: its task form when it may suspend, else a closure task. */
	Value spawnLambda(Lambda lambda) {
		Value closure = lowering.lowerClosure(lambda);
		String start = lowering.program().startOf(lambda);
		return start != null ? b.call(start, List.of(closure)) : spawnClosure(closure, List.of());
	}

	/** Starts a task that calls {@code closure} with {@code arguments}. */
	Value spawnClosure(Value closure, List<Value> arguments) {
		List<Value> words = new ArrayList<>();
		words.add(closure);
		words.addAll(arguments);
		return spawn(lowering.program().closureTask(arguments.size()), words);
	}

	/** A new task running {@code resume}, its frame holding {@code words}, on the scheduler. */
	private Value spawn(String resume, List<Value> words) {
		Value task = b.runtime("qz_task_new", new Value.FunctionAddress(resume), new Value.Imm(words.size()));
		Value frame = b.runtime("qz_task_frame", task);
		for (int i = 0; i < words.size(); i++) {
			b.store(frame, i, words.get(i));
		}
		return b.runtime("qz_task_spawn", task);
	}

	/** Starts a task form: a frame of {@code frameWords} words, the parameters in the first ones. */
	void lowerTaskStart(String resume, int frameWords, int parameters) {
		Value task = b.runtime("qz_task_new", new Value.FunctionAddress(resume), new Value.Imm(frameWords));
		Value frame = b.runtime("qz_task_frame", task);
		for (int i = 0; i < parameters; i++) {
			b.store(frame, i, new Value.Param(i));
		}
		b.ret(b.runtime("qz_task_spawn", task));
	}

	/** A task's resume function for {@code function}: reads the arguments from the frame, calls, finishes. */
	void lowerFunctionTask(FunctionDecl function) {
		Value frame = b.runtime("qz_task_frame", new Value.Param(0));
		List<Value> arguments = new ArrayList<>();
		for (int i = 0; i < function.getParams().size(); i++) {
			arguments.add(b.load(frame, i));
		}
		b.runtime("qz_task_finish", new Value.Param(0), lowering.callFunction(function, arguments));
		b.ret(Value.ONE);
	}

	/** A task's resume function calling the closure in frame word 0 with the {@code arity} words after it. */
	void lowerClosureTask(int arity) {
		Value frame = b.runtime("qz_task_frame", new Value.Param(0));
		List<Value> arguments = new ArrayList<>();
		for (int i = 0; i < arity; i++) {
			arguments.add(b.load(frame, i + 1));
		}
		b.runtime("qz_task_finish", new Value.Param(0), lowering.callClosure(b.load(frame, 0), arguments));
		b.ret(Value.ONE);
	}

	/**
	 * Starts a task calling a closure value: through its task form when it has one (it may
	 * suspend), else through a task running its function to completion.
	 */
	Value spawnClosureValue(Value closure, List<Value> arguments) {
		int result = b.newSlot();
		String async = b.label("spawn.async");
		String sync = b.label("spawn.sync");
		String done = b.label("spawn.end");
		Value start = b.load(closure, FunctionLowering.CLOSURE_TASK_START);
		b.branch(b.compare("ne", start, Value.ZERO), async, sync);
		b.startBlock(async);
		List<Value> withClosure = new ArrayList<>();
		withClosure.add(closure);
		withClosure.addAll(arguments);
		b.storeSlot(result, b.callIndirect(start, withClosure));
		b.jump(done);
		b.startBlock(sync);
		b.storeSlot(result, spawnClosure(closure, arguments));
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}
}
