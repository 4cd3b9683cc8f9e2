package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/**
 * The prelude's functions with a body are lowered only into programs that use them (called,
 * started or used as a value), as internal functions, in the order first used.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class PreludeLoweringTest {

	private static final Pattern PRELUDE_DEFINITION = Pattern.compile("(?m)^define (internal )?i64 @\"(quartz\\.prelude\\.[^\"]*)\"");

	@Inject
	private GoldenPrograms programs;

	/** The prelude functions the IR defines, in order, each with its linkage. */
	private List<String> preludeDefinitions(String source) {
		String ir = programs.compileSource("uses.qz", source);
		assertEquals(ir, programs.compileSource("uses.qz", source), "the same IR twice");
		Matcher definition = PRELUDE_DEFINITION.matcher(ir);
		List<String> found = new ArrayList<>();
		while (definition.find()) {
			found.add((definition.group(1) == null ? "" : definition.group(1)) + definition.group(2));
		}
		return found;
	}

	@Test
	void aProgramThatUsesNoneGetsNone() {
		assertEquals(List.of(), preludeDefinitions("""
				def main()
				  v = [1, 2]
				  for x in v
				    puts("#{x}")
				  end
				  puts("#{v.size} #{v.sum}")
				end
				"""));
	}

	@Test
	void onlyTheFunctionsUsedInTheOrderFirstUsed() {
		assertEquals(List.of("internal quartz.prelude.range_each", "internal quartz.prelude.vec_map"),
				preludeDefinitions("""
						def main()
						  (0..2).each do i -> puts("#{i}") end
						  v = [1, 2].map do x -> x + 1 end
						  w = v.map do x -> x * 2 end
						  puts("#{w.size}")
						end
						"""));
	}

	@Test
	void usedAsAValueOrStartedAsATask() {
		// vec_take as a value: the function, then the wrapper that calls it; vec_each has a loop, so
		// its task runs its task form.
		assertEquals(List.of("internal quartz.prelude.vec_take", "internal quartz.prelude.vec_take.fn",
				"internal quartz.prelude.vec_each", "internal quartz.prelude.vec_each.async",
				"internal quartz.prelude.vec_each.new_task", "internal quartz.prelude.vec_each.new_frame"),
				preludeDefinitions("""
						def main()
						  take = vec_take
						  t = go vec_each([1]) do x -> puts("#{x}") end
						  await t
						  puts("#{take([1, 2], 1).size}")
						end
						"""));
	}
}
