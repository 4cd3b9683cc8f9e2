package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.Value;

/**
 * Pass: builds the task form (a state machine) of a function whose code may suspend, from its
 * synchronous form.
 *
 * Input: the synchronous IrFunction, whose suspension points (FindWaitingFunctions) are its
 * {@link Instr.Wait}s, its calls of functions that may wait and its calls of function values of
 * an arity that may wait. No {@link Instr.NewTask} is left (ResolveTaskCreation ran). Output: a
 * resume function of one parameter, the task, following the runtime's protocol (quartz_rt.h):
 * each Wait becomes its operation's task form `qz_X_begin(task, ...)`; when that parks the
 * task, the state is saved and the function returns QZ_PENDING; the resume block of that state
 * reads the result from the task's io word. A call of a function that may wait runs that
 * function's task form as a child task (`qz_call_begin`). A return finishes the task
 * (QZ_DONE). A resumed task that was cancelled while parked (`qz_task_interrupted`) leaves
 * through the synchronous form's cancelled exit ({@link IrFunction#cancelledExit}), which runs
 * the defers and returns the zero value; the synchronous form must have one.
 *
 * Frame layout (words of the task's frame): the parameters (stored by whoever spawned the task),
 * then the function's slots, then one word per temporary used outside the stretch of code
 * between two suspension points where it was defined (spilled after its definition, reloaded
 * before such a use). The entry block dispatches on the task's state: 0 starts at the original
 * entry, K resumes after suspension point K (numbered in block order) through `resumed.K`, which
 * checks for a cancellation first.
 */
final class BuildAsyncStateMachine {

	private final IrFunction sync;
	private final FindWaitingFunctions.Result waiting;
	private final IrFunction async;
	/** The functions whose task forms this one starts (its calls of waiting functions), in order. */
	private final Set<String> calledTaskForms = new LinkedHashSet<>();
	private final Value task = new Value.Param(0);
	private Value frame;
	/** Stretch of code (between suspension points) where each temporary of the sync form is defined. */
	private final Map<Integer, Integer> definedIn = new HashMap<>();
	/** Frame word of each temporary used outside its stretch. */
	private final Map<Integer, Integer> spillWords = new HashMap<>();
	/** Sync temporary to its async counterpart, within the current stretch. */
	private Map<Integer, Value.Temp> renamed = new HashMap<>();
	private int state;
	private IrBlock current;

	private BuildAsyncStateMachine(IrFunction sync, String name, FindWaitingFunctions.Result waiting) {
		this.sync = sync;
		this.waiting = waiting;
		this.async = new IrFunction(name, 1);
	}

	/** The task form of {@code sync}, named {@code name}, the number of frame words it needs, and the task forms it starts. */
	static Result build(IrFunction sync, String name, FindWaitingFunctions.Result waiting) {
		BuildAsyncStateMachine pass = new BuildAsyncStateMachine(sync, name, waiting);
		IrFunction async = pass.build();
		return new Result(async, pass.frameWords, pass.calledTaskForms);
	}

	record Result(IrFunction function, int frameWords, Set<String> calledTaskForms) {
	}

	private boolean suspends(Instr instruction) {
		return waiting.waits(instruction);
	}

	private IrFunction build() {
		if (sync.cancelledExit() == null) {
			throw new IllegalStateException(sync.name() + " has no cancelled exit for its task form");
		}
		findSpills();
		IrBlock entry = new IrBlock("entry");
		async.blocks().add(entry);
		current = entry;
		frame = call("qz_task_frame", task);
		Value at = call("qz_task_state", task);
		int suspensionPoints = (int) sync.blocks().stream().flatMap(b -> b.instructions().stream())
				.filter(this::suspends).count();
		for (int k = 1; k <= suspensionPoints; k++) {
			String next = "dispatch." + k;
			emit(new Instr.Branch(compare(at, k), "resumed." + k, next));
			startBlock(next);
		}
		emit(new Instr.Jump("start"));
		state = 0;
		for (IrBlock block : sync.blocks()) {
			startBlock(block.label().equals("entry") ? "start" : block.label());
			renamed = new HashMap<>();
			for (Instr instruction : block.instructions()) {
				rewrite(instruction);
			}
		}
		return async;
	}

