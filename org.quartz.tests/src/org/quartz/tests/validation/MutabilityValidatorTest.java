package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertNoError;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;
import static org.quartz.tests.validation.Diagnostics.assertOnlyError;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class MutabilityValidatorTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;
	private static final String IMMUTABLE = QuartzIssueCodes.ASSIGN_TO_IMMUTABLE;
	private static final String POINT = "struct P\n  x: Int\nend\n";

	@Inject
	private Diagnostics diagnostics;

	@Test
	void reassigningAnImmutableBinding() {
		assertOnlyError(diagnostics.of("""
				# error: 4
				def main()
				  x = 1
				  x = 2
				  puts("#{x}")
				end
				"""), IMMUTABLE, 4, 3);
	}

	@Test
	void reassigningIsReportedOnTheAssignment() {
		diagnostics.assertError("def main()\n  x = 1\n  x = 2\nend\n", Q.getLetDecl(), IMMUTABLE, 3, 3);
	}

	@Test
	void compoundAssignmentToAnImmutableBinding() {
		diagnostics.assertError("def main()\n  n = 1\n  n += 1\nend\n", Q.getNameRef(), IMMUTABLE, 3, 3);
	}

	@Test
	void assigningAParameter() {
		diagnostics.assertError("def f(a: Int)\n  a = 2\nend\n", Q.getLetDecl(), IMMUTABLE, 2, 3);
	}

	@Test
	void assigningALoopVariable() {
		diagnostics.assertError("def main()\n  for i in 0..3\n    i += 1\n  end\nend\n", Q.getNameRef(), IMMUTABLE, 3, 5);
	}

	@Test
	void assigningAPatternBinding() {
		diagnostics.assertError("""
				def f(o: Option<Int>)
				  match o
				    Some(v) =>
				      v = 1
				    None => 0
				  end
				end
				""", Q.getLetDecl(), IMMUTABLE, 4, 7);
	}

	@Test
	void assigningAConstant() {
		diagnostics.assertError("const LIMIT = 1\ndef main()\n  LIMIT += 1\nend\n", Q.getNameRef(), IMMUTABLE, 3, 3);
	}

	@Test
	void varBindingsAndActorFieldsAreAssignable() {
		// Actor fields are assignable inside the actor's methods.
		assertNoError(diagnostics.of("""
				actor Counter
				  var count: Int = 0
				  def increment(by: Int)
				    count = count + by
				    count += 1
				  end
				end
				def main()
				  var n = 0
				  n = n + 1
				  n += 2
				end
				"""), QuartzIssueCodes.ASSIGN_TO_IMMUTABLE);
	}

	@Test
	void fieldAssignmentThroughAnImmutableBinding() {
		diagnostics.assertError(POINT + "def main()\n  p = P { x: 1 }\n  p.x = 3\nend\n", Q.getNameRef(),
				QuartzIssueCodes.FIELD_ASSIGN_THROUGH_IMMUTABLE, 6, 3);
	}

	@Test
	void fieldAssignmentThroughAParameter() {
		diagnostics.assertError(POINT + "def f(p: P)\n  p.x = 3\nend\n", Q.getNameRef(),
				QuartzIssueCodes.FIELD_ASSIGN_THROUGH_IMMUTABLE, 5, 3);
	}

	@Test
	void fieldAssignmentThroughAVar() {
		assertNoIssues(diagnostics.of(POINT + "def main()\n  var p = P { x: 1 }\n  p.x = 3\nend\n"));
	}

	@Test
	void indexAssignmentThroughAnImmutableBinding() {
		diagnostics.assertError("def main()\n  v = [1]\n  v[0] = 9\nend\n", Q.getNameRef(),
				QuartzIssueCodes.INDEX_ASSIGN_THROUGH_IMMUTABLE, 3, 3);
	}

	@Test
	void indexAssignmentThroughAVar() {
		assertNoIssues(diagnostics.of("def main()\n  var v = [1]\n  v[0] = 9\nend\n"));
	}

	@Test
	void nestedPlaceIsGovernedByItsRootBinding() {
		diagnostics.assertError(POINT + "def main()\n  ps = [P { x: 1 }]\n  ps[0].x = 3\nend\n", Q.getNameRef(),
				QuartzIssueCodes.FIELD_ASSIGN_THROUGH_IMMUTABLE, 6, 3);
	}

	@Test
	void assigningAnExpression() {
		diagnostics.assertError("def main()\n  (1) = 2\nend\n", Q.getAssignment(), QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET,
				2, 3);
	}

	@Test
	void assigningACall() {
		diagnostics.assertError("def f(): Int = 1\ndef main()\n  f() += 2\nend\n", Q.getAssignment(),
				QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET, 3, 3);
	}

	@Test
	void assigningAFunction() {
		diagnostics.assertError("def f(): Int = 1\ndef main()\n  f += 2\nend\n", Q.getNameRef(),
				QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET, 3, 3);
	}

	// ---- globals (top-level var of a file without top-level statements)

	@Test
	void aGlobalIsAssignedFromFunctions() {
		assertNoIssues(diagnostics.of("var n: Int = 0\ndef f()\n  n = 2\n  n += 1\nend\ndef main()\n  f()\nend\n"));
	}

	@Test
	void assigningAGlobalKeepsItsType() {
		diagnostics.assertError("var n: Int = 0\ndef f()\n  n = \"x\"\nend\n", Q.getStringLiteral(),
				QuartzIssueCodes.TYPE_MISMATCH, 3, 7);
	}

	@Test
	void aGlobalInitialiserIsTypeChecked() {
		diagnostics.assertError("var n: Int = true\ndef main()\nend\n", Q.getBoolLiteral(),
				QuartzIssueCodes.TYPE_MISMATCH, 1, 14);
	}

	@Test
	void aScriptsTopLevelVarIsNotSeenByFunctions() {
		Diagnostics.assertErrorAt(diagnostics.of("var n = 0\nputs(\"#{n}\")\ndef f(): Int = n\n"),
				QuartzIssueCodes.UNDEFINED_NAME, 3, 16);
	}

	@Test
	void aGlobalAndAFunctionOfOneNameClash() {
		diagnostics.assertError("var n: Int = 0\ndef n(): Int = 1\n", Q.getFunctionDecl(),
				QuartzIssueCodes.DUPLICATE_DECLARATION, 2, 5);
	}

	/** Only a name, a field or an element can be assigned; `(x)` is an expression. */
	@Test
	void parenthesizedTarget() {
		diagnostics.assertError("def main()\n  var x = 1\n  (x) = 2\nend\n", Q.getAssignment(),
				QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET, 3, 3);
	}

	/** `a.f` without parentheses calls the function f: a call cannot be assigned (found by the fuzzer). */
	@Test
	void methodFormCallAsTarget() {
		diagnostics.assertError("def f(x: Int): Int = x\ndef main()\n  var a = 1\n  a.f = 2\nend\n", Q.getAssignment(),
				QuartzIssueCodes.INVALID_ASSIGNMENT_TARGET, 4, 3);
	}
}
