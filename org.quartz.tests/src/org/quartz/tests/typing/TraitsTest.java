package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quartz.lang.issues.QuartzIssueCodes.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * Traits, impls and bounds (reference §13): the types of trait method calls, `Self`, bounds
 * met through other bounds and by impls in other modules; what a bound allows a body to do;
 * and each diagnostic of traits with its code and position.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class TraitsTest {

	private static final String SHAPES = """
			trait Shape
			  def area(self): Int
			  def name(self): String
			end
			struct Circle
			  r: Int
			end
			impl Shape for Circle
			  def area(self): Int = 3 * self.r * self.r
			  def name(self): String = "circle"
			end
			""";

	@Inject
	private Diagnostics diagnostics;

	@Inject
	private Injector injector;

	@TempDir
	Path dir;

	private void assertOnly(String source, String code, int line, int column) {
		Diagnostics.assertOnlyError(diagnostics.of(source), code, line, column);
	}

	private void assertNoIssues(String source) {
		Diagnostics.assertNoIssues(diagnostics.of(source));
	}

	// ---------------------------------------------------------------- types

	@Test
	void traitMethodCallsHaveTheTraitsResultTypes() {
		String program = SHAPES + """
				def describe<T: Shape>(s: T): String
				  a = s.area
				  n = s.name
				  "#{n} #{a}"
				end
				def main()
				  c = Circle { r: 1 }
				  ca = c.area
				  cn = c.name()
				  d = describe(c)
				  order = 3.cmp(5)
				  same = "a".eq("b")
				  h = 2.5.hash
				  puts("#{ca} #{cn} #{d} #{order} #{same} #{h}")
				end
				""";
		assertEquals("Int", diagnostics.bindingType(program, "a"));
		assertEquals("String", diagnostics.bindingType(program, "n"));
		assertEquals("Int", diagnostics.bindingType(program, "ca"));
		assertEquals("String", diagnostics.bindingType(program, "cn"));
		assertEquals("String", diagnostics.bindingType(program, "d"));
		assertEquals("Int", diagnostics.bindingType(program, "order"));
		assertEquals("Bool", diagnostics.bindingType(program, "same"));
		assertEquals("Int", diagnostics.bindingType(program, "h"));
	}

	@Test
	void selfIsTheImplementingType() {
		String program = """
				trait Combine
				  def combine(self, other: Self): Self
				end
				struct Point
				  x: Int
				end
				impl Combine for Point
				  def combine(self, other: Point): Point = Point { x: self.x + other.x }
				end
				def merge<T: Combine>(a: T, b: T): T
				  m = a.combine(b)
				  m
				end
				def main()
				  p = Point { x: 1 }.combine(Point { x: 2 })
				  q = merge(p, p)
				  puts("#{q.x}")
				end
				""";
		assertEquals("T", diagnostics.bindingType(program, "m"));
		assertEquals("Point", diagnostics.bindingType(program, "p"));
		assertEquals("Point", diagnostics.bindingType(program, "q"));
	}

	@Test
	void aBoundMetThroughABound() {
		String program = """
				def largest<T: Ord>(v: Vec<T>): T = v[0]
				def first_largest<T: Ord>(v: Vec<T>): T = largest(v)
				def main()
				  x = first_largest([1, 2])
				  s = first_largest(["a"])
				  puts("#{x} #{s}")
				end
				""";
		assertEquals("Int", diagnostics.bindingType(program, "x"));
		assertEquals("String", diagnostics.bindingType(program, "s"));
	}

	@Test
	void aBoundThatDoesNotMeetAnother() {
		assertOnly("""
				def largest<T: Ord>(v: Vec<T>): T = v[0]
				def f<T: Eq>(v: Vec<T>): T = largest(v)
				""", MISSING_IMPL, 2, 30);
	}

	@Test
	void multipleBounds() {
		String program = """
				def count<T: Eq + Show>(v: Vec<T>, x: T): String
				  var n = 0
				  for e in v
				    if e == x
				      n += 1
				    end
				  end
				  "#{x}: #{n}"
				end
				def main()
				  c = count(["a", "b", "a"], "a")
				  puts(c)
				end
				""";
		assertEquals("String", diagnostics.bindingType(program, "c"));
	}

	@Test
	void anImplForABuiltInTypeInTheTraitsModule() {
		String program = SHAPES + """
				impl Shape for Int
				  def area(self): Int = self
				  def name(self): String = "int"
				end
				def total<T: Shape>(v: Vec<T>): Int
				  var sum = 0
				  for s in v
				    sum += s.area
				  end
				  sum
				end
				def main()
				  n = 4.name
				  t = total([1, 2])
				  puts("#{n} #{t} #{total([Circle { r: 1 }])}")
				end
				""";
		assertEquals("String", diagnostics.bindingType(program, "n"));
		assertEquals("Int", diagnostics.bindingType(program, "t"));
	}

	@Test
	void anImplInAnImportedModule() throws IOException {
		write("shapes.qz", "trait Shape\n  def area(self): Int\nend\n");
		write("square.qz", """
				import shapes
				struct Square
				  side: Int
				end
				impl Shape for Square
				  def area(self): Int = self.side * self.side
				end
				""");
		Path main = write("main.qz", """
				import shapes
				import square
				def total<T: Shape>(v: Vec<T>): Int
				  var sum = 0
				  for s in v
				    sum += s.area
				  end
				  sum
				end
				def main()
				  a = Square { side: 2 }.area
				  t = total([Square { side: 1 }])
				  puts("#{a} #{t}")
				end
				""");
		Resource resource = load(main);
		Diagnostics.assertNoIssues(validate(resource));
		assertEquals("Int", diagnostics.bindingType(resource.getContents().get(0), "a"));
		assertEquals("Int", diagnostics.bindingType(resource.getContents().get(0), "t"));
	}

	// ---------------------------------------------------------------- what a bound allows

	@Test
	void orderingNeedsOrd() {
		assertOnly("def less<T: Eq>(a: T, b: T): Bool = a < b\n", OPERATOR_TYPE, 1, 37);
		assertNoIssues("def less<T: Ord>(a: T, b: T): Bool = a < b\n");
	}

	@Test
	void equalityNeedsEq() {
		assertOnly("def same<T: Ord>(a: T, b: T): Bool = a == b\n", OPERATOR_TYPE, 1, 38);
		assertNoIssues("def same<T: Eq>(a: T, b: T): Bool = a != b\n");
	}

	@Test
	void interpolationNeedsShow() {
		assertOnly("def show<T: Ord>(x: T): String = \"<#{x}>\"\n", TYPE_MISMATCH, 1, 38);
		assertNoIssues("def show<T: Show>(x: T): String = \"<#{x}>\" + x.to_s\n");
	}

	@Test
	void aBoundsMethodsOnly() {
		assertOnly("def f<T: Eq>(a: T, b: T): Int = a.cmp(b)\n", UNKNOWN_MEMBER, 1, 35);
	}

	// ---------------------------------------------------------------- diagnostics

	@Test
	void typeArgumentWithoutAnImplOfTheBound() {
		assertOnly("""
				struct Point
				  x: Int
				end
				def largest<T: Ord>(v: Vec<T>): T = v[0]
				def main()
				  p = largest([Point { x: 1 }])
				end
				""", MISSING_IMPL, 6, 7);
	}

	@Test
	void implWithoutOneOfTheTraitsMethods() {
		assertOnly("""
				trait Shape
				  def area(self): Int
				  def name(self): String
				end
				struct Circle
				  r: Int
				end
				impl Shape for Circle
				  def area(self): Int = self.r
				end
				""", MISSING_TRAIT_METHOD, 8, 6);
	}

	@Test
	void implMethodWithAnotherResultType() {
		assertOnly(SHAPES.replace("def name(self): String = \"circle\"", "def name(self): Int = 1"),
				IMPL_SIGNATURE_MISMATCH, 10, 7);
	}

	@Test
	void implMethodWhoseSelfParameterIsNotTheImplementingType() {
		assertOnly("""
				trait Combine
				  def combine(self, other: Self): Self
				end
				struct Circle
				  r: Int
				end
				impl Combine for Circle
				  def combine(self, other: Int): Circle = self
				end
				""", IMPL_SIGNATURE_MISMATCH, 8, 7);
	}

	@Test
	void implMethodTheTraitDoesNotDeclare() {
		assertOnly(SHAPES.replace("  def name(self): String = \"circle\"\n",
				"  def name(self): String = \"circle\"\n  def perimeter(self): Int = 6 * self.r\n"),
				NOT_A_TRAIT_METHOD, 11, 7);
	}

	@Test
	void secondImplOfATraitForAType() {
		assertOnly(SHAPES + """
				impl Shape for Circle
				  def area(self): Int = 1
				  def name(self): String = "again"
				end
				""", CONFLICTING_IMPL, 12, 6);
	}

	@Test
	void implOutsideTheModulesOfItsTraitAndType() throws IOException {
		write("shapes.qz", "trait Shape\n  def area(self): Int\nend\n");
		write("circle.qz", "struct Circle\n  r: Int\nend\n");
		Path main = write("main.qz", """
				import shapes
				import circle
				impl Shape for Circle
				  def area(self): Int = self.r
				end
				""");
		Diagnostics.assertOnlyError(validate(load(main)), CONFLICTING_IMPL, 3, 6);
	}

	@Test
	void traitMethodWithoutSelf() {
		assertOnly("trait Shape\n  def area(shape: Int): Int\nend\n", INVALID_TRAIT_DECLARATION, 2, 7);
	}

	@Test
	void parameterWithoutAType() {
		assertOnly("def scale(x: Int, factor): Int = x\n", INVALID_TRAIT_DECLARATION, 1, 19);
	}

	@Test
	void boundOnAStructsTypeParameter() {
		assertOnly("struct Box<T: Ord>\n  value: T\nend\n", INVALID_TRAIT_DECLARATION, 1, 15);
	}

	@Test
	void typeParametersOnAnImplMethod() {
		assertOnly("""
				trait Shape
				  def area(self): Int
				end
				struct Circle
				  r: Int
				end
				impl Shape for Circle
				  def area<U>(self): Int = self.r
				end
				""", INVALID_TRAIT_DECLARATION, 8, 12);
	}

	@Test
	void implForAGenericType() {
		assertOnly("""
				trait Shape
				  def area(self): Int
				end
				struct Box<T>
				  value: T
				end
				impl Shape for Box<Int>
				  def area(self): Int = 1
				end
				""", INVALID_TRAIT_DECLARATION, 7, 16);
	}

	// ---------------------------------------------------------------- files

	private Path write(String relative, String text) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	/** A file in a fresh resource set, its imports resolved from its folder as the compiler does. */
	private Resource load(Path file) {
		XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
		return resources.getResource(URI.createFileURI(file.toString()), true);
	}

	private List<Issue> validate(Resource resource) {
		return injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}
}
