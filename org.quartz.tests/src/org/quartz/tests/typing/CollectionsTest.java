package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quartz.lang.issues.QuartzIssueCodes.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.typing.TypeChecker;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/**
 * The prelude's collection functions (reference §13) as the type checker sees them: their
 * bodies, the types calls of them infer, misuse (code and position), and `?` in lambdas and go
 * blocks.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class CollectionsTest {

	@Inject
	private Diagnostics diagnostics;

	@Inject
	private TypeChecker types;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	/** The prelude is not validated when a program is compiled, so its bodies are checked here. */
	@Test
	void thePreludesBodiesTypeCheck() {
		Module module = diagnostics.parse("puts(\"\")\n");
		Resource prelude = module.eResource().getResourceSet().getResource(Prelude.uri(), true);
		List<String> bodies = new ArrayList<>();
		for (EObject element : ((Module) prelude.getContents().get(0)).getElements()) {
			if (element instanceof FunctionDecl function && !function.isExtern()) {
				bodies.add(function.getName());
				assertEquals(List.of(), types.typing(function).issues(), function.getName());
			}
		}
		assertTrue(bodies.containsAll(List.of("vec_each", "vec_map", "vec_zip", "map_each", "range_map")), bodies::toString);
	}

	@Test
	void callsInferTheirTypes() {
		String program = """
				def main()
				  var m: Map<String, Int> = map_new()
				  m["a"] = 1
				  v = [1, 2, 3]
				  labels = v.map do x -> "#{x}" end
				  evens = v.filter do x -> x % 2 == 0 end
				  total = v.reduce(0.5) do acc, x -> acc + x.to_f end
				  floats = [1.5].sum
				  first = v.find do x -> x > 1 end
				  zipped = v.zip(labels)
				  sizes = m.map_keys do k -> k.size end
				  names = m.map_values do n -> "#{n}" end
				  keys = map_keys(m)
				  values = m.values
				  r = 1..=3
				  squares = r.map do i -> i * i end
				  t = go do -> Some(str_to_int("1")? + 1) end
				  puts("#{labels.size} #{evens.size} #{total} #{floats} #{first.unwrap} #{zipped[0].second}")
				  puts("#{sizes[1]} #{names["a"]} #{keys[0]} #{values[0]} #{squares.sum} #{(await t).unwrap}")
				end
				""";
		assertEquals("Vec<String>", diagnostics.bindingType(program, "labels"));
		assertEquals("Vec<Int>", diagnostics.bindingType(program, "evens"));
		assertEquals("Float", diagnostics.bindingType(program, "total"));
		assertEquals("Float", diagnostics.bindingType(program, "floats"));
		assertEquals("Option<Int>", diagnostics.bindingType(program, "first"));
		assertEquals("Vec<Pair<Int, String>>", diagnostics.bindingType(program, "zipped"));
		assertEquals("Map<Int, Int>", diagnostics.bindingType(program, "sizes"));
		assertEquals("Map<String, String>", diagnostics.bindingType(program, "names"));
		assertEquals("Vec<String>", diagnostics.bindingType(program, "keys"));
		assertEquals("Vec<Int>", diagnostics.bindingType(program, "values"));
		assertEquals("Range", diagnostics.bindingType(program, "r"));
		assertEquals("Vec<Int>", diagnostics.bindingType(program, "squares"));
		assertEquals("Task<Option<Int>>", diagnostics.bindingType(program, "t"));
	}

	/** A user's own Pair hides the prelude's, whose fields zip still gives. */
	@Test
	void aUsersPairHidesThePreludes() {
		String program = """
				struct Pair
				  left: Int
				  right: Int
				end
				def main()
				  p = Pair { left: 1, right: 2 }
				  z = [1].zip(["a"])
				  puts("#{p.left} #{z[0].first} #{z[0].second}")
				end
				""";
		assertEquals("Pair", diagnostics.bindingType(program, "p"));
		assertEquals("Vec<Pair<Int, String>>", diagnostics.bindingType(program, "z"));
	}

	// ---------------------------------------------------------------- misuse

	@Test
	void aClosureWithTooManyParameters() {
		assertOnly("""
				def main()
				  [1, 2].each do a, b -> puts("#{a}") end
				end
				""", TYPE_MISMATCH, 2, 15);
	}

	@Test
	void aRangeClosureWithTooManyParameters() {
		assertOnly("""
				def main()
				  v = (0..3).map do a, b -> a end
				  puts("#{v.size}")
				end
				""", TYPE_MISMATCH, 2, 18);
	}

	@Test
	void aFilterClosureThatIsNotAPredicate() {
		assertOnly("""
				def main()
				  v = [1, 2].filter do x -> x + 1 end
				  puts("#{v.size}")
				end
				""", TYPE_MISMATCH, 2, 29);
	}

	@Test
	void aClosureParameterUsedAsAnotherType() {
		assertOnly("""
				def main()
				  v = [1, 2].map do x -> x.size end
				  puts("#{v.size}")
				end
				""", UNKNOWN_MEMBER, 2, 28);
	}

	@Test
	void aReduceWhoseInitialValueIsNotTheClosuresResult() {
		assertOnly("""
				def main()
				  s = [1, 2].reduce("") do acc, x -> x end
				  puts(s)
				end
				""", TYPE_MISMATCH, 2, 38);
	}

	@Test
	void sumOfStrings() {
		assertOnly("""
				def main()
				  s = ["a"].sum
				  puts(s)
				end
				""", OPERATOR_TYPE, 2, 7);
	}

	@Test
	void sumOfATypeParameter() {
		assertOnly("""
				def total<T>(v: Vec<T>): T = v.sum
				""", OPERATOR_TYPE, 1, 30);
	}

	@Test
	void mapKeysToAStructWithoutHash() {
		assertOnly("""
				struct P
				  x: Int
				end
				def main()
				  m: Map<Int, Int> = map_new()
				  k = m.map_keys do key -> P { x: key } end
				  puts("#{k.size}")
				end
				""", TYPE_MISMATCH, 6, 7);
	}

	@Test
	void mapKeysToATypeParameter() {
		assertOnly("""
				def rekey<K>(m: Map<Int, Int>, f: Fn(Int): K): Map<K, Int> = m.map_keys(f)
				""", TYPE_MISMATCH, 1, 62);
	}

	// ---------------------------------------------------------------- `?` in lambdas and go blocks

	@Test
	void questionMarkInALambdaThatMustReturnAnInt() {
		assertOnly("""
				def apply(f: Fn(String): Int): Int = f("1")
				def main()
				  puts("#{apply(do s -> str_to_int(s)? end)}")
				end
				""", TRY_OUTSIDE_OPTION_OR_RESULT, 3, 25);
	}

	@Test
	void questionMarkInAnAnnotatedLambda() {
		assertOnly("""
				def main()
				  f: Fn(String): Int = do s -> str_to_int(s)? + 1 end
				  puts("#{f("1")}")
				end
				""", TRY_OUTSIDE_OPTION_OR_RESULT, 2, 32);
	}

	@Test
	void questionMarkInAMapClosureWhoseValueIsNoOption() {
		assertOnly("""
				def main()
				  v = ["1"].map do s -> str_to_int(s)? end
				  puts("#{v.size}")
				end
				""", TRY_OUTSIDE_OPTION_OR_RESULT, 2, 25);
	}

	@Test
	void questionMarkInAGoBlockWhoseValueIsNoResult() {
		assertOnly("""
				def main()
				  t = go do ->
				    text = file_read("f")?
				    text.size
				  end
				  puts("#{(await t).is_ok?}")
				end
				""", TRY_OUTSIDE_OPTION_OR_RESULT, 3, 12);
	}

	@Test
	void questionMarkInALambdaThatEndsWithoutAValue() {
		assertOnly("""
				def main()
				  ["1"].each do s ->
				    n = str_to_int(s)?
				    puts("#{n}")
				  end
				end
				""", TYPE_MISMATCH, 2, 14);
	}

	@Test
	void aLambdaReturningTwoTypes() {
		assertOnly("""
				def main()
				  f = do x: Int ->
				    if x > 0
				      return 1
				    end
				    "none"
				  end
				  puts("#{f(1)}")
				end
				""", TYPE_MISMATCH, 6, 5);
	}
}
