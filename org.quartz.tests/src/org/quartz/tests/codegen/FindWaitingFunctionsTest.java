package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quartz.codegen.RuntimeAbi;
import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.codegen.lower.FindWaitingFunctions;

/**
 * The pass that decides which functions may wait, on small hand-built IR: waits found directly,
 * through calls (and recursion), and through calls of function values judged by arity; and the
 * table of waiting operations agrees with the runtime interface.
 */
class FindWaitingFunctionsTest {

	private final IrModule module = new IrModule();

	/** A function of {@code parameters} parameters whose one block holds {@code body}, then returns 0. */
	private IrFunction function(String name, int parameters, Instr... body) {
		IrFunction function = new IrFunction(name, parameters);
		IrBlock entry = new IrBlock("entry");
		entry.instructions().addAll(List.of(body));
		entry.instructions().add(new Instr.Return(Value.ZERO));
		function.blocks().add(entry);
		module.functions().add(function);
		return function;
	}

	private static Instr waitRecv() {
		return new Instr.Wait(new Value.Temp(0), WaitingOperation.RECV, List.of(Value.ZERO));
	}

	private static Instr call(String callee) {
		return new Instr.Call(new Value.Temp(1), callee, List.of());
	}

	/** Makes a closure of {@code function} (word 1 names its task constructor), as FunctionLowering does. */
	private static Instr closureOf(String function) {
		return new Instr.Store(new Value.Temp(2), 1, new Value.FrameConstructor(function));
	}

	private static Instr callValue(int arity) {
		List<Value> arguments = java.util.Collections.nCopies(arity, Value.ZERO);
		return new Instr.CallClosure(new Value.Temp(3), Value.ZERO, arguments);
	}

	@Test
	void waitsDirectlyAndThroughCalls() {
		function("pure", 1, new Instr.Binary(new Value.Temp(0), "add", new Value.Param(0), Value.ONE));
		function("waits", 1, waitRecv());
		function("caller", 1, call("pure"), call("waits"));
		function("caller_of_caller", 0, call("caller"));
		function("calls_only_pure", 0, call("pure"), call("qz_puts"));
		assertEquals(Set.of("waits", "caller", "caller_of_caller"), FindWaitingFunctions.find(module).functions());
	}

	@Test
	void mutualRecursionReachesTheWait() {
		function("a", 1, call("b"), call("c"));
		function("b", 1, call("a"));
		function("c", 0, new Instr.Wait(null, WaitingOperation.YIELD, List.of()));
		function("d", 1, call("d"));
		assertEquals(Set.of("a", "b", "c"), FindWaitingFunctions.find(module).functions());
	}

	@Test
	void callsOfFunctionValuesWaitWhenAValueOfTheirArityMay() {
		// Lambdas take the closure first: lambda.waiter has one argument, lambda.adder two.
		function("lambda.waiter", 2, waitRecv());
		function("lambda.adder", 3, new Instr.Binary(new Value.Temp(0), "add", new Value.Param(1), new Value.Param(2)));
		function("lambda.unused", 2, waitRecv()); // never made into a closure: not a function value
		function("maker", 0, closureOf("lambda.waiter"), closureOf("lambda.adder"));
		function("calls_one", 0, callValue(1));
		function("calls_two", 0, callValue(2));
		FindWaitingFunctions.Result result = FindWaitingFunctions.find(module);
		assertEquals(Set.of("lambda.waiter", "lambda.unused", "calls_one"), result.functions());
		assertEquals(Set.of(1), result.closureArities());
	}

	@Test
	void aFunctionValueThatWaitsThroughACallCounts() {
		function("helper", 0, waitRecv());
		function("wrapper.value", 1, call("helper"));
		module.constant("closure.helper", List.of(new Value.FunctionAddress("wrapper.value"),
				new Value.FrameConstructor("wrapper.value")));
		function("calls_zero", 0, callValue(0));
		assertEquals(Set.of("helper", "wrapper.value", "calls_zero"), FindWaitingFunctions.find(module).functions());
	}

	@Test
	void everyWaitingOperationIsInTheRuntimeWithBothForms() {
		for (WaitingOperation operation : WaitingOperation.values()) {
			RuntimeAbi.Function blocking = RuntimeAbi.get(operation.blockingForm());
			RuntimeAbi.Function task = RuntimeAbi.get(operation.taskForm());
			assertEquals(blocking.arity() + 1, task.arity(), operation + ": the task form takes the task first");
			assertEquals(RuntimeAbi.Result.VALUE, task.result(), operation + ": the task form says whether it parked");
			assertEquals(operation.hasResult() ? RuntimeAbi.Result.VALUE : RuntimeAbi.Result.VOID, blocking.result(),
					operation + ": result of the blocking form");
			operation.builtin().ifPresent(builtin -> assertTrue(
					WaitingOperation.ofBuiltin(builtin).orElseThrow() == operation, builtin));
		}
	}
}
