package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertOnlyError;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Names that do not resolve, told by the kind of position. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class LinkingDiagnosticsTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;
	private static final String UNDEFINED = QuartzIssueCodes.UNDEFINED_NAME;

	@Inject
	private Diagnostics diagnostics;

	@Test
	void undefinedName() {
		assertOnlyError(diagnostics.of("""
				# error: 3
				def main()
				  puts(greeting)
				end
				"""), UNDEFINED, 3, 8);
	}

	@Test
	void undefinedNameIsReportedOnTheReference() {
		diagnostics.assertError("def main()\n  puts(greeting)\nend\n", Q.getNameRef(), UNDEFINED, 2, 8);
	}

	@Test
	void undefinedCommandCallee() {
		diagnostics.assertError("nope \"x\" do\nend\n", Q.getCommandCall(), UNDEFINED, 1, 1);
	}

	@Test
	void unknownType() {
		diagnostics.assertError("def f(x: Foo)\nend\n", Q.getNamedTypeRef(), UNDEFINED, 1, 10);
	}

	@Test
	void functionNamedAsAType() {
		diagnostics.assertError("def add(a: Int): Int = a\ndef f(x: add)\nend\n", Q.getNamedTypeRef(),
				QuartzIssueCodes.NOT_A_TYPE, 2, 10);
	}

	@Test
	void aliasNamedAsAValue() {
		diagnostics.assertError("type Celsius = Int\ndef main()\n  c = Celsius\nend\n", Q.getNameRef(),
				QuartzIssueCodes.NOT_A_VALUE, 3, 7);
	}

	@Test
	void unknownStructField() {
		diagnostics.assertError("struct P\n  x: Int\nend\ndef main()\n  p = P { x: 1, y: 2 }\nend\n", Q.getFieldInit(),
				UNDEFINED, 5, 17);
	}

	@Test
	void unknownStruct() {
		diagnostics.assertError("def main()\n  p = Nope { x: 1 }\nend\n", Q.getStructLiteral(), UNDEFINED, 2, 7);
	}

	@Test
	void unknownVariantOfAnEnum() {
		diagnostics.assertError("enum E\n  A\nend\ndef main()\n  e = E::B\nend\n", Q.getVariantLiteral(), UNDEFINED, 5, 10);
	}

	@Test
	void unknownEnum() {
		diagnostics.assertError("def main()\n  e = Nope::B\nend\n", Q.getVariantLiteral(), UNDEFINED, 2, 7);
	}

	@Test
	void questionMarkEndsTheName() {
		diagnostics.assertError("""
				def f(o: Option<Int>): Option<Int>
				  x = o?
				  Some(x)
				end
				""", Q.getNameRef(), UNDEFINED, 2, 7);
	}
}
