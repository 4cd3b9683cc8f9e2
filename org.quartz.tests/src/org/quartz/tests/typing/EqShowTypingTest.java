package org.quartz.tests.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.*;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/**
 * The automatic Eq and Show (reference §13) as type checking sees them: which values `==`,
 * interpolation, `to_s` and `vec_contains?` accept, and each refusal with its code and position.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class EqShowTypingTest {

	private static final String TYPES = """
			struct Pair<A, B>
			  first: A
			  second: B
			end
			enum Tree<T>
			  Leaf
			  Node(left: Tree<T>, value: T, right: Tree<T>)
			end
			struct Job
			  id: Int
			  done: Channel<Bool>
			end
			""";

	@Inject
	private Diagnostics diagnostics;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	@Test
	void structuralValuesCompareAndPrint() {
		Diagnostics.assertNoIssues(diagnostics.of(TYPES + """
				def main()
				  p = Pair { first: 1, second: ["a"] }
				  t = Node(Leaf, Some(2.5), Leaf)
				  var m = map_new()
				  m["k"] = [Ok(1), Err("e")]
				  puts("#{p} #{t} #{m} #{p == p} #{t != Leaf} #{[p].contains?(p)} #{[true].contains?(false)}")
				  puts(to_s(Some([1])) + m.to_s + [Leaf, t].to_s)
				  e = []
				  puts("#{e} #{[[]] == [[]]}")
				end
				"""));
	}

	@Test
	void identityTypesStillCompare() {
		Diagnostics.assertNoIssues(diagnostics.of(TYPES + """
				def same<T>(a: Vec<Channel<T>>, b: Vec<Channel<T>>): Bool = a == b
				def main()
				  j = Job { id: 1, done: channel_new(1) }
				  f = do x: Int -> x end
				  puts("#{j == j} #{[j].contains?(j)} #{[f] == [f]} #{same([j.done], [j.done])}")
				end
				"""));
	}

	@Test
	void printingAStructHoldingAChannel() {
		assertOnly(TYPES + """
				def main()
				  j = Job { id: 1, done: channel_new(1) }
				  puts("#{[j]}")
				end
				""", TYPE_MISMATCH, 15, 11);
	}

	@Test
	void printingAFunctionInsideAnOption() {
		assertOnly("""
				def main()
				  f = do x: Int -> x end
				  puts(to_s(Some(f)))
				end
				""", TYPE_MISMATCH, 3, 13);
	}

	@Test
	void comparingAVecOfATypeParameter() {
		assertOnly("def same<T>(a: Vec<T>, b: Vec<T>): Bool = a == b\n", OPERATOR_TYPE, 1, 43);
	}

	@Test
	void comparingAGenericStructOfATypeParameter() {
		assertOnly(TYPES + "def differ<T>(a: Pair<Int, T>, b: Pair<Int, T>): Bool = a != b\n", OPERATOR_TYPE, 13, 57);
	}

	@Test
	void comparingAnEnumOfATypeParameter() {
		assertOnly(TYPES + "def leaf?<T>(t: Tree<T>): Bool = t == Leaf\n", OPERATOR_TYPE, 13, 34);
	}

	@Test
	void printingAnOptionOfATypeParameter() {
		assertOnly("def show<T>(o: Option<T>): String = \"<#{o}>\"\n", TYPE_MISMATCH, 1, 41);
	}

	@Test
	void toSOfAMapOfATypeParameter() {
		assertOnly("def show<T>(m: Map<String, Vec<T>>): String = m.to_s\n", TYPE_MISMATCH, 1, 47);
	}

	@Test
	void searchingAVecOfAVecOfATypeParameter() {
		assertOnly("def has<T>(v: Vec<Vec<T>>, x: Vec<T>): Bool = v.contains?(x)\n", TYPE_MISMATCH, 1, 47);
	}

	@Test
	void searchingFloats() {
		assertOnly("""
				def main()
				  puts("#{[0.5].contains?(0.5)}")
				end
				""", TYPE_MISMATCH, 2, 11);
	}

	@Test
	void aTypeThatNestsWithoutEnd() {
		assertOnly("""
				struct Grow<T>
				  value: T
				  next: Option<Grow<Vec<T>>>
				end
				def main()
				  g = Grow { value: 1, next: None }
				  puts("#{g == g}")
				end
				""", OPERATOR_TYPE, 7, 11);
	}
}
