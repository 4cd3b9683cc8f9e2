package org.quartz.tests.controlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.controlflow.ControlFlow;
import org.quartz.lang.quartz.Block;
import org.quartz.lang.quartz.BreakStmt;
import org.quartz.lang.quartz.ContinueStmt;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.LoopStmt;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.ReturnStmt;
import org.quartz.lang.quartz.Statement;
import org.quartz.lang.quartz.WhileStmt;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** {@link ControlFlow} on small bodies: what never completes, what gives a value on every path, which loop a `break` leaves. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ControlFlowTest {

	@Inject
	private Diagnostics diagnostics;

	/** The body of the first function of {@code source}. */
	private Block body(String source) {
		Module module = diagnostics.parse(source);
		return EcoreUtil2.eAllOfType(module, FunctionDecl.class).get(0).getBody();
	}

	/** The body of `def f(x: Int): Int` with {@code lines} (indented by two spaces) inside. */
	private Block functionBody(String lines) {
		return body("def f(x: Int): Int\n" + lines.indent(2) + "end\n");
	}

	@Test
	void lastStatement() {
		Block block = functionBody("y = 1\ny + x\n");
		assertSame(block.getStatements().get(1), ControlFlow.lastStatement(block));
		assertNull(ControlFlow.lastStatement(body("def f()\nend\n")));
		assertNull(ControlFlow.lastStatement(null));
	}

	@Test
	void jumpsAndStatementsThatNeverComplete() {
		List<Statement> statements = functionBody("""
				return 1
				puts("x")
				panic("no")
				exit(1)
				x + 1
				loop
				  break
				  continue
				end
				""").getStatements();
		Statement loop = statements.get(5);
		List<Statement> loopBody = ((LoopStmt) loop).getBody().getStatements();
		assertEquals(List.of(true, false, false, false, false, false, true, true),
				List.of(ControlFlow.isJump(statements.get(0)), ControlFlow.isJump(statements.get(1)),
						ControlFlow.isJump(statements.get(2)), ControlFlow.isJump(statements.get(3)),
						ControlFlow.isJump(statements.get(4)), ControlFlow.isJump(loop),
						ControlFlow.isJump(loopBody.get(0)), ControlFlow.isJump(loopBody.get(1))));
		// `panic` and `exit` never return either; an endless `loop` is not looked into.
		assertEquals(List.of(true, false, true, true, false, false, true, true),
				List.of(ControlFlow.neverCompletes(statements.get(0)), ControlFlow.neverCompletes(statements.get(1)),
						ControlFlow.neverCompletes(statements.get(2)), ControlFlow.neverCompletes(statements.get(3)),
						ControlFlow.neverCompletes(statements.get(4)), ControlFlow.neverCompletes(loop),
						ControlFlow.neverCompletes(loopBody.get(0)), ControlFlow.neverCompletes(loopBody.get(1))));
	}

	@Test
	void aUserFunctionNamedPanicMayReturn() {
		Block block = body("""
				def f()
				  panic(1)
				end

				def panic(x: Int)
				end
				""");
		assertFalse(ControlFlow.neverCompletes(ControlFlow.lastStatement(block)));
	}

	@Test
	void bodiesThatProduceAValueOnEveryPath() {
		for (String lines : List.of("x + 1", "return 1", "panic(\"no\")", """
				if x > 0
				  return 1
				elsif x < 0
				  -1
				else
				  0
				end""", """
				match x
				  0 => 1
				  _ => return 2
				end""", """
				loop
				  x = 1
				end""", """
				loop
				  while true
				    break
				  end
				  do
				    break
				  end
				end""")) {
			assertTrue(ControlFlow.producesValueOnEveryPath(functionBody(lines)), lines);
		}
	}

	@Test
	void bodiesThatCanEndWithoutAValue() {
		for (String lines : List.of("", "y = 1", "var y = 1", """
				if x > 0
				  return 1
				end""", """
				if x > 0
				  return 1
				elsif x < 0
				  y = 2
				else
				  0
				end""", """
				loop
				  if x > 0
				    break
				  end
				end""", """
				while x > 0
				  return 1
				end""", """
				for i in 0..x
				  return i
				end""")) {
			assertFalse(ControlFlow.producesValueOnEveryPath(functionBody(lines)), lines);
		}
	}

	@Test
	void theLoopABreakLeaves() {
		Block block = functionBody("""
				while true
				  loop
				    break
				  end
				  continue
				  do
				    break
				  end
				end
				break
				""");
		WhileStmt outer = (WhileStmt) block.getStatements().get(0);
		List<BreakStmt> breaks = EcoreUtil2.eAllOfType(block, BreakStmt.class);
		assertSame(outer.getBody().getStatements().get(0), ControlFlow.enclosingLoop(breaks.get(0)));
		assertSame(outer, ControlFlow.enclosingLoop(EcoreUtil2.eAllOfType(block, ContinueStmt.class).get(0)));
		assertNull(ControlFlow.enclosingLoop(breaks.get(1)), "a lambda is a boundary");
		assertNull(ControlFlow.enclosingLoop(breaks.get(2)), "a function is a boundary");
		assertTrue(ControlFlow.isLeftByBreak((LoopStmt) outer.getBody().getStatements().get(0)));
	}

	@Test
	void theFunctionAReturnLeaves() {
		Module module = diagnostics.parse("""
				const A = if true
				  return 1
				else
				  2
				end
				actor Counter
				  var n: Int = if true
				    return 1
				  else
				    do
				      return 2
				    end
				    3
				  end
				  def get(): Int
				    return n
				  end
				end
				""");
		List<ReturnStmt> returns = EcoreUtil2.eAllOfType(module, ReturnStmt.class);
		assertNull(ControlFlow.enclosingFunction(returns.get(0)), "a constant's value");
		assertNull(ControlFlow.enclosingFunction(returns.get(1)), "an actor field's value");
		assertTrue(ControlFlow.enclosingFunction(returns.get(2)) instanceof Lambda);
		assertTrue(ControlFlow.enclosingFunction(returns.get(3)) instanceof FunctionDecl);
		Module script = diagnostics.parse("var n = 1\nreturn\n");
		assertSame(script, ControlFlow.enclosingFunction(EcoreUtil2.eAllOfType(script, ReturnStmt.class).get(0)));
		Module program = diagnostics.parse("var g: Int = if true\n  return 1\nelse\n  2\nend\ndef main()\nend\n");
		assertNull(ControlFlow.enclosingFunction(EcoreUtil2.eAllOfType(program, ReturnStmt.class).get(0)), "a global's value");
	}
}
