package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.IrVerifier;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;

/**
 * Pass: builds the task form (a state machine) of a function that may wait, from its
 * synchronous form.
 *
 * Input: the synchronous IrFunction, whose suspension points (FindWaitingFunctions) are its
 * {@link Instr.Wait}s, its calls of functions that may wait and its calls of function values of
 * an arity that may wait. No {@link Instr.NewTask} is left (ResolveTaskCreation ran). Output: a
 * resume function of one parameter, the task, following the runtime's protocol (quartz_rt.h):
 * each Wait becomes its operation's task form `qz_X_begin(task, ...)`; when that parks the
 * task, the state is saved and the function returns QZ_PENDING; the resume block of that state
 * reads the result from the task's io word. A call of a function that may wait runs a new frame
 * of that function's task form at once (`qz_call_frame`), parking only if it parks. A return
 * finishes the frame (QZ_DONE): the task, or the call of its caller. A parking suspension point
 * saves its state (a call saves it before it begins: its callee is the top frame once it parked). A resumed task that was cancelled while parked (`qz_task_interrupted`) leaves
 * through the synchronous form's cancelled exit ({@link IrFunction#cancelledExit}), which runs
 * the defers and returns the zero value; the synchronous form must have one.
 *
 * Suspension points are found once, in block order, and numbered 1..K: that list drives both
 * the dispatch and the rewriting. The back-edge of a loop that has no suspension point of its
 * own is one too, a preemption point: `qz_preempt_begin` lets the task go round again, or
 * yields when its time slice is over, so a compute-bound task cannot hold its worker. The entry block switches on the task's state: 0 starts at the
 * original entry, K resumes after point K (through `resumed.K`, which checks for a cancellation
 * first), and any other state panics.
 *
 * Frame layout (words of the task's frame): the parameters (stored by `new_task`), then one
 * word per slot live across a suspension point, then one word per temporary live across one.
 * Liveness is computed over the control-flow graph, where each suspension point can also go to
 * the cancelled exit. Slots that are never live across a point stay locals of the resume
 * function (LLVM keeps them in registers); temporaries that are not stay temporaries. A spilled
 * temporary is stored after its definition and loaded again at its first use after each
 * suspension point or block start.
 */
public final class BuildAsyncStateMachine {

	private static final String BAD_STATE = "task resumed in an unknown state";

	/**
	 * A suspension point: instruction {@code index} of {@code block}, resumed in {@code state};
	 * a preemption point is the back-edge of a loop that has no other suspension point.
	 */
	private record SuspensionPoint(IrBlock block, int index, int state, boolean preemption) {
	}

	private final IrFunction sync;
	private final FindWaitingFunctions.Result waiting;
	private final IrFunction async;
	private final Value task = new Value.Param(0);
	/** By identity: equal instructions (two jumps to one loop head) are different points. */
	private final Map<Instr, SuspensionPoint> points = new IdentityHashMap<>();
	/** The functions whose task forms this one starts (its calls of waiting functions), in order. */
	private final Set<String> calledTaskForms = new LinkedHashSet<>();
	/** Frame word of each slot live across a suspension point; the others are local slots of the task form. */
	private final Map<Integer, Integer> frameSlots = new HashMap<>();
	private final Map<Integer, Integer> localSlots = new HashMap<>();
	/** Frame word of each temporary live across a suspension point. */
	private final Map<Integer, Integer> spillWords = new HashMap<>();
	/** Sync temporary to its task-form temporary: for the others once, for spilled ones until the next reload point. */
	private final Map<Integer, Value.Temp> kept = new HashMap<>();
	private Map<Integer, Value.Temp> reloaded = new HashMap<>();
	private final Value badState;
	private int frameWords;
	private Value frame;
	private IrBlock current;

	private BuildAsyncStateMachine(IrFunction sync, String name, FindWaitingFunctions.Result waiting,
			IrModule module) {
		this.sync = sync;
		this.waiting = waiting;
		this.async = new IrFunction(name, 1);
		this.badState = module.string(BAD_STATE);
	}

	/**
	 * The task form of {@code sync}, named {@code name}, the number of frame words it needs, and
	 * the task forms it starts; {@code module} holds the string constants.
	 */
	public static Result build(IrFunction sync, String name, FindWaitingFunctions.Result waiting, IrModule module) {
		BuildAsyncStateMachine pass = new BuildAsyncStateMachine(sync, name, waiting, module);
		IrFunction async = pass.build();
		return new Result(async, pass.frameWords, pass.calledTaskForms);
	}

	public record Result(IrFunction function, int frameWords, Set<String> calledTaskForms) {
	}

