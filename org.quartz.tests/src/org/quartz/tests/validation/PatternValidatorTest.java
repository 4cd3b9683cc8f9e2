package org.quartz.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.tests.validation.Diagnostics.assertNoError;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;
import static org.quartz.tests.validation.Diagnostics.assertOnlyError;

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
class PatternValidatorTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;
	private static final String NON_EXHAUSTIVE = QuartzIssueCodes.NON_EXHAUSTIVE_MATCH;
	private static final String NEEDS_WILDCARD = QuartzIssueCodes.MATCH_NEEDS_WILDCARD;
	private static final String SHAPE = """
			enum Shape
			  Circle(r: Int)
			  Rect(w: Int, h: Int)
			  Empty
			end
			""";

	@Inject
	private Diagnostics diagnostics;

	@Test
	void missingVariant() {
		assertOnlyError(diagnostics.of("""
				# error: 8
				enum Color
				  Red
				  Green
				  Blue
				end
				def name(c: Color): String
				  match c
				    Red => "red"
				    Green => "green"
				  end
				end
				def main()
				  puts(name(Color::Blue))
				end
				"""), NON_EXHAUSTIVE, 8, 3);
	}

	@Test
	void missingVariantsWithPayloads() {
		diagnostics.assertError(SHAPE + """
				def area(s: Shape): Int
				  match s
				    Circle(r) => r
				  end
				end
				""", Q.getMatchExpression(), NON_EXHAUSTIVE, 7, 3);
	}

	@Test
	void partlyCoveredVariant() {
		diagnostics.assertError("""
				def f(o: Option<Int>): Int
				  match o
				    Some(1) => 1
				    None => 0
				  end
				end
				""", Q.getMatchExpression(), NON_EXHAUSTIVE, 2, 3);
	}

	@Test
	void nestedEnumPartlyCovered() {
		diagnostics.assertError(SHAPE + """
				def f(o: Option<Shape>): Int
				  match o
				    Some(Circle(r)) => r
				    Some(Empty) => 0
				    None => 0
				  end
				end
				""", Q.getMatchExpression(), NON_EXHAUSTIVE, 7, 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			def f(s: Shape): Int
			  match s
			    Circle(r) => r
			    Rect(w, h) => w * h
			    Empty => 0
			  end
			end
			""", """
			def f(s: Shape): Int
			  match s
			    Shape::Circle(r) => r
			    Rect(w, h) | Shape::Empty => 0
			  end
			end
			""", """
			def f(s: Shape): Int
			  match s
			    Circle(r) => r
			    _ => 0
			  end
			end
			""", """
			def f(s: Shape): Int
			  match s
			    Empty => 0
			    other => 1
			  end
			end
			""", """
			def f(o: Option<Bool>): Int
			  match o
			    Some(true) => 1
			    Some(false) => 2
			    None => 0
			  end
			end
			""", """
			def f(o: Option<Shape>): Int
			  match o
			    Some(Circle(_)) => 1
			    Some(Rect(_, _) | Empty) => 2
			    None => 0
			  end
			end
			""" })
	void exhaustiveMatches(String source) {
		assertNoError(diagnostics.of(SHAPE + source), NON_EXHAUSTIVE);
	}

	@Test
	void intMatchNeedsWildcard() {
		diagnostics.assertError("""
				def f(x: Int): Int
				  match x
				    1 => 1
				    -2 => 2
				  end
				end
				""", Q.getMatchExpression(), NEEDS_WILDCARD, 2, 3);
	}

	@Test
	void stringMatchNeedsWildcard() {
		diagnostics.assertError("""
				def f(s: String): Int
				  match s
				    "a" | "b" => 1
				  end
				end
				""", Q.getMatchExpression(), NEEDS_WILDCARD, 2, 3);
	}

	@Test
	void boolMatchNeedsBothValues() {
		diagnostics.assertError("""
				def f(b: Bool): Int
				  match b
				    true => 1
				  end
				end
				""", Q.getMatchExpression(), NEEDS_WILDCARD, 2, 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			def f(b: Bool): Int
			  match b
			    true => 1
			    false => 0
			  end
			end
			""", """
			def f(x: Int): Int
			  match x
			    1 => 1
			    _ => 0
			  end
			end
			""", """
			def f(s: String): Int
			  match s
			    "a" => 1
			    other => 0
			  end
			end
			""" })
	void literalMatchesWithCatchAll(String source) {
		assertNoError(diagnostics.of(source), NEEDS_WILDCARD);
	}

	@Test
	void tooManyPatternArguments() {
		diagnostics.assertError(SHAPE + """
				def f(s: Shape): Int
				  match s
				    Circle(r, q) => r
				    _ => 0
				  end
				end
				""", Q.getVariantPattern(), QuartzIssueCodes.PATTERN_ARITY, 8, 5);
	}

	@Test
	void tooFewPatternArguments() {
		diagnostics.assertError(SHAPE + """
				def f(s: Shape): Int
				  match s
				    Shape::Rect(w) => w
				    _ => 0
				  end
				end
				""", Q.getVariantPattern(), QuartzIssueCodes.PATTERN_ARITY, 8, 5);
	}

	@Test
	void bareNameOfAVariantWithFields() {
		diagnostics.assertError(SHAPE + """
				def f(s: Shape): Int
				  match s
				    Circle => 1
				    _ => 0
				  end
				end
				""", Q.getBindingPattern(), QuartzIssueCodes.PATTERN_ARITY, 8, 5);
	}

	@Test
	void alternativesMustBindTheSameNames() {
		assertOnlyError(diagnostics.of("""
				def f(o: Option<String>): Int
				  match o
				    Some(v) | None => v.size
				  end
				end
				"""), QuartzIssueCodes.OR_PATTERN_BINDINGS, 3, 15);
	}

	@Test
	void alternativesBindingTheSameNames() {
		assertNoIssues(diagnostics.of(SHAPE + """
				def side(s: Shape): Int
				  match s
				    Circle(x) | Rect(x, _) => x
				    Empty => 0
				  end
				end
				"""));
	}

	/** A constant's name compares with its value: it does not bind, so it does not cover everything. */
	@Test
	void constantInAPatternIsAValue() {
		assertOnlyError(diagnostics.of("""
				const LIMIT = 3
				def f(x: Int): String
				  match x
				    LIMIT => "limit"
				  end
				end
				"""), NEEDS_WILDCARD, 3, 3);
	}

	@Test
	void armAfterACatchAllIsUnreachable() {
		List<Issue> issues = diagnostics.of("""
				def f(x: Int): String
				  match x
				    _ => "any"
				    1 => "one"
				  end
				end
				""");
		assertWarningAt(issues, QuartzIssueCodes.UNREACHABLE_ARM, 4, 5);
	}

	@Test
	void armsCoveredByEarlierArmsAreUnreachable() {
		List<Issue> issues = diagnostics.of(SHAPE + """
				const ONE = 1
				def f(s: Shape, b: Bool, n: Int): Int
				  x = match s
				    Circle(_) => 1
				    Rect(_, _) => 2
				    Circle(1) => 3
				    Empty => 4
				    _ => 5
				  end
				  y = match b
				    true => 1
				    false => 2
				    _ => 3
				  end
				  match n
				    1 => 1
				    ONE => 2
				    2 => 3
				    _ => x + y
				  end
				end
				""");
		List<String> unreachable = issues.stream().filter(i -> QuartzIssueCodes.UNREACHABLE_ARM.equals(i.getCode()))
				.map(i -> i.getLineNumber() + ":" + i.getColumn()).toList();
		assertEquals(List.of("11:5", "13:5", "18:5", "22:5"), unreachable, Diagnostics.describe(issues));
	}

	@Test
	void reachableArmsAreNotReported() {
		assertNoIssues(diagnostics.of(SHAPE + """
				def f(s: Shape, o: Option<Int>): Int
				  x = match s
				    Circle(1) => 1
				    Circle(_) => 2
				    Rect(1, _) => 3
				    Rect(_, 1) => 4
				    Rect(_, _) => 5
				    Empty => 6
				  end
				  match o
				    Some(1) | Some(2) => x
				    Some(n) => n
				    None => 0
				  end
				end
				"""));
	}

	@Test
	void reachabilityIsNotJudgedOnTopOfAnArityError() {
		List<Issue> issues = diagnostics.of(SHAPE + """
				def f(s: Shape): Int
				  match s
				    Circle(r, q) => r
				    _ => 0
				    Empty => 1
				  end
				end
				""");
		assertNoError(issues, QuartzIssueCodes.UNREACHABLE_ARM);
		assertOnlyError(issues, QuartzIssueCodes.PATTERN_ARITY, 8, 5);
	}

	private static void assertWarningAt(List<Issue> issues, String code, int line, int column) {
		List<Issue> found = issues.stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, found.size(), Diagnostics.describe(issues));
		assertEquals(Severity.WARNING, found.get(0).getSeverity());
		assertEquals(line + ":" + column, found.get(0).getLineNumber() + ":" + found.get(0).getColumn());
	}
}