	/** Numbers the stretches as {@link #build} will, and gives a frame word to each temporary used outside its own. */
	private void findSpills() {
		int s = 0;
		Map<Integer, List<Integer>> usedIn = new HashMap<>();
		for (IrBlock block : sync.blocks()) {
			s++;
			for (Instr instruction : block.instructions()) {
				for (Value operand : operands(instruction)) {
					if (operand instanceof Value.Temp t) {
						usedIn.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(s);
					}
				}
				if (suspends(instruction)) {
					s++;
				}
				Value.Temp defined = destination(instruction);
				if (defined != null) {
					definedIn.put(defined.id(), s);
				}
			}
		}
		int word = sync.parameterCount() + sync.slotCount();
		// The result of a closure call comes from one of two paths (called, or awaited), so it always lives in the frame.
		for (IrBlock block : sync.blocks()) {
			for (Instr instruction : block.instructions()) {
				if (instruction instanceof Instr.CallClosure call && suspends(call)) {
					spillWords.put(call.dst().id(), word++);
				}
			}
		}
		for (Map.Entry<Integer, List<Integer>> uses : usedIn.entrySet()) {
			if (spillWords.containsKey(uses.getKey())) {
				continue;
			}
			int home = definedIn.getOrDefault(uses.getKey(), -1);
			if (uses.getValue().stream().anyMatch(u -> u != home)) {
				spillWords.put(uses.getKey(), word++);
			}
		}
		frameWords = Math.max(1, word);
	}

	/** How many frame words the task form needs. */
	private int frameWords;

	private void rewrite(Instr instruction) {
		if (instruction instanceof Instr.Return ret) {
			emit(new Instr.Call(null, "qz_task_finish", List.of(task, operand(ret.value()))));
			emit(new Instr.Return(Value.ONE));
			return;
		}
		if (suspends(instruction)) {
			if (instruction instanceof Instr.CallClosure call) {
				suspendClosureCall(call);
			} else if (instruction instanceof Instr.Wait wait) {
				suspend(wait.dst(), wait.operation().taskForm(), true, wait.arguments());
			} else {
				Instr.Call call = (Instr.Call) instruction;
				calledTaskForms.add(call.function());
				suspend(call.dst(), ProgramLowering.newTaskName(call.function()), false, call.arguments());
			}
			return;
		}
		Instr rewritten;
		if (instruction instanceof Instr.LoadSlot i) {
			rewritten = new Instr.Load(define(i.dst()), frame, slotWord(i.slot()));
		} else if (instruction instanceof Instr.StoreSlot i) {
			rewritten = new Instr.Store(frame, slotWord(i.slot()), operand(i.value()));
		} else if (instruction instanceof Instr.Binary i) {
			Value a = operand(i.a());
			Value b = operand(i.b());
			rewritten = new Instr.Binary(define(i.dst()), i.op(), a, b);
		} else if (instruction instanceof Instr.Compare i) {
			Value a = operand(i.a());
			Value b = operand(i.b());
			rewritten = new Instr.Compare(define(i.dst()), i.predicate(), a, b);
		} else if (instruction instanceof Instr.Call i) {
			List<Value> arguments = operands(i.arguments());
			rewritten = new Instr.Call(i.dst() == null ? null : define(i.dst()), i.function(), arguments);
		} else if (instruction instanceof Instr.CallIndirect i) {
			Value function = operand(i.function());
			List<Value> arguments = operands(i.arguments());
			rewritten = new Instr.CallIndirect(define(i.dst()), function, arguments);
		} else if (instruction instanceof Instr.CallClosure i) {
			Value closure = operand(i.closure());
			List<Value> arguments = operands(i.arguments());
			rewritten = new Instr.CallClosure(define(i.dst()), closure, arguments);
		} else if (instruction instanceof Instr.Load i) {
			rewritten = new Instr.Load(define(i.dst()), operand(i.object()), i.index());
		} else if (instruction instanceof Instr.Store i) {
			Value object = operand(i.object());
			rewritten = new Instr.Store(object, i.index(), operand(i.value()));
		} else if (instruction instanceof Instr.Branch i) {
			rewritten = new Instr.Branch(operand(i.condition()), label(i.ifTrue()), label(i.ifFalse()));
		} else if (instruction instanceof Instr.Jump i) {
			rewritten = new Instr.Jump(label(i.target()));
		} else if (instruction instanceof Instr.Unreachable) {
			rewritten = instruction;
		} else {
			throw new IllegalStateException("cannot build the task form of " + instruction);
		}
		emit(rewritten);
		Value.Temp defined = destination(instruction);
		if (defined != null) {
			spill(defined);
		}
	}

