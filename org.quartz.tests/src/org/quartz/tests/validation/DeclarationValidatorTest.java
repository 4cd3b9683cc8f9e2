package org.quartz.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;
import static org.quartz.tests.validation.Diagnostics.assertOnlyError;
import static org.quartz.tests.validation.Diagnostics.describe;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Type aliases and constants must be well-founded; constants are compile-time values (reference §2.3). */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class DeclarationValidatorTest {

	private static final String ALIAS_CYCLE = QuartzIssueCodes.CYCLIC_TYPE_ALIAS;
	private static final String CONSTANT_CYCLE = QuartzIssueCodes.CYCLIC_CONSTANT;
	private static final String NOT_COMPILE_TIME = QuartzIssueCodes.CONSTANT_NOT_COMPILE_TIME;
	private static final String ARITHMETIC = QuartzIssueCodes.CONSTANT_ARITHMETIC;

	@Inject
	private Diagnostics diagnostics;

	/** "line:column" of each issue with {@code code}, in order. */
	private static List<String> places(List<Issue> issues, String code) {
		return issues.stream().filter(i -> code.equals(i.getCode())).map(i -> i.getLineNumber() + ":" + i.getColumn())
				.toList();
	}

	@Test
	void aliasesReferringToEachOther() {
		List<Issue> issues = diagnostics.of("type A = B\ntype B = A\ndef main()\n  x: A = 1\nend\n");
		assertEquals(List.of("1:6", "2:6"), places(issues, ALIAS_CYCLE), describe(issues));
	}

	@Test
	void aliasOfItselfUsedNowhere() {
		assertOnlyError(diagnostics.of("type A = A\ndef main()\nend\n"), ALIAS_CYCLE, 1, 6);
	}

	@Test
	void aliasThroughATypeArgument() {
		assertOnlyError(diagnostics.of("type Tree = Vec<Tree>\n"), ALIAS_CYCLE, 1, 6);
	}

	@Test
	void aliasChainWithoutCycle() {
		assertNoIssues(diagnostics.of("type A = B\ntype B = Vec<Int>\ndef main()\n  x: A = [1]\n  puts(\"#{x.size}\")\nend\n"));
	}

	@Test
	void constantDefinedByItself() {
		assertOnlyError(diagnostics.of("const A = A + 1\n"), CONSTANT_CYCLE, 1, 7);
	}

	@Test
	void constantsInACycleEachReportIt() {
		List<Issue> issues = diagnostics.of("const A = B * 2\nconst B = C\nconst C = A\nconst D = A + 1\n");
		// D only uses the cycle: nothing of its own to report.
		assertEquals(List.of("1:7", "2:7", "3:7"), places(issues, CONSTANT_CYCLE), describe(issues));
		assertEquals(3, issues.size(), describe(issues));
	}

	@Test
	void constantMustBeKnownAtCompileTime() {
		assertOnlyError(diagnostics.of("def f(): Int = 1\nconst A = 2 + f()\n"), NOT_COMPILE_TIME, 2, 15);
		assertOnlyError(diagnostics.of("const V = [1]\n"), NOT_COMPILE_TIME, 1, 11);
	}

	@Test
	void constantArithmeticIsChecked() {
		assertOnlyError(diagnostics.of("const A = 9223372036854775807 + 1\n"), ARITHMETIC, 1, 11);
		assertOnlyError(diagnostics.of("const Z = 0\nconst A = 10 / Z\n"), ARITHMETIC, 2, 11);
		assertOnlyError(diagnostics.of("const A = -9223372036854775807 - 1\nconst B = A / -1\n"), ARITHMETIC, 2, 11);
	}

	@Test
	void constantsOfEveryKind() {
		assertNoIssues(diagnostics.of("""
				const N = 6 * 7 - 2 % 3
				const NAME = "q" + "z"
				const GREETING = "hi #{NAME} #{N} #{N > 40}"
				const BIG = N >= 42 and not (NAME == "x")
				def main()
				  puts(GREETING)
				end
				"""));
	}

	/** Each constant uses the previous one twice: linear, not exponential, to evaluate. */
	@Test
	void longChainOfConstants() {
		StringBuilder source = new StringBuilder("const C0 = 1\n");
		for (int i = 1; i <= 3000; i++) {
			source.append("const C").append(i).append(" = C").append(i - 1).append(" + C").append(i - 1)
					.append(" - C").append(i - 1).append('\n');
		}
		source.append("def main()\n  puts(\"#{C3000}\")\nend\n");
		assertNoIssues(diagnostics.of(source.toString()));
	}
}
