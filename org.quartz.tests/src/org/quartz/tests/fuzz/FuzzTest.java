package org.quartz.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.tests.e2e.Checkout;

/**
 * The compiler survives any input (issue 11): generated programs and mutations of the project's
 * own programs, with a fixed seed, each compiled in-process ({@link Fuzzer}); and the regression
 * corpus of inputs that once broke it. Settings (docs/fuzzing.md): {@code quartz.fuzz.count}
 * (or QUARTZ_FUZZ_COUNT), {@code quartz.fuzz.seed}, {@code quartz.fuzz.only} (one input).
 */
class FuzzTest {

	private static final long DEFAULT_SEED = 11;
	private static final int DEFAULT_COUNT = 2500;
	/** CI runs stop here even if the machine is slow; long runs (a count set by hand) do not. */
	private static final Duration CI_BUDGET = Duration.ofSeconds(60);
	private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
	/** One program in this many that compile goes through llc (about 2 s per 100 in CI). */
	private static final int LLC_EVERY = 10;

	@TempDir
	Path work;

	@Test
	void generatedAndMutatedProgramsNeverBreakTheCompiler() {
		long seed = Long.getLong("quartz.fuzz.seed", DEFAULT_SEED);
		String countSetting = System.getProperty("quartz.fuzz.count", System.getenv("QUARTZ_FUZZ_COUNT"));
		int count = countSetting == null ? DEFAULT_COUNT : Integer.parseInt(countSetting);
		Duration budget = countSetting == null ? CI_BUDGET : Duration.ofDays(7);
		Fuzzer fuzzer = new Fuzzer(work, FuzzInputs.seedPrograms(Checkout.root()), TIME_LIMIT, LLC_EVERY);
		Integer only = Integer.getInteger("quartz.fuzz.only");
		Fuzzer.Report report = only != null
				? fuzzer.runAll(Map.of("input " + only + " of seed " + seed, fuzzer.input(seed, only)))
				: fuzzer.run(seed, count, budget);
		print(report);
		assertTrue(report.failures().isEmpty(), () -> report.failures().size() + " failing inputs (saved in "
				+ work.resolve("failures") + "), the first:\n" + report.failures().get(0));
		assertTrue(only != null || report.llcChecked() > 0, "no compiled program reached llc: " + report.summary());
	}

	@Test
	void regressionCorpusCompilesOrIsRejectedCleanly() {
		Map<String, String> corpus = FuzzInputs.corpus(Checkout.root());
		assertFalse(corpus.isEmpty(), "no inputs in " + FuzzInputs.CORPUS);
		Fuzzer.Report report = new Fuzzer(work, FuzzInputs.seedPrograms(Checkout.root()), TIME_LIMIT, 1).runAll(corpus);
		print(report);
		assertTrue(report.failures().isEmpty(), () -> report.failures().stream().map(Object::toString)
				.collect(Collectors.joining("\n\n")));
	}

	/** The summary always shows, with its counts. */
	private static void print(Fuzzer.Report report) {
		System.out.println("[fuzz] " + report.summary());
		report.failures().forEach(failure -> System.out.println("[fuzz] FAILURE " + failure));
	}
}