	/**
	 * A suspension point: begin the operation (a waiting operation's task form, given the task
	 * first, or the creation of a waiting function's task, run as a child); park (save state,
	 * return pending) or go on; the result is in the io word.
	 */
	private void suspend(Value.Temp dst, String begin, boolean takesTask, List<Value> syncArguments) {
		List<Value> arguments = operands(syncArguments);
		Value started;
		if (takesTask) {
			List<Value> withTask = new ArrayList<>();
			withTask.add(task);
			withTask.addAll(arguments);
			started = call(begin, withTask.toArray(Value[]::new));
		} else {
			Value child = call(begin, arguments.toArray(Value[]::new));
			started = call("qz_call_begin", task, child);
		}
		state++;
		String resume = "resume." + state;
		emit(new Instr.Branch(started, resume, "park." + state));
		park(resume);
		startBlock(resume);
		renamed = new HashMap<>();
		if (dst != null) {
			Value.Temp defined = define(dst);
			emit(new Instr.Call(defined, "qz_task_io", List.of(task)));
			spill(dst);
		}
	}

	/**
	 * The park block of the current state (saves it, returns pending) and its `resumed` block,
	 * where the dispatch lands: leaves through the cancelled exit when the task was cancelled
	 * while parked, else goes on at {@code resume}.
	 */
	private void park(String resume) {
		startBlock("park." + state);
		emit(new Instr.Call(null, "qz_task_set_state", List.of(task, new Value.Imm(state))));
		emit(new Instr.Return(Value.ZERO));
		startBlock("resumed." + state);
		emit(new Instr.Branch(call("qz_task_interrupted", task), sync.cancelledExit(), resume));
	}

	/**
	 * A call of a function value: a closure with a task form (word 1 of the closure) runs as a
	 * child task that this task awaits; otherwise its function is called directly. Either way the
	 * result goes through the frame.
	 */
	private void suspendClosureCall(Instr.CallClosure call) {
		Value closure = operand(call.closure());
		List<Value> withClosure = new ArrayList<>();
		withClosure.add(closure);
		withClosure.addAll(operands(call.arguments()));
		int word = spillWords.get(call.dst().id());
		Value.Temp start = async.newTemp();
		emit(new Instr.Load(start, closure, FunctionLowering.CLOSURE_NEW_TASK));
		state++;
		String asTask = "closure.task." + state;
		String direct = "closure.call." + state;
		String park = "park." + state;
		String resume = "resume." + state;
		String done = "closure.done." + state;
		emit(new Instr.Branch(compare(start, 0, "ne"), asTask, direct));
		startBlock(direct);
		Value.Temp function = async.newTemp();
		emit(new Instr.Load(function, closure, 0));
		Value.Temp result = async.newTemp();
		emit(new Instr.CallIndirect(result, function, withClosure));
		emit(new Instr.Store(frame, word, result));
		emit(new Instr.Jump(done));
		startBlock(asTask);
		Value.Temp child = async.newTemp();
		emit(new Instr.CallIndirect(child, start, withClosure));
		emit(new Instr.Branch(call("qz_call_begin", task, child), resume, park));
		park(resume);
		startBlock(resume);
		emit(new Instr.Store(frame, word, call("qz_task_io", task)));
		emit(new Instr.Jump(done));
		startBlock(done);
		renamed = new HashMap<>();
	}

	// ---- operands