	private IrFunction build() {
		if (sync.cancelledExit() == null) {
			throw new IllegalStateException(sync.name() + " has no cancelled exit for its task form");
		}
		findSuspensionPoints();
		layOutFrame();
		current = new IrBlock("entry");
		async.blocks().add(current);
		frame = call("qz_task_frame", task);
		List<String> states = new ArrayList<>();
		states.add("start");
		points.values().stream().sorted(Comparator.comparingInt(SuspensionPoint::state))
				.forEach(p -> states.add("resumed." + p.state()));
		emit(new Instr.Switch(call("qz_task_state", task), states, "bad.state"));
		startBlock("bad.state");
		emit(new Instr.Call(null, "qz_panic", List.of(badState)));
		emit(new Instr.Unreachable());
		for (IrBlock block : sync.blocks()) {
			startBlock(label(block.label()));
			reloaded = new HashMap<>();
			for (Instr instruction : block.instructions()) {
				rewrite(instruction);
			}
		}
		return async;
	}

	private void findSuspensionPoints() {
		Set<IrBlock> waitingBlocks = new HashSet<>();
		for (IrBlock block : sync.blocks()) {
			for (Instr instruction : block.instructions()) {
				if (waiting.waits(instruction)) {
					waitingBlocks.add(block);
				}
			}
		}
		Set<IrBlock> preempted = new HashSet<>();
		for (Map.Entry<IrBlock, IrBlock> backEdge : backEdges(sync).entrySet()) {
			if (loopBody(backEdge.getKey(), backEdge.getValue()).stream().noneMatch(waitingBlocks::contains)) {
				preempted.add(backEdge.getKey());
			}
		}
		for (IrBlock block : sync.blocks()) {
			List<Instr> instructions = block.instructions();
			for (int i = 0; i < instructions.size(); i++) {
				Instr instruction = instructions.get(i);
				boolean backEdge = i == instructions.size() - 1 && preempted.contains(block);
				if (waiting.waits(instruction) || backEdge) {
					points.put(instruction, new SuspensionPoint(block, i, points.size() + 1, backEdge));
				}
			}
		}
	}

	/** Whether a task of {@code function} could run in a loop: then it is started through its task form, which checks for preemption. */
	static boolean hasLoops(IrFunction function) {
		return !backEdges(function).isEmpty();
	}

	/** Each block that ends by jumping back (to itself or an earlier block: the loop's head), with that head. */
	private static Map<IrBlock, IrBlock> backEdges(IrFunction function) {
		Map<String, Integer> index = new HashMap<>();
		List<IrBlock> blocks = function.blocks();
		for (int i = 0; i < blocks.size(); i++) {
			index.put(blocks.get(i).label(), i);
		}
		Map<IrBlock, IrBlock> edges = new LinkedHashMap<>();
		for (int i = 0; i < blocks.size(); i++) {
			List<Instr> instructions = blocks.get(i).instructions();
			if (!instructions.isEmpty() && instructions.get(instructions.size() - 1) instanceof Instr.Jump jump
					&& index.get(jump.target()) <= i) {
				edges.put(blocks.get(i), blocks.get(index.get(jump.target())));
			}
		}
		return edges;
	}

	/** The natural loop of the back-edge {@code tail -> head}: the blocks that reach the tail without passing the head. */
	private Set<IrBlock> loopBody(IrBlock tail, IrBlock head) {
		Map<String, IrBlock> byLabel = new HashMap<>();
		Map<IrBlock, List<IrBlock>> predecessors = new HashMap<>();
		sync.blocks().forEach(b -> byLabel.put(b.label(), b));
		for (IrBlock block : sync.blocks()) {
			if (!block.instructions().isEmpty()) {
				for (String target : IrVerifier.targets(block.instructions().get(block.instructions().size() - 1))) {
					predecessors.computeIfAbsent(byLabel.get(target), k -> new ArrayList<>()).add(block);
				}
			}
		}
		Set<IrBlock> body = new HashSet<>(List.of(head));
		List<IrBlock> work = new ArrayList<>(List.of(tail));
		while (!work.isEmpty()) {
			IrBlock block = work.remove(work.size() - 1);
			if (body.add(block)) {
				work.addAll(predecessors.getOrDefault(block, List.of()));
			}
		}
		return body;
	}

	// ---- liveness and the frame layout

	/** What is read (slots, temporaries) before being written in a stretch of code, and what is written. */
	private static final class Effects {
		final Set<Integer> slotsUsed = new HashSet<>(), slotsWritten = new HashSet<>();
		final Set<Integer> tempsUsed = new HashSet<>(), tempsDefined = new HashSet<>();

