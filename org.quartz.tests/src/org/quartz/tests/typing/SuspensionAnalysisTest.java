package org.quartz.tests.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.typing.SuspensionAnalysis;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/** Which functions and lambdas may suspend: directly, through calls, recursion and function values. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class SuspensionAnalysisTest {

	@Inject
	private Diagnostics diagnostics;

	@Inject
	private SuspensionAnalysis analysis;

	/** Function name (or `name=` for a lambda bound to name) to whether it may suspend. */
	private Map<String, Boolean> suspending(String source) {
		Module module = diagnostics.parse(source);
		Map<String, Boolean> result = new TreeMap<>();
		for (EObject element : (Iterable<EObject>) module::eAllContents) {
			if (element instanceof FunctionDecl function) {
				result.put(function.getName(), analysis.maySuspend(function));
			} else if (element instanceof LetDecl let && let.getValue() instanceof org.quartz.lang.quartz.Lambda lambda) {
				result.put(let.getName() + "=", analysis.maySuspend(lambda));
			}
		}
		return result;
	}

	@Test
	void directAndThroughCalls() {
		assertEquals(Map.of("pure", false, "waits", true, "caller", true, "sleeper", true, "main", true),
				suspending("""
						def pure(x: Int): Int = x + 1
						def waits(ch: Channel<Int>): Int = recv(ch)
						def caller(ch: Channel<Int>): Int = pure(waits(ch))
						def sleeper()
						  sched_sleep(1)
						end
						def main()
						  sleeper()
						end
						"""));
	}

	@Test
	void actorMessagesAndWaitingMethods() {
		// A send may wait (bounded mailbox). `A.new()` does not: the actor's own task evaluates the initial values.
		assertEquals(Map.of("get", false, "slow", true, "tell", true, "make_late", false, "start", true, "main",
				false), suspending("""
						actor Counter
						  var count: Int = 0
						  def get(): Int = count
						end
						actor Late
						  var first: Int = start()
						  def slow(): Int
						    sched_sleep(1)
						    first
						  end
						end
						def start(): Int = await go do -> 1 end
						def tell(c: Counter): Int
						  t = c.get()
						  0
						end
						def make_late(): Late = Late.new()
						def main()
						  puts("x")
						end
						"""));
	}

	@Test
	void mutualRecursionReachesTheSuspensionPoint() {
		assertEquals(Map.of("a", true, "b", true, "c", true, "main", false), suspending("""
				def a(n: Int): Int = if n > 0 then b(n - 1) + c() else 0 end
				def b(n: Int): Int = a(n)
				def c(): Int
				  sched_yield()
				  1
				end
				def main()
				  puts("x")
				end
				"""));
	}

	@Test
	void aLambdaSuspendsOnItsOwnAndCallsOfFunctionValuesMay() {
		assertEquals(Map.of("maker", false, "waiter=", true, "calls_value", true, "main", false), suspending("""
				def maker(ch: Channel<Int>): Fn(): Int
				  waiter = do -> recv(ch) end
				  waiter
				end
				def calls_value(f: Fn(): Int): Int = f()
				def main()
				  puts("x")
				end
				"""));
	}
}
