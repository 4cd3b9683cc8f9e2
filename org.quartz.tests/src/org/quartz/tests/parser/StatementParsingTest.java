package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Statements (reference section 3), and where newlines end them (section 1). */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class StatementParsingTest {

	@Inject
	private Parsing parsing;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			x = 1                            ==> (let x 1)
			x: Int = 1                       ==> (let x:Int 1)
			var n = 0                        ==> (var n 0)
			var t: Vec<Int> = []             ==> (var t:Vec<Int> (vec))
			n = n + 1                        ==> (let n (+ n 1))
			n += 2                           ==> (+= n 2)
			n -= 2                           ==> (-= n 2)
			n *= 2                           ==> (*= n 2)
			n /= 2                           ==> (/= n 2)
			n %= 2                           ==> (%= n 2)
			p.x = 3                          ==> (= (. p x) 3)
			v[0] = 9                         ==> (= ([] v 0) 9)
			break                            ==> break
			continue                         ==> continue
			return                           ==> (return)
			return a + 1                     ==> (return (+ a 1))
			defer close(fd)                  ==> (defer (call close fd))
			m: Map<String, Vec<Int>> = map_new() ==> (let m:Map<String, Vec<Int>> (call map_new))
			""")
	void simpleStatements(String source, String shape) {
		assertEquals(shape, parsing.shape(source));
	}

	@Test
	void ifElsifElse() {
		assertEquals("(if (< a b) (block x) (elsif (== a b) (block y)) (else (block z)))", parsing.shape("""
				if a < b
				  x
				elsif a == b
				  y
				else
				  z
				end
				"""));
	}

	@Test
	void loops() {
		assertEquals("(while (< n 10) (block (+= n 1)))", parsing.shape("while n < 10\n  n += 1\nend"));
		assertEquals("(for i (.. 0 10) (block (call puts i)))", parsing.shape("for i in 0..10\n  puts(i)\nend"));
		assertEquals("(for x v (block (call puts x)))", parsing.shape("for x in v\n  puts(x)\nend"));
		assertEquals("(loop (block break))", parsing.shape("loop\n  break\nend"));
	}

	@Test
	void matchArmsWithMultiLineBodiesAndNestedMatch() {
		assertEquals("(match s"
				+ " (=> (Circle r) (block (let a (* r 2)) (+ a 1)))"
				+ " (=> (| (Shape::Rect w h) Empty) (block (match w (=> 1 (block 2)) (=> _ (block 3)))))"
				+ " (=> (Shape::Empty) (block 0))"
				+ " (=> (Some (- 1)) (block 0))"
				+ " (=> \"s\" (block 1))"
				+ " (=> true (block 1))"
				+ " (=> other (block 0)))", parsing.shape("""
						match s
						  Circle(r) =>
						    a = r * 2
						    a + 1
						  Shape::Rect(w, h) | Empty => match w
						      1 => 2
						      _ => 3
						    end
						  Shape::Empty => 0
						  Some(-1) => 0
						  "s" => 1
						  true => 1
						  other => 0
						end
						"""));
	}

	@Test
	void armBodyEndsWhereTheNextPatternArrowBegins() {
		assertEquals("(match x (=> 1 (block (call puts \"one\") (call f (vec 1 2)))) (=> _ (block 0)))", parsing.shape("""
				match x
				  1 =>
				    puts("one")
				    f([1,
				       2])
				  _ => 0
				end
				"""));
	}

	@Test
	void semicolonsSeparateStatements() {
		assertEquals(List.of("(let a 1)", "(let b 2)", "(+= a b)"), parsing.shapes("a = 1; b = 2; a += b"));
	}

	@Test
	void commentsAndBlankLines() {
		assertEquals(List.of("(let x 1)", "(let y 2)"), parsing.shapes("x = 1 # one\n\n# nothing\n\ny = 2\n"));
	}

	@Test
	void minusAtLineStartBeginsAStatement() {
		assertEquals(List.of("(let x a)", "(- b)"), parsing.shapes("x = a\n-b"));
	}

	@Test
	void parenthesisAtLineStartBeginsAStatement() {
		assertEquals(List.of("f", "x"), parsing.shapes("f\n(x)"));
	}

	@Test
	void bracketAtLineStartBeginsAStatement() {
		assertEquals(List.of("(call puts x)", "(vec 1 2)"), parsing.shapes("puts(x)\n[1, 2]"));
	}

	@Test
	void lineContinuesAfterABinaryOperator() {
		assertEquals(List.of("(let x (+ a b))"), parsing.shapes("x = a +\n  b"));
		assertEquals(List.of("(let x (and a b))"), parsing.shapes("x = a and\n  b"));
	}

	@Test
	void lineContinuesInsideBrackets() {
		assertEquals(List.of("(call foo 1 2)"), parsing.shapes("foo(1,\n2)"));
		assertEquals(List.of("(let x (vec 1 2 3))"), parsing.shapes("x = [1, 2,\n  3]"));
		assertEquals(List.of("(let p (struct Point (x 1) (y 2)))"), parsing.shapes("p = Point {\n  x: 1,\n  y: 2\n}"));
	}

	@Test
	void lineContinuesWithALeadingDotOrBooleanOperator() {
		assertEquals(List.of("(let n (. (.call v push 1) size))"), parsing.shapes("n = v\n  .push(1)\n  .size"));
		assertEquals(List.of("(let ok (or (and a b) c))"), parsing.shapes("ok = a\n  and b\n  or c"));
	}

	@Test
	void typeArgumentsAtLineEndDoNotContinueTheLine() {
		assertEquals(List.of("(let v:Vec<Int> (vec))", "(call puts \"x\")"),
				parsing.shapes("v: Vec<Int> = []\nputs(\"x\")"));
		assertEquals(List.of("(let a (> b c))"), parsing.shapes("a = b >\n  c"));
	}
}
