package org.quartz.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.tests.validation.Diagnostics.assertNoError;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ControlFlowValidatorTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;
	private static final String MISSING_RETURN = QuartzIssueCodes.MISSING_RETURN;
	private static final String BREAK = QuartzIssueCodes.BREAK_OUTSIDE_LOOP;

	@Inject
	private Diagnostics diagnostics;

	@Test
	void ifWithoutElseDoesNotReturnOnEveryPath() {
		diagnostics.assertError("""
				def sign(x: Int): Int
				  if x > 0
				    return 1
				  end
				end
				""", Q.getFunctionDecl(), MISSING_RETURN, 1, 5);
	}

	@Test
	void loopLeftByBreak() {
		diagnostics.assertError("""
				def f(): Int
				  loop
				    break
				  end
				end
				""", Q.getFunctionDecl(), MISSING_RETURN, 1, 5);
	}

	@Test
	void whileLoopMayEnd() {
		diagnostics.assertError("""
				def f(): Int
				  while true
				    return 1
				  end
				end
				""", Q.getFunctionDecl(), MISSING_RETURN, 1, 5);
	}

	@Test
	void bodyEndingInABinding() {
		diagnostics.assertError("def f(): Int\n  x = 1\nend\n", Q.getFunctionDecl(), MISSING_RETURN, 1, 5);
	}

	@Test
	void emptyBody() {
		diagnostics.assertError("def f(): Int\nend\n", Q.getFunctionDecl(), MISSING_RETURN, 1, 5);
	}

	@Test
	void actorMethod() {
		diagnostics.assertError("""
				actor A
				  var n: Int = 0
				  def get(): Int
				    n += 1
				  end
				end
				""", Q.getFunctionDecl(), MISSING_RETURN, 3, 7);
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			def f(x: Int): Int
			  return x
			end
			""", """
			def f(x: Int): Int
			  x + 1
			end
			""", """
			def f(x: Int): Int
			  if x > 0
			    1
			  elsif x < 0
			    return -1
			  else
			    0
			  end
			end
			""", """
			def f(x: Int): Int
			  match x
			    1 => 10
			    _ =>
			      return 20
			  end
			end
			""", """
			def f(x: Int): Int
			  loop
			    if x > 0
			      return x
			    end
			    for i in 0..3
			      break
			    end
			  end
			end
			""", """
			def f(x: Int): Int = x
			""", """
			def f(x: Int)
			  x = 1
			end
			""", """
			def f(x: Int): Void
			  puts("a")
			end
			""" })
	void everyPathReturns(String source) {
		assertNoError(diagnostics.of(source), MISSING_RETURN);
	}

	@Test
	void breakOutsideALoop() {
		diagnostics.assertError("def f()\n  break\nend\n", Q.getBreakStmt(), BREAK, 2, 3);
	}

	@Test
	void continueAtTopLevel() {
		diagnostics.assertError("x = 1\ncontinue\n", Q.getContinueStmt(), BREAK, 2, 1);
	}

	@Test
	void lambdaIsABoundaryForBreak() {
		diagnostics.assertError("""
				def f()
				  for i in 0..3
				    g = do -> continue end
				  end
				end
				""", Q.getContinueStmt(), BREAK, 3, 15);
	}

	@Test
	void breakInsideLoopsAndTheirBranches() {
		assertNoError(diagnostics.of("""
				def f(x: Int)
				  while x > 0
				    if x == 2
				      break
				    end
				    match x
				      1 => continue
				      _ => 0
				    end
				  end
				  for i in 0..3
				    g = do ->
				      loop
				        break
				      end
				    end
				  end
				end
				"""), BREAK);
	}

	@Test
	void statementAfterReturnIsUnreachable() {
		List<Issue> issues = diagnostics.of("""
				def f(x: Int): Int
				  return x
				  puts("never")
				end
				def main()
				  puts("#{f(1)}")
				end
				""");
		assertEquals(1, issues.size(), () -> Diagnostics.describe(issues));
		Issue issue = issues.get(0);
		assertEquals(QuartzIssueCodes.UNREACHABLE_CODE, issue.getCode());
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("3:3", issue.getLineNumber() + ":" + issue.getColumn());
	}

	@Test
	void returnInAConstantsValue() {
		// Also QZ0113: an `if` is no compile-time value.
		Diagnostics.assertErrorAt(diagnostics.of("""
				const A = if true
				  return 1
				else
				  2
				end
				def main()
				end
				"""), QuartzIssueCodes.RETURN_OUTSIDE_FUNCTION, 2, 3);
	}

	@Test
	void returnInAGlobalsValue() {
		Diagnostics.assertOnlyError(diagnostics.of("""
				var g: Int = if true
				  return 1
				else
				  2
				end
				def main()
				end
				"""), QuartzIssueCodes.RETURN_OUTSIDE_FUNCTION, 2, 3);
	}

	@Test
	void tryInAnActorFieldsValue() {
		Diagnostics.assertOnlyError(diagnostics.of("""
				actor Counter
				  var n: Int = Some(1)?
				end
				def main()
				end
				"""), QuartzIssueCodes.TRY_OUTSIDE_OPTION_OR_RESULT, 2, 16);
	}

	@Test
	void returnAndTryInAScriptAndInALambdaOfAConstant() {
		assertNoError(diagnostics.of("""
				f = do x -> Some(x)? end
				puts("#{f(1)}")
				return
				"""), QuartzIssueCodes.RETURN_OUTSIDE_FUNCTION);
		Diagnostics.assertNoIssues(diagnostics.of("""
				var g: Fn(Option<Int>): Option<Int> = do x: Option<Int> ->
				  return Some((x)? + 1)
				end
				def main()
				  puts("#{unwrap(g(Some(1)))}")
				end
				"""));
	}
}
