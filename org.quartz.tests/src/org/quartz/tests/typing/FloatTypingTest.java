package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.lang.issues.QuartzIssueCodes.INVALID_LITERAL;
import static org.quartz.lang.issues.QuartzIssueCodes.MIXED_INT_AND_FLOAT;
import static org.quartz.lang.issues.QuartzIssueCodes.OPERATOR_TYPE;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.lang.typing.FloatText;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** Float and the bit operators (reference §11): what type-checks, and where the errors are. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class FloatTypingTest {

	@Inject
	private Diagnostics diagnostics;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	@Test
	void floatsMixWithFloatsAndConvertExplicitly() {
		assertNoIssues(diagnostics.of("""
				const HALF: Float = 1.0 / 2.0
				def area(r: F64): Float = PI * r * r
				def main()
				  var x = 1.5
				  x += 2.0
				  n = 3
				  y = n.to_f * x - -x % 2.0 + sqrt(x) + abs(-1.0) + max(x, HALF)
				  z = do v -> v * 2.0 end
				  puts("#{y} #{z(1.0)} #{area(2.0)} #{(y / 2.0).to_i + abs(-2) + min(1, 2)} #{x < y} #{x == y}")
				  puts(to_s(HALF) + format_float(E, 3) + unwrap_or(str_to_float("1.5"), 0.0).to_s)
				end
				"""));
	}

	@Test
	void intTimesFloatIsReportedAtTheInt() {
		assertOnly("""
				def main()
				  x = 1.5
				  y = 2 * x
				  puts("#{y}")
				end
				""", MIXED_INT_AND_FLOAT, 3, 7);
	}

	@Test
	void floatPlusIntIsReportedAtTheInt() {
		assertOnly("""
				def main()
				  n = 4
				  puts("#{0.5 + n}")
				end
				""", MIXED_INT_AND_FLOAT, 3, 17);
	}

	@Test
	void comparingAnIntWithAFloat() {
		assertOnly("""
				def main()
				  puts("#{1.5 < 2}")
				end
				""", MIXED_INT_AND_FLOAT, 2, 17);
	}

	@Test
	void compoundAssignmentOfAnIntToAFloat() {
		assertOnly("""
				def main()
				  var x = 1.5
				  x += 1
				  puts("#{x}")
				end
				""", MIXED_INT_AND_FLOAT, 3, 8);
	}

	@Test
	void bitOperatorsTakeInts() {
		assertOnly("""
				def main()
				  puts("#{1.5 & 1}")
				end
				""", OPERATOR_TYPE, 2, 11);
		assertOnly("""
				def main()
				  puts("#{~2.0}")
				end
				""", OPERATOR_TYPE, 2, 12);
	}

	@Test
	void absTakesNumbers() {
		assertOnly("""
				def main()
				  puts(abs("s"))
				end
				""", OPERATOR_TYPE, 2, 8);
	}

	@Test
	void floatsAreSortedAndMapKeys() {
		assertNoIssues(diagnostics.of("""
				def main()
				  v = [2.5, 1.5]
				  vec_sort(v)
				  var m: Map<Float, Int> = map_new()
				  m[v[0]] = 1
				end
				"""));
	}

	@Test
	void aLiteralTooLargeForAFloat() {
		assertOnly("""
				def main()
				  puts("#{1e400}")
				end
				""", INVALID_LITERAL, 2, 11);
	}

	@Test
	void nestedTypeArgumentsCloseWithAShiftToken() {
		assertNoIssues(diagnostics.of("""
				def f(v: Vec<Vec<Int>>): Map<String, Vec<Vec<Int>>>
				  var m: Map<String, Vec<Vec<Int>>> = map_new()
				  m["a"] = v
				  m
				end
				def main()
				  puts("#{vec_size(f([[1]])["a"]) >> 1}")
				end
				"""));
	}

	/** Constants are folded at compile time; their text must be the runtime's (float_text.qz checks both agree). */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			1.0                      ==> 1.0
			0.1                      ==> 0.1
			100.0                    ==> 100.0
			-2.5                     ==> -2.5
			1e15                     ==> 1000000000000000.0
			9999999999999998.0       ==> 9999999999999998.0
			1e16                     ==> 1.0e+16
			1.234e20                 ==> 1.234e+20
			0.0001                   ==> 0.0001
			0.00001                  ==> 1.0e-05
			5e-324                   ==> 5.0e-324
			1.7976931348623157e308   ==> 1.7976931348623157e+308
			0.30000000000000004      ==> 0.30000000000000004
			-0.0                     ==> -0.0
			""")
	void floatText(String literal, String text) {
		assertEquals(text, FloatText.of(Double.parseDouble(literal)));
	}
}
