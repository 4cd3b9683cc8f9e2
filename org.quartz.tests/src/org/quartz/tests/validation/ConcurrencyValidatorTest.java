package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertNoError;

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
	void aTaskThatCanSuspendIsFine() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def work(ch: Channel<Int>): Int
				  sched_yield()
				  recv(ch) * 2
				end
				def main()
				  ch = channel_new(1)
				  t = go work(ch)
				  send(ch, 21)
				  puts("#{await t}")
				end
				"""));
	}

	@Test
	void aTaskThatCannotSuspendIsFine() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def work(x: Int): Int = x * 2
				def main()
				  ch = channel_new(1)
				  send(ch, 1)
				  t = go work(recv(ch))
				  puts("#{await t}")
				end
				"""));
	}

	@Test
	void goNeedsACallOrABlock() {
		diagnostics.assertError("""
				def main()
				  t = go 5
				end
				""", Q.getGoExpression(), QuartzIssueCodes.GO_NEEDS_CALL, 2, 7);
	}

	@Test
	void actorsCompile() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				actor Counter
				  var count: Int = 0
				  def increment(by: Int)
				    count = count + by
				  end
				  def get(): Int = count
				end
				def main()
				  c = Counter.new()
				  c.increment(2)
				  puts("#{await c.get()}")
				  c.stop()
				end
				"""));
	}

	@Test
	void goOfAnActorMessage() {
		diagnostics.assertError("""
				actor Counter
				  var count: Int = 0
				  def get(): Int = count
				end
				def main()
				  c = Counter.new()
				  t = go c.get()
				end
				""", Q.getGoExpression(), QuartzIssueCodes.GO_NEEDS_CALL, 7, 7);
	}

	@Test
	void anActorMethodNamedStop() {
		diagnostics.assertError("""
				actor Counter
				  var count: Int = 0
				  def stop()
				    count = 0
				  end
				end
				def main()
				  c = Counter.new()
				end
				""", Q.getFunctionDecl(), QuartzIssueCodes.ACTOR_RESERVED_METHOD, 3, 7);
	}
}