	private Value operand(Value value) {
		if (value instanceof Value.Param p) {
			Value.Temp loaded = async.newTemp();
			emit(new Instr.Load(loaded, frame, p.index()));
			return loaded;
		}
		if (!(value instanceof Value.Temp t)) {
			return value;
		}
		Value.Temp local = renamed.get(t.id());
		if (local != null) {
			return local;
		}
		Integer word = spillWords.get(t.id());
		if (word == null) {
			throw new IllegalStateException("temporary %t" + t.id() + " used before its definition");
		}
		Value.Temp loaded = async.newTemp();
		emit(new Instr.Load(loaded, frame, word));
		renamed.put(t.id(), loaded);
		return loaded;
	}

	private List<Value> operands(List<Value> values) {
		List<Value> result = new ArrayList<>();
		values.forEach(v -> result.add(operand(v)));
		return result;
	}

	private Value.Temp define(Value.Temp syncTemp) {
		Value.Temp fresh = async.newTemp();
		renamed.put(syncTemp.id(), fresh);
		return fresh;
	}

	private void spill(Value.Temp syncTemp) {
		Integer word = spillWords.get(syncTemp.id());
		if (word != null) {
			emit(new Instr.Store(frame, word, renamed.get(syncTemp.id())));
		}
	}

	private int slotWord(int slot) {
		return sync.parameterCount() + slot;
	}

	private static String label(String syncLabel) {
		return syncLabel.equals("entry") ? "start" : syncLabel;
	}

	// ---- building

	private void startBlock(String label) {
		current = new IrBlock(label);
		async.blocks().add(current);
	}

	private void emit(Instr instruction) {
		current.instructions().add(instruction);
	}

	private Value call(String function, Value... arguments) {
		Value.Temp dst = async.newTemp();
		emit(new Instr.Call(dst, function, List.of(arguments)));
		return dst;
	}

	private Value compare(Value a, int b) {
		return compare(a, b, "eq");
	}

	private Value compare(Value a, int b, String predicate) {
		Value.Temp dst = async.newTemp();
		emit(new Instr.Compare(dst, predicate, a, new Value.Imm(b)));
		return dst;
	}

	private static Value.Temp destination(Instr instruction) {
		if (instruction instanceof Instr.Binary i) {
			return i.dst();
		}
		if (instruction instanceof Instr.Compare i) {
			return i.dst();
		}
		if (instruction instanceof Instr.Call i) {
			return i.dst();
		}
		if (instruction instanceof Instr.CallIndirect i) {
			return i.dst();
		}
		if (instruction instanceof Instr.CallClosure i) {
			return i.dst();
		}
		if (instruction instanceof Instr.Wait i) {
			return i.dst();
		}
		if (instruction instanceof Instr.LoadSlot i) {
			return i.dst();
		}
		if (instruction instanceof Instr.Load i) {
			return i.dst();
		}
		return null;
	}

	private static List<Value> operands(Instr instruction) {
		if (instruction instanceof Instr.Binary i) {
			return List.of(i.a(), i.b());
		}
		if (instruction instanceof Instr.Compare i) {
			return List.of(i.a(), i.b());
		}
		if (instruction instanceof Instr.Call i) {
			return i.arguments();
		}
		if (instruction instanceof Instr.CallIndirect i) {
			List<Value> all = new ArrayList<>(i.arguments());
			all.add(i.function());
			return all;
		}
		if (instruction instanceof Instr.CallClosure i) {
			List<Value> all = new ArrayList<>(i.arguments());
			all.add(i.closure());
			return all;
		}
		if (instruction instanceof Instr.Wait i) {
			return i.arguments();
		}
		if (instruction instanceof Instr.StoreSlot i) {
			return List.of(i.value());
		}
		if (instruction instanceof Instr.Load i) {
			return List.of(i.object());
		}
		if (instruction instanceof Instr.Store i) {
			return List.of(i.object(), i.value());
		}
		if (instruction instanceof Instr.Branch i) {
			return List.of(i.condition());
		}
		if (instruction instanceof Instr.Return i) {
			return List.of(i.value());
		}
		return List.of();
	}
}
