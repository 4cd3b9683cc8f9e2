package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.lang.issues.QuartzIssueCodes.*;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/**
 * User generics (reference §5.3): type arguments inferred at calls, struct literals and variant
 * constructors, or written out; what a body may do with a bare type parameter; and each
 * diagnostic of generic code with its code and position.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class GenericsTest {

	private static final String PAIR = """
			struct Pair<A, B>
			  first: A
			  second: B
			end
			""";

	@Inject
	private Diagnostics diagnostics;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	// ---------------------------------------------------------------- inference

	@Test
	void typeArgumentsAreInferredAtCallsLiteralsAndConstructors() {
		String program = PAIR + """
				enum Tree<T>
				  Leaf
				  Node(left: Tree<T>, value: T, right: Tree<T>)
				end
				def first<T>(v: Vec<T>): Option<T> = if v.size > 0 then Some(v[0]) else None end
				def swap<A, B>(pair: Pair<A, B>): Pair<B, A> = Pair { first: pair.second, second: pair.first }
				def main()
				  p = Pair { first: 1, second: "x" }
				  q = p.swap
				  s = q.first
				  o = first([1.5])
				  t = Node(Leaf, "v", Leaf)
				  e: Tree<Bool> = Leaf
				  puts("#{s} #{o.unwrap}")
				end
				""";
		assertEquals("Pair<Int, String>", diagnostics.bindingType(program, "p"));
		assertEquals("Pair<String, Int>", diagnostics.bindingType(program, "q"));
		assertEquals("String", diagnostics.bindingType(program, "s"));
		assertEquals("Option<Float>", diagnostics.bindingType(program, "o"));
		assertEquals("Tree<String>", diagnostics.bindingType(program, "t"));
	}

	@Test
	void typeArgumentsWrittenOut() {
		String program = PAIR + """
				type Twins<T> = Pair<T, T>
				enum Tree<T>
				  Leaf
				  Node(left: Tree<T>, value: T, right: Tree<T>)
				end
				def empty<T>(): Vec<T> = vec_new()
				def main()
				  v = empty<String>()
				  w = vec_new<Int>()
				  p = Pair<Int, Float> { first: 1, second: 2.0 }
				  t: Twins<Bool> = Pair { first: true, second: false }
				  leaf = Tree<Int>::Leaf
				  node = Tree<String>::Node(Leaf, "n", Leaf)
				  puts("#{v.size} #{w.size} #{p.first} #{t.first}")
				end
				""";
		assertEquals("Vec<String>", diagnostics.bindingType(program, "v"));
		assertEquals("Vec<Int>", diagnostics.bindingType(program, "w"));
		assertEquals("Pair<Int, Float>", diagnostics.bindingType(program, "p"));
		assertEquals("Pair<Bool, Bool>", diagnostics.bindingType(program, "t"));
		assertEquals("Tree<Int>", diagnostics.bindingType(program, "leaf"));
		assertEquals("Tree<String>", diagnostics.bindingType(program, "node"));
	}

	@Test
	void genericDeclarationsNeedNoPrelude() {
		Diagnostics.assertNoIssues(diagnostics.of(PAIR + """
				enum Maybe<T>
				  Just(T)
				  Nothing
				end
				def id<T>(x: T): T = x
				def keep<T>(x: T, into: Vec<T>, ch: Channel<T>): Maybe<T>
				  into.push(x)
				  send(ch, x)
				  y: T = id(x)
				  Just(y)
				end
				"""));
	}

	// ---------------------------------------------------------------- a bare type parameter

	@Test
	void aTypeParameterIsOnlyItself() {
		assertOnly("def f<T>(x: T): Int = x\n", TYPE_MISMATCH, 1, 23);
	}

	@Test
	void equalityOnATypeParameter() {
		assertOnly("def same<T>(a: T, b: T): Bool = a == b\n", OPERATOR_TYPE, 1, 33);
	}

	@Test
	void orderingOnATypeParameter() {
		assertOnly("def less<T>(a: T, b: T): Bool = a < b\n", OPERATOR_TYPE, 1, 33);
	}

	@Test
	void arithmeticOnATypeParameter() {
		assertOnly("def inc<T>(x: T): Int = x + 1\n", OPERATOR_TYPE, 1, 25);
	}

	@Test
	void interpolatingATypeParameter() {
		assertOnly("def show<T>(x: T): String = \"<#{x}>\"\n", TYPE_MISMATCH, 1, 33);
	}

	@Test
	void toSOfATypeParameter() {
		assertOnly("def show<T>(x: T): String = x.to_s\n", TYPE_MISMATCH, 1, 29);
	}

	@Test
	void aTypeParameterAsAMapKey() {
		assertOnly("def keyed<T>(k: T): Map<T, Int> = map_new()\n", TYPE_MISMATCH, 1, 35);
	}

	@Test
	void sortingAVecOfATypeParameter() {
		assertOnly("def sorted<T>(v: Vec<T>)\n  v.sort\nend\n", TYPE_MISMATCH, 2, 3);
	}

	// ---------------------------------------------------------------- diagnostics

	@Test
	void typeArgumentThatCannotBeInferredAtACall() {
		assertOnly("""
				def empty<T>(): Vec<T> = vec_new()
				def main()
				  v = empty()
				end
				""", CANNOT_INFER, 3, 7);
	}

	@Test
	void typeArgumentThatCannotBeInferredAtALiteral() {
		assertOnly("""
				struct Holder<T>
				  items: Vec<T>
				end
				def main()
				  h = Holder { items: [] }
				  puts("#{h.items.size}")
				end
				""", CANNOT_INFER, 5, 7);
	}

	@Test
	void typeArgumentThatCannotBeInferredAtAVariant() {
		assertOnly("""
				enum Maybe<T>
				  Just(T)
				  Nothing
				end
				def main()
				  m = Nothing
				end
				""", CANNOT_INFER, 6, 7);
	}

	@Test
	void wrongNumberOfTypeArgumentsAtACall() {
		assertOnly("""
				def first<T>(v: Vec<T>): T = v[0]
				def main()
				  puts(first<String, Int>(["a"]))
				end
				""", WRONG_TYPE_ARGUMENTS, 3, 14);
	}

	@Test
	void wrongNumberOfTypeArgumentsAtALiteral() {
		assertOnly(PAIR + """
				def main()
				  p = Pair<Int> { first: 1, second: 2 }
				  puts("#{p.first}")
				end
				""", WRONG_TYPE_ARGUMENTS, 6, 12);
	}

	@Test
	void wrongNumberOfTypeArgumentsInAType() {
		assertOnly(PAIR + "def f(p: Pair<Int>): Int = 1\n", WRONG_TYPE_ARGUMENTS, 5, 10);
	}

	@Test
	void wrongNumberOfTypeArgumentsAtAVariant() {
		assertOnly("""
				enum Maybe<T>
				  Just(T)
				  Nothing
				end
				def main()
				  m = Maybe<Int, Int>::Nothing
				end
				""", WRONG_TYPE_ARGUMENTS, 6, 13);
	}

	@Test
	void typeArgumentsOnAClosure() {
		assertOnly("""
				def main()
				  f = do x: Int -> x end
				  puts("#{f<Int>(1)}")
				end
				""", WRONG_TYPE_ARGUMENTS, 3, 13);
	}

	@Test
	void duplicateTypeParameter() {
		assertOnly("def f<T, T>(x: T): T = x\n", DUPLICATE_DECLARATION, 1, 10);
	}

	@Test
	void typeParameterWithTheNameOfAType() {
		assertOnly("struct Box<String>\n  value: String\nend\n", DUPLICATE_DECLARATION, 1, 12);
	}
}
