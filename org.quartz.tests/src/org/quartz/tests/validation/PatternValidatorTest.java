package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertNoError;
import static org.quartz.tests.validation.Diagnostics.assertOnlyError;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.validation.QuartzIssueCodes;
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
}
