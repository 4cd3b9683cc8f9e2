package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.StringLiteral;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Expressions parse into trees that follow the precedence levels of the reference (section 4). */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ExpressionParsingTest {

	@Inject
	private Parsing parsing;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			a or b and c                     ==> (or a (and b c))
			a || b && c                      ==> (|| a (&& b c))
			a and b or c and d               ==> (or (and a b) (and c d))
			not a and b                      ==> (and (not a) b)
			not a == b                       ==> (not (== a b))
			!a                               ==> (! a)
			a == b and c != d                ==> (and (== a b) (!= c d))
			a < b == c                       ==> (== (< a b) c)
			a <= b + 1                       ==> (<= a (+ b 1))
			a..b + 1                         ==> (.. a (+ b 1))
			0..=n - 1                        ==> (..= 0 (- n 1))
			a + b * c                        ==> (+ a (* b c))
			a * b + c                        ==> (+ (* a b) c)
			a - b - c                        ==> (- (- a b) c)
			a / b % c                        ==> (% (/ a b) c)
			(a + b) * c                      ==> (* (+ a b) c)
			-a * b                           ==> (* (- a) b)
			a - -b                           ==> (- a (- b))
			-x.y                             ==> (- (. x y))
			-f(x)                            ==> (- (call f x))
			f(x).g[0]?                       ==> (? ([] (. (call f x) g) 0))
			v.push(1)                        ==> (.call v push 1)
			s.size                           ==> (. s size)
			a.b.c                            ==> (. (. a b) c)
			m[k][0]                          ==> ([] ([] m k) 0)
			parse(s)?                        ==> (? (call parse s))
			go f(1)                          ==> (go (call f 1))
			await t                          ==> (await t)
			await c.get()                    ==> (await (.call c get))
			await a + 1                      ==> (+ (await a) 1)
			-await t                         ==> (- (await t))
			go f(1) == t                     ==> (== (go (call f 1)) t)
			1 + 2 << 1                       ==> (<< (+ 1 2) 1)
			a & 1 == 0                       ==> (== (& a 1) 0)
			a | b ^ c                        ==> (^ (| a b) c)
			a | b & c                        ==> (| a (& b c))
			a & b << c                       ==> (& a (<< b c))
			a >> b >>> c                     ==> (>>> (>> a b) c)
			a < b | c                        ==> (< a (| b c))
			a..b | c                         ==> (.. a (| b c))
			~a & b                           ==> (& (~ a) b)
			-~a                              ==> (- (~ a))
			a * b >> c                       ==> (>> (* a b) c)
			""")
	void precedence(String source, String shape) {
		assertEquals(shape, parsing.shape(source));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			42                               ==> 42
			0xff                             ==> 255
			1_000_000                        ==> 1000000
			-7                               ==> (- 7)
			1.5                              ==> f1.5
			0.25                             ==> f0.25
			1e9                              ==> f1.0E9
			2.5e-3                           ==> f0.0025
			1_000.5                          ==> f1000.5
			3E+2                             ==> f300.0
			1..5                             ==> (.. 1 5)
			1.to_s                           ==> (. 1 to_s)
			1.5.to_s                         ==> (. f1.5 to_s)
			1.e5                             ==> (. 1 e5)
			0x1e5                            ==> 485
			-2.5                             ==> (- f2.5)
			true                             ==> true
			false                            ==> false
			nil                              ==> nil
			[1, 2, 3]                        ==> (vec 1 2 3)
			[]                               ==> (vec)
			Point { x: 1, y: 2 }             ==> (struct Point (x 1) (y 2))
			Shape::Empty                     ==> Shape::Empty
			Shape::Circle(3)                 ==> (call Shape::Circle 3)
			Circle(3)                        ==> (call Circle 3)
			Some(1)                          ==> (call Some 1)
			None                             ==> None
			""")
	void literals(String source, String shape) {
		assertEquals(shape, parsing.shape(source));
	}

	@Test
	void interpolationHoldsExpressionsWithQuotesAndStructLiterals() {
		assertEquals("(str \"a \" (call f \"x\") \" b \" (. (struct Point (x 1)) x) \" c\")",
				parsing.shape("\"a #{f(\"x\")} b #{Point { x: 1 }.x} c\""));
	}

	@Test
	void interpolationNests() {
		assertEquals("(str \"\" (str \"in \" 1 \"\") \"!\")", parsing.shape("\"#{\"in #{1}\"}!\""));
	}

	@Test
	void escapes() {
		StringLiteral literal = parsing.single("\"\\\"q\\\" \\\\ \\n \\t \\0 \\e \\#\"", StringLiteral.class);
		assertEquals("\"q\" \\ \n \t \0 \u001b #", literal.getValue());
	}

	@Test
	void aStringSpansLinesAndKeepsItsNewlines() {
		assertEquals("a\n  b\n", parsing.single("\"a\n  b\n\"", StringLiteral.class).getValue());
		// The source's line breaks are newlines whatever the file uses.
		assertEquals("a\nb", parsing.single("\"a\r\nb\"", StringLiteral.class).getValue());
		// Interpolations across lines: the string's pieces, and an expression broken after `#{`.
		assertEquals("(str \"x\n\" 1 \"\ny\")", parsing.shape("\"x\n#{1}\ny\""));
		assertEquals("(str \"s \" (+ 1 2) \"\")", parsing.shape("\"s #{\n  1 +\n  2\n}\""));
	}

	@Test
	void aStringsNewlinesEndNoStatement() {
		assertEquals(List.of("(let s \"a\nb\")", "(call puts s)"), parsing.shapes("s = \"a\nb\"\nputs(s)"));
		assertEquals(List.of("(let s (str \"a\n\" x \"\nb\"))", "(let y 1)"),
				parsing.shapes("s = \"a\n#{x}\nb\"\ny = 1"));
	}

	@Test
	void oneLineIfIsAnExpression() {
		assertEquals("(let y (if c (block 1) (else (block 2))))", parsing.shape("y = if c then 1 else 2 end"));
	}

	@Test
	void lambdas() {
		assertEquals("(let f (do (block 1)))", parsing.shape("f = do -> 1 end"));
		assertEquals("(let f (do (params x y) (block (+ x y))))", parsing.shape("f = do x, y -> x + y end"));
		assertEquals("(let f (do (params x:Int) (block (+ x 1))))", parsing.shape("f = do x: Int -> x + 1 end"));
		assertEquals("(let f (do (block (call work))))", parsing.shape("f = do\n  work()\nend"));
	}

	@Test
	void trailingBlocks() {
		assertEquals("(call f x (do (params y) (block (+ y 1))))", parsing.shape("f(x) do y -> y + 1 end"));
		assertEquals("(call each v (do (block (call puts \"a\"))))",
				parsing.shape("each(v) do\n  puts(\"a\")\nend"));
		assertEquals("(.call v each (do (params x) (block (call puts x))))",
				parsing.shape("v.each() do x ->\n  puts(x)\nend"));
	}

	@Test
	void commandCallWithStringAndBlock() {
		assertEquals("(command it \"adds\" (do (block (.call (call expect (+ 1 2)) to_eq 3))))",
				parsing.shape("it \"adds\" do\n  expect(1 + 2).to_eq(3)\nend"));
		assertEquals("(command it_pending \"later\")", parsing.shape("it_pending \"later\""));
	}

	@Test
	void nestedSpecBlocks() {
		assertEquals("(call describe \"arithmetic\" (do (block (command it \"adds\" (do (block (call assert true)))))))",
				parsing.shape("""
						describe("arithmetic") do ->
						  it "adds" do
						    assert(true)
						  end
						end
						"""));
	}

	@Test
	void typeArgumentsAtACallAndAStructLiteral() {
		Call call = parsing.single("first<Vec<Int>>(v)", Call.class);
		assertEquals(1, call.getTypeArguments().size());
		assertEquals("(call vec_new)", parsing.shape("vec_new<String>()"));
		StructLiteral literal = parsing.single("Pair<Int, String> { a: 1, b: \"x\" }", StructLiteral.class);
		assertEquals(2, literal.getTypeArguments().size());
		// Without a '(' or '{' after the '>', '<' and '>' stay comparisons.
		assertEquals("(> (< a b) c)", parsing.shape("a < b > c"));
		assertEquals("(< a (call f x))", parsing.shape("a < f(x)"));
	}

	@Test
	void functionValueAsArgument() {
		assertEquals("(call apply square 3)", parsing.shape("apply(square, 3)"));
	}
}
