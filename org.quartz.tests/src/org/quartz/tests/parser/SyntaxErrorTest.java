package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.quartz.lang.parser.NewlineFilter;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** One syntax mistake gives one diagnostic, at the mistake, in the user's terms. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class SyntaxErrorTest {

	private static final String SYNTAX = QuartzIssueCodes.SYNTAX_ERROR;

	@Inject
	private Diagnostics diagnostics;

	@Test
	void missingOperand() {
		List<Issue> issues = diagnostics.of("""
				# error: 3
				def main()
				  x = 1 +* 2
				  puts("#{x}")
				end
				""");
		assertOnlyError(issues, SYNTAX, 3, 10);
		assertFalse(issues.get(0).getMessage().contains("viable"), issues.get(0).getMessage());
	}

	@Test
	void missingEnd() {
		assertOnlyError(diagnostics.of("""
				def main()
				  if true
				    puts("a")
				  puts("b")
				end
				"""), SYNTAX, 5, 4);
	}

	@Test
	void missingEndBeforeNextDeclaration() {
		assertOnlyError(diagnostics.of("""
				def f(): Int
				  1
				def g(): Int = 2
				"""), SYNTAX, 3, 1);
	}

	@Test
	void unclosedParenthesis() {
		assertOnlyError(diagnostics.of("""
				def main()
				  puts("a"
				  puts("b")
				end
				"""), SYNTAX, 2, 11);
	}

	@Test
	void strayClosingParenthesis() {
		assertOnlyError(diagnostics.of("""
				def main()
				  puts("a"))
				  puts("b")
				end
				"""), SYNTAX, 2, 12);
	}

	@Test
	void twoExpressionsOnOneLine() {
		assertOnlyError(diagnostics.of("def main()\n  x = 1 2\nend\n"), SYNTAX, 2, 9);
	}

	@Test
	void unclosedBracket() {
		assertOnlyError(diagnostics.of("def main()\n  x = [1, 2\nend\n"), SYNTAX, 2, 12);
	}

	@Test
	void unterminatedString() {
		assertOnlyError(diagnostics.of("def main()\n  puts(\"abc)\nend\n"), SYNTAX, 2, 8);
	}

	@Test
	void unterminatedStringRunsToTheEndAndIsReportedWhereItStarts() {
		assertOnlyError(diagnostics.of("def main()\n  x = 1\nend\ndef f()\n  puts(\"abc)\nend\n\ndef g()\nend\n"), SYNTAX, 5, 8);
	}

	@Test
	void diagnosticsAfterAMultiLineStringHaveTheirLineAndColumn() {
		// Line 5 is after a literal of three lines; its error is at 5:12.
		assertOnlyError(diagnostics.of("def main()\n  s = \"one\ntwo #{1 +\n 2} three\"\n  n: Int = s\n  puts(s)\nend\n"),
				QuartzIssueCodes.TYPE_MISMATCH, 5, 12);
		assertOnlyError(diagnostics.of("def main()\n  s = \"one\n\n\"\n  puts(s) +* 1\nend\n"), SYNTAX, 5, 12);
	}

	@Test
	void aBackslashAtTheEndOfALineInAStringIsAnUnknownEscape() {
		assertOnlyError(diagnostics.of("def main()\n  puts(\"a\\\nb\")\nend\n"), QuartzIssueCodes.INVALID_LITERAL, 2, 8);
	}

	@Test
	void trailingCommaInParameters() {
		assertOnlyError(diagnostics.of("def f(a: Int, ): Int = a\n"), SYNTAX, 1, 15);
	}

	@Test
	void missingColonInField() {
		assertOnlyError(diagnostics.of("struct P\n  x Int\nend\n"), SYNTAX, 2, 5);
	}

	@Test
	void strayEnd() {
		assertOnlyError(diagnostics.of("x = 1\nend\n"), SYNTAX, 2, 1);
	}

	@Test
	void patternMissing() {
		assertOnlyError(diagnostics.of("def main()\n  match 1\n    1 => 2\n    => 3\n  end\nend\n"), SYNTAX, 4, 5);
	}

	@Test
	void strayCharacter() {
		assertOnlyError(diagnostics.of("x = 1 @ 2\n"), SYNTAX, 1, 7);
	}

	@Test
	void mistakesInTwoDeclarationsGiveTwoDiagnostics() {
		List<Issue> issues = diagnostics.of("""
				def f(): Int
				  1 +* 2
				end
				def g(): Int
				  (3
				end
				""");
		assertEquals(List.of(2, 5), issues.stream().map(Issue::getLineNumber).toList(), describe(issues));
	}

	@Test
	void syntaxErrorHidesFollowOnNameAndTypeErrors() {
		assertOnlyError(diagnostics.of("""
				def main()
				  x = (1 +
				  puts(undefined_name + "a")
				end
				"""), SYNTAX, 3, 29);
	}

	@Test
	void integerOutOfRange() {
		assertOnlyError(diagnostics.of("def main()\n  x = 99999999999999999999\nend\n"), QuartzIssueCodes.INVALID_LITERAL,
				2, 7);
	}

	@Test
	void everyInvalidLiteralIsReported() {
		List<Issue> issues = diagnostics.of("def main()\n  x = 99999999999999999999\n  y = \"a\\qb\"\nend\n");
		assertEquals(List.of(QuartzIssueCodes.INVALID_LITERAL, QuartzIssueCodes.INVALID_LITERAL),
				issues.stream().map(Issue::getCode).toList(), describe(issues));
	}

	/** `else if` nests an `if` that needs its own `end`: the error points at the `else`, not the file's end. */
	@Test
	void elseIfPointsAtTheElse() {
		assertOnlyError(diagnostics.of("""
				def main()
				  x = 1
				  if x == 1
				    puts("a")
				  else if x == 2
				    puts("b")
				  end
				end
				"""), SYNTAX, 5, 3);
	}

	@Test
	void reservedWordAsAName() {
		List<Issue> issues = diagnostics.of("def main()\n  send = 1\nend\n");
		assertOnlyError(issues, SYNTAX, 2, 8);
		assertTrue(issues.get(0).getMessage().contains("'send'"), issues.get(0).getMessage());
		assertOnlyError(diagnostics.of("def f(recv: Int): Int = 1\n"), SYNTAX, 1, 7);
	}

	@Test
	void bracketsAtTheNestingLimit() {
		int limit = NewlineFilter.MAX_NESTING;
		assertNoIssues(diagnostics.of("def main()\n  x = " + "(".repeat(limit) + "1" + ")".repeat(limit)
				+ "\n  puts(\"#{x}\")\nend\n"));
	}

	/** Far too deep (the parser would overflow its stack): one error at the first bracket past the limit. */
	@Test
	void bracketsNestedTooDeep() {
		int depth = 300_000;
		List<Issue> issues = diagnostics.of("def main()\n  x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "\nend\n");
		assertOnlyError(issues, SYNTAX, 2, 7 + NewlineFilter.MAX_NESTING);
	}

	@Test
	void blocksAtTheNestingLimit() {
		int ifs = NewlineFilter.MAX_NESTING;
		assertNoIssues(diagnostics.of("def main()\n  x = 1\n" + "  if x > 0\n".repeat(ifs) + "  puts(\"#{x}\")\n"
				+ "  end\n".repeat(ifs) + "end\n"));
	}

	/** Deep blocks resolve names through every enclosing scope; one error at the block past the limit. */
	@Test
	void blocksNestedTooDeep() {
		int depth = 20_000;
		List<Issue> issues = diagnostics.of("def main()\n  x = 1\n" + "  if x > 0\n".repeat(depth) + "  puts(\"#{x}\")\n"
				+ "  end\n".repeat(depth) + "end\n");
		assertOnlyError(issues, SYNTAX, 3 + NewlineFilter.MAX_NESTING, 3);
		assertTrue(issues.get(0).getMessage().contains("blocks nested more than"), issues.get(0).getMessage());
	}

	/** Functions without `end` (expression bodies, externs) open no block: many of them are no nesting. */
	@Test
	void manyExpressionFunctionsAreNotNested() {
		StringBuilder source = new StringBuilder();
		for (int i = 0; i < 2 * NewlineFilter.MAX_NESTING; i++) {
			source.append("def f").append(i).append("(): Int = ").append(i).append("\n");
		}
		source.append("def main()\n  if f1() > 0\n    puts(\"#{f0()}\")\n  end\nend\n");
		assertNoIssues(diagnostics.of(source.toString()));
	}

	/** Unclosed lambdas (a fuzz finding: a thousand took over ten seconds) stop at the limit too: at the `do` past it. */
	@Test
	void unclosedLambdasStopAtTheLimit() {
		List<Issue> issues = diagnostics.of("def main()\n" + "  f do ->\n".repeat(5_000) + "end\n");
		assertOnlyError(issues, SYNTAX, 2 + NewlineFilter.MAX_NESTING, 5);
	}

	/** A lone carriage return is blank; an error just before one at the end of the file is still reported (fuzz finding). */
	@Test
	void loneCarriageReturn() {
		assertNoIssues(diagnostics.of("def main()\r  puts(\"a\")\r\nend\r"));
		assertOnlyError(diagnostics.of(" go \r"), SYNTAX, 1, 4);
	}
}
