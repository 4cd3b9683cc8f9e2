package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertNoError;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.validation.QuartzIssueCodes;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ConcurrencyValidatorTest {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Inject
	private Diagnostics diagnostics;

	@Test
	void selectWithoutArms() {
		diagnostics.assertError("""
				def main()
				  x = select
				  end
				end
				""", Q.getSelectExpression(), QuartzIssueCodes.SELECT_WITHOUT_ARMS, 2, 7);
	}

	@Test
	void selectWithTwoDefaults() {
		diagnostics.assertError("""
				def main()
				  x = select
				    default => 1
				    default => 2
				  end
				end
				""", Q.getDefaultArm(), QuartzIssueCodes.SELECT_DUPLICATE_DEFAULT, 4, 5);
	}

	@Test
	void selectWithOneDefaultIsFine() {
		assertNoError(diagnostics.of("""
				def main()
				  x = select
				    default => 1
				  end
				end
				"""), QuartzIssueCodes.SELECT_DUPLICATE_DEFAULT);
	}

	@Test
	void tasksAreCheckedButNotCompiledYet() {
		diagnostics.assertError("""
				def work(): Int = 1
				def main()
				  t = go work()
				  puts("started")
				end
				""", Q.getGoExpression(), QuartzIssueCodes.CONCURRENCY_NOT_COMPILED_YET, 3, 7);
	}
}
