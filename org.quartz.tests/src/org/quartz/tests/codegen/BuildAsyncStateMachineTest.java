package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.IrVerifier;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.codegen.lower.BuildAsyncStateMachine;
import org.quartz.codegen.lower.FindWaitingFunctions;

/**
 * The state-machine pass on small hand-built functions: what goes into the frame (only what is
 * live across a suspension point), the dispatch (a switch over every state that traps an
 * unknown one), and well-formed output.
 */
class BuildAsyncStateMachineTest {

	private static final FindWaitingFunctions.Result NOTHING_ELSE_WAITS = new FindWaitingFunctions.Result(Set.of(),
			Set.of());

	private final IrModule module = new IrModule();
	private final IrFunction sync = new IrFunction("f", 1);
	private IrBlock block;

	BuildAsyncStateMachineTest() {
		block("entry");
	}

	private void block(String label) {
		block = new IrBlock(label);
		sync.blocks().add(block);
	}

	private void emit(Instr... instructions) {
		block.instructions().addAll(List.of(instructions));
	}

	private static Value.Temp t(int id) {
		return new Value.Temp(id);
	}

	private static Instr recv(int dst) {
		return new Instr.Wait(t(dst), WaitingOperation.RECV, List.of(new Value.Param(0)));
	}

	/** The cancelled exit every function with a task form has. */
	private void cancelledExit() {
		block("cancelled");
		emit(new Instr.Return(Value.ZERO));
		sync.setCancelledExit("cancelled");
	}

	private BuildAsyncStateMachine.Result build() {
		IrVerifier.verify(moduleWith(sync), IrVerifier.Stage.TASKS_RESOLVED);
		BuildAsyncStateMachine.Result result = BuildAsyncStateMachine.build(sync, "f.async", NOTHING_ELSE_WAITS,
				module);
		IrVerifier.verify(moduleWith(result.function()), IrVerifier.Stage.TASKS_RESOLVED);
		return result;
	}

	private static IrModule moduleWith(IrFunction function) {
		IrModule m = new IrModule();
		m.functions().add(function);
		return m;
	}

	@Test
	void onlyWhatIsLiveAcrossAWaitIsInTheFrame() {
		int before = sync.newSlot(); // written and read before the wait only: a local
		int across = sync.newSlot(); // written before, read after: a frame word
		emit(new Instr.StoreSlot(before, Value.ONE), new Instr.LoadSlot(t(0), before),
				new Instr.StoreSlot(across, t(0)),
				new Instr.Binary(t(1), "add", t(0), Value.ONE), // used after the wait: spilled
				new Instr.Binary(t(2), "add", t(0), t(0)), // used before it only: stays a temporary
				new Instr.StoreSlot(before, t(2)), recv(3), new Instr.LoadSlot(t(4), across),
				new Instr.Binary(t(5), "add", t(4), t(1)), new Instr.Binary(t(6), "add", t(5), t(3)),
				new Instr.Return(t(6)));
		cancelledExit();
		// The parameter, the slot read after the wait, the temporary used after it.
		assertEquals(3, build().frameWords());
	}

	@Test
	void aValueLiveOnlyOnOnePathAfterTheWaitStillCounts() {
		int flag = sync.newSlot();
		emit(new Instr.StoreSlot(flag, Value.ONE), recv(0), new Instr.Branch(t(0), "then", "else"));
		block("then");
		emit(new Instr.LoadSlot(t(1), flag), new Instr.Return(t(1)));
		block("else");
		emit(new Instr.Return(Value.ZERO));
		cancelledExit();
		assertEquals(2, build().frameWords());
	}

	@Test
	void whatTheCancelledExitReadsIsLiveAtEveryWait() {
		int deferFlag = sync.newSlot();
		emit(new Instr.StoreSlot(deferFlag, Value.ZERO), recv(0), new Instr.Return(t(0)));
		block("cancelled");
		emit(new Instr.LoadSlot(t(1), deferFlag), new Instr.Return(t(1)));
		sync.setCancelledExit("cancelled");
		assertEquals(2, build().frameWords());
	}

	@Test
	void theDispatchSwitchesOverEveryStateAndTrapsOthers() {
		emit(recv(0), recv(1), new Instr.Binary(t(2), "add", t(0), t(1)), new Instr.Return(t(2)));
		cancelledExit();
		IrFunction async = build().function();
		List<Instr> entry = async.blocks().get(0).instructions();
		Instr.Switch dispatch = (Instr.Switch) entry.get(entry.size() - 1);
		assertEquals(List.of("start", "resumed.1", "resumed.2"), dispatch.cases());
		IrBlock trap = async.blocks().stream().filter(b -> b.label().equals(dispatch.otherwise())).findFirst()
				.orElseThrow();
		assertTrue(trap.instructions().get(0) instanceof Instr.Call call && call.function().equals("qz_panic"), trap
				.instructions().toString());
		assertTrue(trap.instructions().get(1) instanceof Instr.Unreachable);
		// Each wait begins its task form once and saves its own state when it parks.
		long begins = async.blocks().stream().flatMap(b -> b.instructions().stream())
				.filter(i -> i instanceof Instr.Call call && call.function().equals("qz_recv_begin")).count();
		assertEquals(2, begins);
	}

	@Test
	void aFunctionWithoutACancelledExitIsRejected() {
		emit(recv(0), new Instr.Return(t(0)));
		assertThrows(IllegalStateException.class,
				() -> BuildAsyncStateMachine.build(sync, "f.async", NOTHING_ELSE_WAITS, module));
	}
}
