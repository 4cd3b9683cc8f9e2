package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertNoError;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class NameValidatorTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;
	private static final String DUPLICATE = QuartzIssueCodes.DUPLICATE_DECLARATION;

	private static final String TWO_ENUMS_WITH_X_AND_Y = """
			enum A
			  X
			  Y(v: Int)
			end
			enum B
			  X
			  Y(v: Int)
			end
			""";

	@Inject
	private Diagnostics diagnostics;

	@Test
	void duplicateFunction() {
		diagnostics.assertError("""
				def f(): Int = 1
				def f(): Int = 2
				""", Q.getFunctionDecl(), DUPLICATE, 2, 5);
	}

	@Test
	void duplicateTypeAcrossKinds() {
		diagnostics.assertError("""
				struct Shape
				  x: Int
				end
				enum Shape
				  Empty
				end
				""", Q.getEnumDecl(), DUPLICATE, 4, 6);
	}

	@Test
	void duplicateField() {
		diagnostics.assertError("""
				struct P
				  x: Int
				  x: Int
				end
				""", Q.getField(), DUPLICATE, 3, 3);
	}

	@Test
	void duplicateVariant() {
		diagnostics.assertError("""
				enum E
				  A
				  A
				end
				""", Q.getVariant(), DUPLICATE, 3, 3);
	}

	@Test
	void duplicateVariantField() {
		diagnostics.assertError("""
				enum E
				  B(v: Int, v: Int)
				end
				""", Q.getVariantField(), DUPLICATE, 2, 13);
	}

	@Test
	void duplicateParameter() {
		diagnostics.assertError("def f(a: Int, a: Int): Int = a\n", Q.getParam(), DUPLICATE, 1, 15);
	}

	@Test
	void duplicateLambdaParameter() {
		diagnostics.assertError("def main()\n  g = do x, x -> x end\nend\n", Q.getLambdaParam(), DUPLICATE, 2, 13);
	}

	@Test
	void duplicateActorMember() {
		diagnostics.assertError("""
				actor C
				  var n: Int = 0
				  def n(): Int = 1
				end
				""", Q.getFunctionDecl(), DUPLICATE, 3, 7);
	}

	@Test
	void sameNameInDifferentScopesIsFine() {
		assertNoIssues(diagnostics.of("""
				struct P
				  x: Int
				end
				struct Q
				  x: Int
				end
				def f(x: Int): Int = x
				def g(x: Int): Int = x
				"""));
	}

	@Test
	void ambiguousBareVariantInExpression() {
		diagnostics.assertError("""
				enum A
				  X
				end
				enum B
				  X
				end
				def main()
				  a = X
				end
				""", Q.getNameRef(), QuartzIssueCodes.AMBIGUOUS_NAME, 8, 7);
	}

	@Test
	void ambiguousBareVariantInPattern() {
		diagnostics.assertError(TWO_ENUMS_WITH_X_AND_Y + """
				def f(a: A): Int
				  match a
				    X => 1
				    _ => 0
				  end
				end
				""", Q.getBindingPattern(), QuartzIssueCodes.AMBIGUOUS_NAME, 11, 5);
	}

	@Test
	void ambiguousBareVariantPatternWithArguments() {
		diagnostics.assertError(TWO_ENUMS_WITH_X_AND_Y + """
				def f(a: A): Int
				  match a
				    Y(v) => v
				    _ => 0
				  end
				end
				""", Q.getVariantPattern(), QuartzIssueCodes.AMBIGUOUS_NAME, 11, 5);
	}

	@Test
	void qualifiedVariantIsNotAmbiguous() {
		assertNoError(diagnostics.of("""
				enum A
				  X
				end
				enum B
				  X
				end
				def main()
				  a = A::X
				  b = match a
				    A::X => 1
				  end
				end
				"""), QuartzIssueCodes.AMBIGUOUS_NAME);
	}

	@Test
	void mainBesideTopLevelStatements() {
		diagnostics.assertError("""
				def main()
				  puts("a")
				end
				puts("b")
				puts("c")
				""", Q.getCall(), QuartzIssueCodes.MAIN_AND_TOP_LEVEL_STATEMENTS, 4, 1);
	}

	@Test
	void scriptWithoutMainIsFine() {
		assertNoIssues(diagnostics.of("""
				def sq(x: Int): Int = x * x
				puts("#{sq(3)}")
				"""));
	}

	@Test
	void typeParametersOutsideThePrelude() {
		assertNoIssues(diagnostics.of("def id<T>(x: T): T = x\nenum Maybe<T>\n  Nothing\nend\nstruct Box<T>\n  value: T\nend\n"));
	}

	@Test
	void builtinExternOutsideThePrelude() {
		diagnostics.assertError("extern \"builtin\" def foo(x: Int): Int\n", Q.getFunctionDecl(),
				QuartzIssueCodes.PRELUDE_ONLY, 1, 8);
	}

	@Test
	void builtinTypeOutsideThePrelude() {
		diagnostics.assertError("type Foo\n", Q.getTypeAlias(), QuartzIssueCodes.PRELUDE_ONLY, 1, 6);
	}

	@Test
	void unknownAbi() {
		diagnostics.assertError("extern \"D\" def bar(x: Int): Int\n", Q.getFunctionDecl(), QuartzIssueCodes.UNKNOWN_ABI,
				1, 8);
	}

	@Test
	void cExternAndAliasAreFine() {
		assertNoIssues(diagnostics.of("extern \"C\" def abs(x: Int): Int\ntype Celsius = Int\n"));
	}

	@Test
	void structNameUsedAsValue() {
		diagnostics.assertError("""
				struct Point
				  x: Int
				end
				def main()
				  p = Point
				end
				""", Q.getNameRef(), QuartzIssueCodes.NOT_A_VALUE, 5, 7);
	}

	@Test
	void actorNameAsReceiverOfNewIsAValue() {
		assertNoError(diagnostics.of("""
				actor Counter
				  var count: Int = 0
				  def get(): Int = count
				end
				def main()
				  c = Counter.new()
				end
				"""), QuartzIssueCodes.NOT_A_VALUE);
	}
}
