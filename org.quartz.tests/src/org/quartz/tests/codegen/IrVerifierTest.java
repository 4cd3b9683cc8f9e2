package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.IrVerifier;
import org.quartz.codegen.ir.Value;

/** The IR verifier accepts well-formed functions and names what is wrong with the others. */
class IrVerifierTest {

	private static IrModule module(Instr... entry) {
		IrFunction function = new IrFunction("f", 1);
		IrBlock block = new IrBlock("entry");
		block.instructions().addAll(List.of(entry));
		function.blocks().add(block);
		IrModule module = new IrModule();
		module.functions().add(function);
		return module;
	}

	private static void assertInvalid(String expected, IrModule module) {
		IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> IrVerifier.verify(module, IrVerifier.Stage.TASKS_RESOLVED));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}

	@Test
	void aWellFormedFunctionPasses() {
		assertDoesNotThrow(() -> IrVerifier.verify(module(new Instr.Binary(new Value.Temp(0), "add",
				new Value.Param(0), Value.ONE), new Instr.Return(new Value.Temp(0))), IrVerifier.Stage.LOWERED));
	}

	@Test
	void problemsAreNamed() {
		assertInvalid("does not end in a terminator", module(new Instr.Call(null, "qz_puts", List.of(Value.ZERO))));
		assertInvalid("branch to unknown label nowhere", module(new Instr.Jump("nowhere")));
		assertInvalid("%t7 is never defined", module(new Instr.Return(new Value.Temp(7))));
		assertInvalid("used before its definition", module(new Instr.Return(new Value.Temp(0)),
				new Instr.Binary(new Value.Temp(0), "add", Value.ONE, Value.ONE)));
		assertInvalid("parameter %p1 out of range", module(new Instr.Return(new Value.Param(1))));
		assertInvalid("unresolved", module(new Instr.NewTask(new Value.Temp(0), "g", List.of()),
				new Instr.Return(new Value.Temp(0))));
	}
}
