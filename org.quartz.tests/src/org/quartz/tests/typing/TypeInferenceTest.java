package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** Types inferred for local bindings: from initialisers, later use, and expected parameter types. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class TypeInferenceTest {

	@Inject
	private Diagnostics diagnostics;

	@Test
	void literalsAndOperators() {
		String program = """
				def main()
				  a = 1 + 2 * 3
				  b = "x" + "y"
				  c = a > 2 and not false
				  d = "#{a} #{c}"
				  e = a!=7
				  puts(d + b + "#{e}")
				end
				""";
		assertEquals("Int", diagnostics.bindingType(program, "a"));
		assertEquals("String", diagnostics.bindingType(program, "b"));
		assertEquals("Bool", diagnostics.bindingType(program, "c"));
		assertEquals("String", diagnostics.bindingType(program, "d"));
		assertEquals("Bool", diagnostics.bindingType(program, "e"));
	}

	@Test
	void emptyCollectionsTakeTheirElementTypesFromLaterUse() {
		String program = """
				def main()
				  var v = []
				  v.push("a")
				  var m = map_new()
				  m[1] = true
				  w = vec_new()
				  w.push(v)
				  puts("#{v.size} #{map_size(m)} #{w.size}")
				end
				""";
		assertEquals("Vec<String>", diagnostics.bindingType(program, "v"));
		assertEquals("Map<Int, Bool>", diagnostics.bindingType(program, "m"));
		assertEquals("Vec<Vec<String>>", diagnostics.bindingType(program, "w"));
	}

	@Test
	void lambdaParametersFromUseAndFromTheParameterTheyArePassedTo() {
		String program = """
				def apply(f: Fn(Int): Int, x: Int): Int = f(x)
				def main()
				  inc = do x -> x + 1 end
				  shout = do s -> s + "!" end
				  r = apply(do y -> y * 2 end, 3)
				  puts(shout("#{inc(r)}"))
				end
				""";
		assertEquals("Fn(Int): Int", diagnostics.bindingType(program, "inc"));
		assertEquals("Fn(String): String", diagnostics.bindingType(program, "shout"));
		assertEquals("Int", diagnostics.bindingType(program, "y"));
	}

	@Test
	void matchAndIfAreExpressionsWithTheirBranchesType() {
		String program = """
				enum Shape
				  Circle(r: Int)
				  Square(side: Int)
				end
				def main()
				  s = Circle(2)
				  area = match s
				    Circle(r) => 3 * r * r
				    Square(side) => side * side
				  end
				  label = if area > 10 then "big" else "small" end
				  o = Some(label)
				  puts(unwrap_or(o, "-"))
				end
				""";
		assertEquals("Shape", diagnostics.bindingType(program, "s"));
		assertEquals("Int", diagnostics.bindingType(program, "area"));
		assertEquals("Int", diagnostics.bindingType(program, "r"));
		assertEquals("String", diagnostics.bindingType(program, "label"));
		assertEquals("Option<String>", diagnostics.bindingType(program, "o"));
	}

	@Test
	void closuresCapturingAndReturningFunctions() {
		String program = """
				def make_counter(): Fn(): Int
				  var n = 0
				  do ->
				    n += 1
				    n
				  end
				end
				def main()
				  c = make_counter()
				  puts("#{c()}")
				end
				""";
		assertEquals("Fn(): Int", diagnostics.bindingType(program, "c"));
	}

	@Test
	void forLoopVariables() {
		String program = """
				def main()
				  var m = map_new()
				  m["k"] = 1
				  for i in 0..3
				    puts("#{i}")
				  end
				  for key in m
				    puts(key)
				  end
				  for word in str_split("a b", " ")
				    puts(word)
				  end
				end
				""";
		assertEquals("Int", diagnostics.bindingType(program, "i"));
		assertEquals("String", diagnostics.bindingType(program, "key"));
		assertEquals("String", diagnostics.bindingType(program, "word"));
	}

	@Test
	void resultUnwrapGivesThePayloadType() {
		String program = """
				def parse(s: String): Result<Int, String>
				  match str_to_int(s)
				    Some(n) => Ok(n)
				    None => Err("bad")
				  end
				end
				def twice(s: String): Result<Int, String>
				  n = parse(s)?
				  Ok(n * 2)
				end
				def main()
				  value = unwrap(twice("4"))
				  fallback = unwrap_or(parse("x"), 0)
				  puts("#{value + fallback}")
				end
				""";
		assertEquals("Int", diagnostics.bindingType(program, "n"));
		assertEquals("Int", diagnostics.bindingType(program, "value"));
		assertEquals("Int", diagnostics.bindingType(program, "fallback"));
	}
}