		/** Adds one instruction, walking backwards: this becomes its effect followed by the old one. */
		void prepend(Instr instruction) {
			Value.Temp dst = IrVerifier.destination(instruction);
			if (dst != null) {
				tempsUsed.remove(dst.id());
				tempsDefined.add(dst.id());
			}
			if (instruction instanceof Instr.StoreSlot store) {
				slotsUsed.remove(store.slot());
				slotsWritten.add(store.slot());
			}
			if (instruction instanceof Instr.LoadSlot load) {
				slotsUsed.add(load.slot());
			}
			for (Value operand : IrVerifier.operands(instruction)) {
				if (operand instanceof Value.Temp t) {
					tempsUsed.add(t.id());
				}
			}
		}
	}

	/** The live sets at the start of each block, to a fixpoint. */
	private record Live(Set<Integer> slots, Set<Integer> temps) {
		Live() {
			this(new HashSet<>(), new HashSet<>());
		}

		Live copy() {
			return new Live(new HashSet<>(slots), new HashSet<>(temps));
		}
	}

	private void layOutFrame() {
		Map<String, IrBlock> byLabel = new HashMap<>();
		sync.blocks().forEach(b -> byLabel.put(b.label(), b));
		IrBlock cancelled = byLabel.get(sync.cancelledExit());
		Map<IrBlock, Live> liveIn = new HashMap<>();
		sync.blocks().forEach(b -> liveIn.put(b, new Live()));
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int k = sync.blocks().size() - 1; k >= 0; k--) {
				IrBlock block = sync.blocks().get(k);
				Live live = liveAfter(block, 0, byLabel, liveIn, cancelled);
				if (!live.equals(liveIn.get(block))) {
					liveIn.put(block, live);
					changed = true;
				}
			}
		}
		Set<Integer> slots = new TreeSet<>();
		Set<Integer> temps = new TreeSet<>();
		for (SuspensionPoint point : points.values()) {
			Live live = liveAfter(point.block(), point.index() + 1, byLabel, liveIn, cancelled);
			live.slots().addAll(liveIn.get(cancelled).slots());
			live.temps().addAll(liveIn.get(cancelled).temps());
			slots.addAll(live.slots());
			live.temps().forEach(t -> {
				Value.Temp defined = IrVerifier.destination(point.block().instructions().get(point.index()));
				if (defined == null || defined.id() != t) {
					temps.add(t);
				}
			});
		}
		int word = sync.parameterCount();
		for (int slot : slots) {
			frameSlots.put(slot, word++);
		}
		for (int temp : temps) {
			spillWords.put(temp, word++);
		}
		frameWords = Math.max(1, word);
	}

	/**
	 * What is live just before instruction {@code from} of {@code block} (0: its live-in; size:
	 * what its successors need). A suspension point can also leave for the cancelled exit, so
	 * what that exit reads is live at each point.
	 */
	private Live liveAfter(IrBlock block, int from, Map<String, IrBlock> byLabel, Map<IrBlock, Live> liveIn,
			IrBlock cancelled) {
		List<Instr> instructions = block.instructions();
		Live live = new Live();
		Instr last = instructions.isEmpty() ? null : instructions.get(instructions.size() - 1);
		if (last != null) {
			for (String target : IrVerifier.targets(last)) {
				Live successor = liveIn.get(byLabel.get(target));
				live.slots().addAll(successor.slots());
				live.temps().addAll(successor.temps());
			}
		}
		for (int i = instructions.size() - 1; i >= from; i--) {
			Instr instruction = instructions.get(i);
			if (points.containsKey(instruction)) {
				Live exit = liveIn.get(cancelled);
				live.slots().addAll(exit.slots());
				live.temps().addAll(exit.temps());
			}
			Effects one = new Effects();
			one.prepend(instruction);
			live.slots().removeAll(one.slotsWritten);
			live.slots().addAll(one.slotsUsed);
			live.temps().removeAll(one.tempsDefined);
			live.temps().addAll(one.tempsUsed);
		}
		return live.copy();
	}

	// ---- rewriting

	private void rewrite(Instr instruction) {
		SuspensionPoint point = points.get(instruction);
		if (point != null) {
			if (point.preemption()) {
				preempt(point.state(), label(((Instr.Jump) instruction).target()));
			} else if (instruction instanceof Instr.CallClosure call) {
				suspendClosureCall(call, point.state());
			} else if (instruction instanceof Instr.Wait wait) {
				suspend(point.state(), wait.dst(), wait.operation().taskForm(), true, wait.arguments());
			} else {
				Instr.Call call = (Instr.Call) instruction;
				calledTaskForms.add(call.function());
				suspend(point.state(), call.dst(), ProgramLowering.newFrameName(call.function()), false,
						call.arguments());
			}
			return;
		}
		if (instruction instanceof Instr.Return ret) {
			emit(new Instr.Call(null, "qz_task_finish", List.of(task, operand(ret.value()))));
			emit(new Instr.Return(Value.ONE));
			return;
		}
		if (instruction instanceof Instr.LoadSlot i) {
			Integer word = frameSlots.get(i.slot());
			emit(word != null ? new Instr.Load(define(i.dst()), frame, word)
					: new Instr.LoadSlot(define(i.dst()), localSlot(i.slot())));
		} else if (instruction instanceof Instr.StoreSlot i) {
			Integer word = frameSlots.get(i.slot());
			Value value = operand(i.value());
			emit(word != null ? new Instr.Store(frame, word, value) : new Instr.StoreSlot(localSlot(i.slot()), value));
		} else if (instruction instanceof Instr.Binary i) {
			Value a = operand(i.a());
			Value b = operand(i.b());
			emit(new Instr.Binary(define(i.dst()), i.op(), a, b));
		} else if (instruction instanceof Instr.Compare i) {
			Value a = operand(i.a());
			Value b = operand(i.b());
			emit(new Instr.Compare(define(i.dst()), i.predicate(), a, b));
		} else if (instruction instanceof Instr.FloatOp i) {
			List<Value> operands = operands(i.operands());
			emit(new Instr.FloatOp(define(i.dst()), i.operation(), operands));
		} else if (instruction instanceof Instr.Call i) {
			List<Value> arguments = operands(i.arguments());
			emit(new Instr.Call(i.dst() == null ? null : define(i.dst()), i.function(), arguments));
		} else if (instruction instanceof Instr.CallIndirect i) {
			Value function = operand(i.function());
			List<Value> arguments = operands(i.arguments());
			emit(new Instr.CallIndirect(define(i.dst()), function, arguments));
		} else if (instruction instanceof Instr.CallClosure i) {
			Value closure = operand(i.closure());
			List<Value> arguments = operands(i.arguments());
			emit(new Instr.CallClosure(define(i.dst()), closure, arguments));
		} else if (instruction instanceof Instr.Load i) {
			emit(new Instr.Load(define(i.dst()), operand(i.object()), i.index(), i.region()));
		} else if (instruction instanceof Instr.LoadByte i) {
			emit(new Instr.LoadByte(define(i.dst()), operand(i.address())));
		} else if (instruction instanceof Instr.Store i) {
			Value object = operand(i.object());
			emit(new Instr.Store(object, i.index(), operand(i.value()), i.region()));
		} else if (instruction instanceof Instr.StoreByte i) {
			Value address = operand(i.address());
			emit(new Instr.StoreByte(address, operand(i.value()), i.region()));
		} else if (instruction instanceof Instr.Branch i) {
			emit(new Instr.Branch(operand(i.condition()), label(i.ifTrue()), label(i.ifFalse())));
		} else if (instruction instanceof Instr.Jump i) {
			emit(new Instr.Jump(label(i.target())));
		} else if (instruction instanceof Instr.Unreachable) {
			emit(instruction);
		} else {
			throw new IllegalStateException("cannot build the task form of " + instruction);
		}
		Value.Temp defined = IrVerifier.destination(instruction);
		if (defined != null) {
			spill(defined);
		}
	}

	/**
	 * A suspension point: begin the operation (a waiting operation's task form, given the task
	 * first, or a call of a waiting function: a new frame of its task form, run at once by
	 * qz_call_frame); park (return pending) or go on; the result is in the io word. Before a
	 * call the state is saved first: once the callee parked, the task's top frame is the
	 * callee's, not this one; otherwise the park block saves it.
	 */
	private void suspend(int state, Value.Temp dst, String begin, boolean takesTask, List<Value> syncArguments) {
		List<Value> arguments = operands(syncArguments);
		Value started;
		if (takesTask) {
			List<Value> withTask = new ArrayList<>();
			withTask.add(task);
			withTask.addAll(arguments);
			started = call(begin, withTask.toArray(Value[]::new));
		} else {
			Value calleeFrame = call(begin, arguments.toArray(Value[]::new));
			saveState(state);
			started = call("qz_call_frame", task, calleeFrame);
		}
		String resume = "resume." + state;
		emit(new Instr.Branch(started, resume, "park." + state));
		park(state, resume, takesTask);
		startBlock(resume);
		reloaded = new HashMap<>();
		if (dst != null) {
			emit(new Instr.Call(define(dst), "qz_task_io", List.of(task)));
			spill(dst);
		}
	}

	/** A loop's back-edge: go on to the loop's head, unless the time slice is over and the task yields first. */
	private void preempt(int state, String head) {
		emit(new Instr.Branch(call("qz_preempt_begin", task), head, "park." + state));
		park(state, head, true);
	}

	private void saveState(int state) {
		emit(new Instr.Call(null, "qz_task_set_state", List.of(task, new Value.Imm(state))));
	}

	/**
	 * The park block of {@code state} (saves it unless that was done before a call; returns
	 * pending) and its `resumed` block, where the dispatch lands: leaves through the cancelled
	 * exit when the task was cancelled while parked, else goes on at {@code resume}.
	 */
	private void park(int state, String resume, boolean saveState) {
		startBlock("park." + state);
		if (saveState) {
			saveState(state);
		}
		emit(new Instr.Return(Value.ZERO));
		startBlock("resumed." + state);
		emit(new Instr.Branch(call("qz_task_interrupted", task), label(sync.cancelledExit()), resume));
	}

	/**
	 * A call of a function value that may wait: a closure with a task form (word 1 of the
	 * closure makes a frame of it) runs it through qz_call_frame; otherwise its function is
	 * called directly. The result comes through a local slot from either path.
	 */
	private void suspendClosureCall(Instr.CallClosure call, int state) {
		Value closure = operand(call.closure());
		List<Value> withClosure = new ArrayList<>();
		withClosure.add(closure);
		withClosure.addAll(operands(call.arguments()));
		int result = async.newSlot();
		Value.Temp start = async.newTemp();
		emit(new Instr.Load(start, closure, ObjectLayouts.CLOSURE_NEW_FRAME));
		String asTask = "closure.task." + state;
		String direct = "closure.call." + state;
		String resume = "resume." + state;
		String done = "closure.done." + state;
		Value.Temp hasTaskForm = async.newTemp();
		emit(new Instr.Compare(hasTaskForm, "ne", start, Value.ZERO));
		emit(new Instr.Branch(hasTaskForm, asTask, direct));
		startBlock(direct);
		Value.Temp function = async.newTemp();
		emit(new Instr.Load(function, closure, ObjectLayouts.CLOSURE_FUNCTION));
		Value.Temp value = async.newTemp();
		emit(new Instr.CallIndirect(value, function, withClosure));
		emit(new Instr.StoreSlot(result, value));
		emit(new Instr.Jump(done));
		startBlock(asTask);
		Value.Temp callee = async.newTemp();
		emit(new Instr.CallIndirect(callee, start, withClosure));
		saveState(state);
		emit(new Instr.Branch(call("qz_call_frame", task, callee), resume, "park." + state));
		park(state, resume, false);
		startBlock(resume);
		emit(new Instr.StoreSlot(result, call("qz_task_io", task)));
		emit(new Instr.Jump(done));
		startBlock(done);
		reloaded = new HashMap<>();
		emit(new Instr.LoadSlot(define(call.dst()), result));
		spill(call.dst());
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
		Integer word = spillWords.get(t.id());
		if (word == null) {
			Value.Temp same = kept.get(t.id());
			if (same == null) {
				throw new IllegalStateException("%t" + t.id() + " of " + sync.name() + " used before its definition");
			}
			return same;
		}
		Value.Temp local = reloaded.get(t.id());
		if (local == null) {
			local = async.newTemp();
			emit(new Instr.Load(local, frame, word));
			reloaded.put(t.id(), local);
		}
		return local;
	}

	private List<Value> operands(List<Value> values) {
		List<Value> result = new ArrayList<>();
		values.forEach(v -> result.add(operand(v)));
		return result;
	}

	private Value.Temp define(Value.Temp syncTemp) {
		Value.Temp fresh = async.newTemp();
		if (spillWords.containsKey(syncTemp.id())) {
			reloaded.put(syncTemp.id(), fresh);
		} else {
			kept.put(syncTemp.id(), fresh);
		}
		return fresh;
	}

	private void spill(Value.Temp syncTemp) {
		Integer word = spillWords.get(syncTemp.id());
		if (word != null) {
			emit(new Instr.Store(frame, word, reloaded.get(syncTemp.id())));
		}
	}

	private int localSlot(int slot) {
		return localSlots.computeIfAbsent(slot, s -> async.newSlot());
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
}
