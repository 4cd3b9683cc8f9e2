package org.quartz.tests.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.*;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** One test per type error code: the code and where it is reported (line, column). */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class TypeErrorsTest {

	@Inject
	private Diagnostics diagnostics;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	@Test
	void argumentOfTheWrongType() {
		assertOnly("""
				def f(a: Int): Int = a + 1
				def main()
				  y = f("one")
				  puts("#{y}")
				end
				""", TYPE_MISMATCH, 3, 9);
	}

	@Test
	void annotatedBindingOfTheWrongType() {
		assertOnly("""
				def main()
				  x: String = 5
				  puts(x)
				end
				""", TYPE_MISMATCH, 2, 15);
	}

	@Test
	void ifBranchesOfDifferentTypesUsedAsAValue() {
		assertOnly("""
				def main()
				  y = if true then 1 else "b" end
				  puts("#{y}")
				end
				""", TYPE_MISMATCH, 2, 7);
	}

	@Test
	void wrongArgumentCount() {
		assertOnly("""
				def f(a: Int, b: Int): Int = a + b
				def main()
				  puts("#{f(1)}")
				end
				""", WRONG_ARGUMENT_COUNT, 3, 11);
	}

	@Test
	void callingSomethingThatIsNotAFunction() {
		assertOnly("""
				def main()
				  x = 3
				  puts("#{x(1)}")
				end
				""", NOT_CALLABLE, 3, 11);
	}

	@Test
	void memberOfAValueWhoseTypeIsUnknown() {
		assertOnly("""
				def main()
				  f = do x -> x.size end
				  puts("ok")
				end
				""", CANNOT_INFER, 2, 15);
	}

	@Test
	void arithmeticOnABool() {
		assertOnly("""
				def main()
				  x = true + 1
				  puts("#{x}")
				end
				""", OPERATOR_TYPE, 2, 7);
	}

	@Test
	void unknownMethod() {
		assertOnly("""
				def main()
				  v = [1, 2]
				  puts("#{v.frobnicate}")
				end
				""", UNKNOWN_MEMBER, 3, 13);
	}

	private static final String COUNTER = """
			actor Counter
			  var count: Int = 0
			  def increment(by: Int)
			    count = count + by
			  end
			end
			""";

	@Test
	void unknownActorMethod() {
		// Reported at the method's name.
		assertOnly(COUNTER + """
				def main()
				  c = Counter.new()
				  c.decrement(1)
				end
				""", UNKNOWN_MEMBER, 9, 5);
	}

	@Test
	void actorMessageWithTheWrongArguments() {
		assertOnly(COUNTER + """
				def main()
				  c = Counter.new()
				  c.increment("one")
				end
				""", TYPE_MISMATCH, 9, 15);
	}

	@Test
	void actorNewWithArguments() {
		assertOnly(COUNTER + """
				def main()
				  c = Counter.new(5)
				end
				""", WRONG_ARGUMENT_COUNT, 8, 7);
	}

	@Test
	void actorStopWithArguments() {
		assertOnly(COUNTER + """
				def main()
				  c = Counter.new()
				  c.stop(1)
				end
				""", WRONG_ARGUMENT_COUNT, 9, 3);
	}

	@Test
	void awaitingAnActorMessageGivesTheMethodsResult() {
		assertOnly(COUNTER + """
				def main()
				  c = Counter.new()
				  n: Int = await c.increment(1)
				end
				""", TYPE_MISMATCH, 9, 12);
	}

	@Test
	void conditionThatIsNotBool() {
		assertOnly("""
				def main()
				  if 1
				    puts("x")
				  end
				end
				""", CONDITION_NOT_BOOL, 2, 6);
	}

	@Test
	void questionMarkInAFunctionNotReturningOption() {
		assertOnly("""
				def f(): Int
				  x = str_to_int("1")?
				  x
				end
				def main()
				  puts("#{f()}")
				end
				""", TRY_OUTSIDE_OPTION_OR_RESULT, 2, 7);
	}

	@Test
	void returnValueFromAVoidFunction() {
		assertOnly("""
				def f()
				  return 3
				end
				def main()
				  f()
				end
				""", RETURN_TYPE_MISMATCH, 2, 10);
	}

	@Test
	void structLiteralMissingAField() {
		assertOnly("""
				struct Point
				  x: Int
				  y: Int
				end
				def main()
				  p = Point { x: 1 }
				  puts("#{p.x}")
				end
				""", MISSING_FIELD, 6, 7);
	}

	@Test
	void typeArgumentsOfTheWrongNumber() {
		assertOnly("""
				def f(v: Vec<Int, Int>): Int = 0
				def main()
				  puts("x")
				end
				""", WRONG_TYPE_ARGUMENTS, 1, 10);
	}

	@Test
	void iteratingOverAnInt() {
		assertOnly("""
				def main()
				  for x in 5
				    puts("#{x}")
				  end
				end
				""", NOT_ITERABLE, 2, 12);
	}

	@Test
	void bindingTheValueOfAVoidCall() {
		assertOnly("""
				def main()
				  x = puts("a")
				  puts("#{x}")
				end
				""", VOID_VALUE, 2, 7);
	}

	@Test
	void patternOfAnotherEnum() {
		assertOnly("""
				enum A
				  One
				end
				enum B
				  Two(x: Int)
				end
				def main()
				  a = A::One
				  match a
				    Two(x) => puts("two")
				    _ => puts("other")
				  end
				end
				""", PATTERN_TYPE, 10, 5);
	}

	@Test
	void sendingAValueOfTheWrongTypeOnAChannel() {
		assertOnly("""
				def main()
				  ch: Channel<Int> = channel_new(1)
				  send(ch, "two")
				end
				""", TYPE_MISMATCH, 3, 12);
		assertOnly("""
				def main()
				  ch: Channel<Int> = channel_new(1)
				  r = select
				    send(ch, true) => 0
				    default => 1
				  end
				end
				""", TYPE_MISMATCH, 4, 14);
		assertOnly("""
				def main()
				  ch: Channel<Int> = channel_new(1)
				  try_send(ch, "x")
				end
				""", TYPE_MISMATCH, 3, 16);
	}

	@Test
	void awaitingSomethingThatIsNotATask() {
		Diagnostics.assertErrorAt(diagnostics.of("""
				def main()
				  x = await 5
				  puts("#{x}")
				end
				"""), AWAIT_NON_TASK, 2, 13);
	}

	@Test
	void builtInUsedAsAValue() {
		assertOnly("""
				def main()
				  f = str_size
				  puts("#{f("abc")}")
				end
				""", NOT_A_VALUE, 2, 7);
	}

	@Test
	void mainWithParameters() {
		assertOnly("""
				def main(x: Int)
				  puts("#{x}")
				end
				""", INVALID_MAIN, 1, 5);
	}

	@Test
	void mainReturningAString() {
		assertOnly("""
				def main(): String
				  "no"
				end
				""", INVALID_MAIN, 1, 5);
	}

	@Test
	void nilWhereAVecIsExpected() {
		assertOnly("""
				def main()
				  var v = [1]
				  v = nil
				  puts("#{v.size}")
				end
				""", TYPE_MISMATCH, 3, 7);
	}

	@Test
	void lambdaWithoutAValueWhereOneIsExpected() {
		assertOnly("""
				def apply(f: Fn(Int): Int): Int = f(1)
				def main()
				  puts("#{apply(do x -> puts("#{x}") end)}")
				end
				""", TYPE_MISMATCH, 3, 17);
	}

	@Test
	void voidExpressionFunctionDropsItsValue() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def show(a: Int) = puts("#{a}")
				def ignore(a: Int) = a
				def main()
				  show(1)
				  ignore(2)
				end
				"""));
	}

	@Test
	void armsThatReturnFitAnyBranchType() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def pick(o: Option<Int>): Int
				  v = match o
				    Some(x) => x
				    None => return -1
				  end
				  v * 2
				end
				def main()
				  puts("#{pick(Some(2))}")
				end
				"""));
	}

	@Test
	void bodyEndingInIfWithoutElseIsOnlyAMissingReturn() {
		assertOnly("""
				def f(x: Int): Int
				  if x > 0
				    1
				  end
				end
				def main()
				  puts("#{f(1)}")
				end
				""", MISSING_RETURN, 1, 5);
	}

	@Test
	void interpolatingAValueWithoutText() {
		assertOnly("""
				struct P
				  x: Mutex<Int>
				end
				def main()
				  p = P { x: mutex_new(1) }
				  puts("#{p}")
				end
				""", TYPE_MISMATCH, 6, 11);
	}

	@Test
	void mapKeysMustImplementHash() {
		assertOnly("""
				struct P
				  x: Int
				end
				def main()
				  var m = map_new()
				  m[P { x: 1 }] = 1
				  puts("#{map_size(m)}")
				end
				""", TYPE_MISMATCH, 5, 11);
	}

	/** A name bound in two alternatives of `a | b` has one type. */
	@Test
	void alternativesBindingOneNameWithTwoTypes() {
		assertOnly("""
				def f(r: Result<Int, String>): Int
				  match r
				    Ok(x) | Err(x) => 1
				  end
				end
				""", TYPE_MISMATCH, 3, 17);
	}

	/** `?` in a lambda whose type nobody gave: the lambda gives an Option (or a Result) itself. */
	@Test
	void tryInALambdaOfUnknownType() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def main()
				  next = do s -> n = str_to_int(s)?
				    Some(n + 1) end
				  check: Result<Int, String> = Ok(1)
				  via = do -> v = (check)?
				    Ok(v) end
				  puts("#{unwrap_or(next("1"), 0)} #{unwrap_or(via(), 0)}")
				end
				"""));
	}

	/** A variant with fields is not a function value (it was an internal error; found by the fuzzer). */
	@Test
	void variantWithFieldsUsedAsAValue() {
		assertOnly("""
				def main()
				  f = Some
				end
				""", NOT_A_VALUE, 2, 7);
	}
}
