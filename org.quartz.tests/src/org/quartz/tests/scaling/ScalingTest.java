package org.quartz.tests.scaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.cli.BuildCache;
import org.quartz.cli.FrontEnd;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.ModuleSearchPath;
import org.quartz.lang.typing.TypeChecker;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/**
 * Checking time grows linearly with the program (bench/scaling has the timings). Type inference
 * is guarded by counting its steps; name resolution and syntax-error reporting, which have no
 * such counter, by the growth of the in-process check time for ten times the input, against
 * a bound far above linear (10x) and far below quadratic (100x).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ScalingTest {

	private static final int SMALL = 600;
	private static final int LARGE = 10 * SMALL;
	/** Linear growth measures about 10x; quadratic about 100x. */
	private static final double MAX_GROWTH = 35;

	@Inject
	private Diagnostics diagnostics;

	@Inject
	private TypeChecker types;

	@TempDir
	Path work;

	@Test
	void aMethodChainIsTypedOnceEachCall() {
		// Typing each receiver twice made "a".to_s.to_s... take 2^n steps.
		int short12 = inferenceSteps(chain(12));
		int long24 = inferenceSteps(chain(24));
		assertTrue(long24 - short12 <= 3 * 12, "steps for 12 more calls: " + short12 + " then " + long24);
	}

	@Test
	void manyBindingsInOneBlockCheckInLinearTime() throws IOException {
		assertLinear(n -> "def main()\n  x0 = 1\n"
				+ IntStream.range(1, n).mapToObj(i -> "  x" + i + " = x" + (i - 1) + " + 1\n").collect(Collectors.joining())
				+ "  puts(\"#{x" + (n - 1) + "}\")\nend\n");
	}

	@Test
	void manySyntaxErrorsCheckInLinearTime() throws IOException {
		assertLinear(n -> IntStream.range(0, n).mapToObj(i -> "v" + i + " = * " + i + "\n").collect(Collectors.joining()));
	}

	@Test
	void manySyntaxErrorsInOneChunkCheckInLinearTime() throws IOException {
		// Indented lines continue one chunk: each error used to scan back to its start.
		assertLinear(n -> "def main()\n" + IntStream.range(0, n).mapToObj(i -> "  v" + i + " = * " + i + "\n")
				.collect(Collectors.joining()) + "end\n");
	}

	private static String chain(int calls) {
		return "def main()\n  puts(\"a\"" + ".to_s".repeat(calls) + ")\nend\n";
	}

	private int inferenceSteps(String source) {
		Module module = diagnostics.parse(source);
		Diagnostics.assertNoIssues(diagnostics.of(module));
		FunctionDecl main = (FunctionDecl) module.getElements().get(0);
		return types.typing(main).inferenceSteps();
	}

	/** Checks programs of SMALL and LARGE size in-process (warmed up, best of three) and compares. */
	private void assertLinear(IntFunction<String> program) throws IOException {
		ModuleSearchPath searchPath = new ModuleSearchPath(List.of(), new BuildCache(work.resolve("cache")).stdlib());
		Path small = write("small.qz", program.apply(SMALL));
		Path large = write("large.qz", program.apply(LARGE));
		for (int i = 0; i < 3; i++) {
			FrontEnd.loader().load(small, searchPath);
		}
		long smallNanos = bestOfThree(searchPath, small);
		long largeNanos = bestOfThree(searchPath, large);
		double growth = (double) largeNanos / smallNanos;
		System.out.printf("[scaling] %d -> %d: %.1f ms -> %.1f ms, %.1fx%n", SMALL, LARGE, smallNanos / 1e6,
				largeNanos / 1e6, growth);
		assertTrue(growth < MAX_GROWTH, "10x the input took " + growth + "x the time");
	}

	private Path write(String name, String source) throws IOException {
		return Files.writeString(work.resolve(name), source);
	}

	private static long bestOfThree(ModuleSearchPath searchPath, Path file) throws IOException {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			FrontEnd.loader().load(file, searchPath);
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}
}
