package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.List;

import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.GoExpression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.typing.CallTarget;

/**
 * Lowers the starting of tasks, for {@link FunctionLowering}: `go`, `spawn`, task groups, and
 * the small functions tasks run. The task of a function or lambda is an {@link Instr.NewTask}:
 * once the program is lowered, ResolveTaskCreation makes it the body's task form (built by
 * {@link BuildAsyncStateMachine}, created by `<name>.new_task`) when the body may wait, or a task
 * that runs the body to completion (`<name>.task`) when it cannot. A closure value carries its
 * frame constructor in word {@link ObjectLayouts#CLOSURE_NEW_FRAME} (0 when it cannot wait):
 * its task is made from such a frame; without one it runs through `quartz.closure.task.N`. Tasks are created unstarted, then started
 * by `qz_task_spawn` (go, spawn: joins the running go_scope) or `qz_group_spawn`
 * (task_group_go, go_race).
 */
final class TaskLowering {

	private final ProgramLowering program;
	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;

	TaskLowering(LoweringContext context) {
		this.program = context.program();
		this.b = context.b();
		this.expressions = context.expressions();
	}

	/**
	 * `go f(a)`: the arguments are evaluated here, by the caller, and stored in the new task's
	 * frame; the task runs `f`'s task form when `f` may wait, else `f` to completion. A block or
	 * function value starts through its closure.
	 */
	Value lowerGo(GoExpression go) {
		return b.runtime("qz_task_spawn", newTaskOf(go.getTask()));
	}

	/** The unstarted task of `go`'s operand: a call, a block, or a call of a function value. */
	private Value newTaskOf(Expression task) {
		if (task instanceof Lambda lambda) {
			return newLambdaTask(lambda);
		}
		CallTarget target = program.types().typing(task).callTarget(task);
		if (target instanceof CallTarget.Function function) {
			List<Value> arguments = expressions.lowerAll(function.arguments());
			return b.newTask(expressions.functionSymbol(function.function(), task), arguments);
		}
		if (target instanceof CallTarget.Closure closure) {
			Value callee = expressions.lower(closure.callee());
			return newClosureValueTask(callee, expressions.lowerAll(closure.arguments()));
		}
		if (target instanceof CallTarget.FieldRead field && task instanceof MemberAccess access) {
			Value callee = b.load(expressions.lower(field.receiver()), ObjectLayouts.fieldIndex(field.field()));
			List<Expression> arguments = new ArrayList<>(access.getArguments());
			if (access.getBlock() != null) {
				arguments.add(access.getBlock());
			}
			return newClosureValueTask(callee, expressions.lowerAll(arguments));
		}
		throw new IllegalStateException("go of " + task.eClass().getName() + " cannot be lowered");
	}

	/** Starts a task running a lambda (`spawn(do ... end)`). */
	Value spawnLambda(Lambda lambda) {
		return b.runtime("qz_task_spawn", newLambdaTask(lambda));
	}

	/** The unstarted task of a closure argument: a lambda literal directly, else through the closure value. */
	Value newTaskOfClosure(Expression closure) {
		return closure instanceof Lambda lambda ? newLambdaTask(lambda)
				: newClosureValueTask(expressions.lower(closure), List.of());
	}

	/** A task running a lambda. */
	private Value newLambdaTask(Lambda lambda) {
		Value closure = expressions.lowerClosure(lambda);
		return b.newTask(program.functionName(lambda), List.of(closure));
	}

	/** A task that calls {@code closure} with {@code arguments} to completion. */
	private Value newClosureTask(Value closure, List<Value> arguments) {
		List<Value> words = new ArrayList<>();
		words.add(closure);
		words.addAll(arguments);
		return newTask(program.closureTask(arguments.size()), words);
	}

	/** A new, unstarted task running {@code resume}, its frame holding {@code words}. */
	private Value newTask(String resume, List<Value> words) {
		Value task = b.runtime("qz_task_new", new Value.FunctionAddress(resume), new Value.Imm(words.size()));
		Value frame = b.runtime("qz_task_frame", task);
		for (int i = 0; i < words.size(); i++) {
			b.store(frame, i, words.get(i));
		}
		return task;
	}

	/** Creates a task of a task form: a frame of {@code frameWords} words, the parameters in the first ones. */
	void lowerNewTask(String resume, int frameWords, int parameters) {
		Value task = b.runtime("qz_task_new", new Value.FunctionAddress(resume), new Value.Imm(frameWords));
		Value frame = b.runtime("qz_task_frame", task);
		for (int i = 0; i < parameters; i++) {
			b.store(frame, i, new Value.Param(i));
		}
		b.ret(task);
	}

	/** Creates a frame of a task form, for a call from a task: {@code frameWords} words, the parameters first. */
	void lowerNewFrame(String resume, int frameWords, int parameters) {
		Value frame = b.runtime("qz_frame_new", new Value.FunctionAddress(resume), new Value.Imm(frameWords));
		for (int i = 0; i < parameters; i++) {
			b.store(frame, i, new Value.Param(i));
		}
		b.ret(frame);
	}

	/**
	 * A task's resume function for a function that cannot wait: reads its {@code parameters}
	 * arguments from the frame, calls it, finishes.
	 */
	void lowerCallTask(String function, int parameters) {
		Value frame = b.runtime("qz_task_frame", new Value.Param(0));
		List<Value> arguments = new ArrayList<>();
		for (int i = 0; i < parameters; i++) {
			arguments.add(b.load(frame, i));
		}
		b.runtime("qz_task_finish", new Value.Param(0), b.call(function, arguments));
		b.ret(Value.ONE);
	}

	/**
	 * A task's resume function calling the closure in frame word 0 with the {@code arity} words
	 * after it; used only for closures without a task constructor, which cannot wait.
	 */
	void lowerClosureTask(int arity) {
		Value frame = b.runtime("qz_task_frame", new Value.Param(0));
		Value closure = b.load(frame, 0);
		List<Value> arguments = new ArrayList<>();
		arguments.add(closure);
		for (int i = 0; i < arity; i++) {
			arguments.add(b.load(frame, i + 1));
		}
		b.runtime("qz_task_finish", new Value.Param(0), b.callIndirect(b.load(closure, ObjectLayouts.CLOSURE_FUNCTION), arguments));
		b.ret(Value.ONE);
	}

	/** Starts a task calling a closure value (`spawn(f)`). */
	Value spawnClosureValue(Value closure, List<Value> arguments) {
		return b.runtime("qz_task_spawn", newClosureValueTask(closure, arguments));
	}

	/**
	 * An unstarted task calling a closure value: its task form when it has one (it may
	 * wait; a task made from a new frame of it), else a task running its function to completion.
	 */
	Value newClosureValueTask(Value closure, List<Value> arguments) {
		int result = b.newSlot();
		String async = b.label("spawn.async");
		String sync = b.label("spawn.sync");
		String done = b.label("spawn.end");
		Value newFrame = b.load(closure, ObjectLayouts.CLOSURE_NEW_FRAME);
		b.branch(b.compare("ne", newFrame, Value.ZERO), async, sync);
		b.startBlock(async);
		List<Value> withClosure = new ArrayList<>();
		withClosure.add(closure);
		withClosure.addAll(arguments);
		b.storeSlot(result, b.runtime("qz_task_from_frame", b.callIndirect(newFrame, withClosure)));
		b.jump(done);
		b.startBlock(sync);
		b.storeSlot(result, newClosureTask(closure, arguments));
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}
}
