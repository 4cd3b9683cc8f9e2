package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.codegen.IrGenerator;

/**
 * QSpec and `quartz test`: the project's own specs (specs/ at the checkout's root) must pass,
 * and the fixtures in org.quartz.tests/qspec/ show failures, focus, compile errors and crashes.
 */
class QSpecTest {

	private static Path fixture(String name) {
		return Checkout.root().resolve("org.quartz.tests/qspec/" + name);
	}

	/** With the default number of workers, and with one (a task blocking its worker would hang there). */
	@ParameterizedTest
	@ValueSource(strings = { "", "1" })
	void theProjectsSpecsPass(String workers) {
		Path specs = Checkout.root().resolve("specs");
		Map<String, String> environment = workers.isEmpty() ? Map.of() : Map.of("QUARTZ_WORKERS", workers);
		CliRun run = CliRun.quartz(environment, module -> new IrGenerator(true).generate(module), "test", specs.toString());
		System.out.print(run.stdout());
		assertEquals(0, run.exitCode(), "quartz test specs failed:\n" + run.describe());
		assertFalse(run.stdout().contains("FAIL"), run.describe());
		Pattern summary = Pattern.compile("(?m)^" + Pattern.quote(specs.toString()) + "/\\w+_spec\\.qz: (\\d+) tests, \\1 passed");
		assertTrue(summary.matcher(run.stdout()).find(), "no passing spec summary:\n" + run.describe());
		assertTrue(run.stdout().lines().reduce((a, b) -> b).orElse("").startsWith("total: "), run.describe());
	}

	@Test
	void failuresAreReportedWithTheirSuitesAndTheRunFails() {
		String spec = fixture("failing_spec.qz").toString();
		CliRun run = CliRun.quartz("test", spec);
		assertEquals(1, run.exitCode(), run.describe());
		assertEquals(spec + ": FAIL math > when wrong > reports the first failure only: expected 3, got 2\n"
				+ spec + ": FAIL math > when wrong > quotes strings: expected \"abc\", got \"ab\"\n"
				+ spec + ": FAIL math > shows other values as they print: expected [None], got [Some(\"a\")]\n"
				+ spec + ": FAIL math > checks bools: expected true, got false\n"
				+ spec + ": 7 tests, 2 passed, 4 failed, 1 pending\n"
				+ "total: 1 spec file, 7 tests, 2 passed, 4 failed, 1 pending\n", run.stdout());
		assertEquals("", run.stderr());
	}

	@Test
	void aFocusedTestSkipsTheTestsAfterIt() {
		CliRun run = CliRun.quartz("test", fixture("focus_spec.qz").toString());
		assertEquals(0, run.exitCode(), run.describe());
		assertTrue(run.stdout().contains("focus_spec.qz: 3 tests, 2 passed, 1 pending\n"), run.describe());
	}

	@Test
	void aSpecThatDoesNotCompileOrCrashesFailsTheRun() {
		CliRun run = CliRun.quartz("test", fixture("broken_spec.qz").toString(), fixture("crash_spec.qz").toString());
		assertEquals(1, run.exitCode(), run.describe());
		assertTrue(run.stdout().contains("broken_spec.qz: did not compile\n"), run.describe());
		assertTrue(run.stderr().contains("broken_spec.qz:7:21: error[QZ0301]: expected Int, found String"),
				run.describe());
		assertTrue(run.stdout().contains("crash_spec.qz: exited with code 101 without a summary line"), run.describe());
		assertTrue(run.stderr().contains("crash_spec.qz: panic: boom"), run.describe());
		assertTrue(run.stdout().endsWith("total: 2 spec files, 0 tests, 0 passed, 2 spec files did not run to the end\n"),
				run.describe());
		assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.describe());
	}

	@Test
	void foldersAreSearchedRecursivelyForSpecsOnly(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("a/b"));
		Files.copy(fixture("focus_spec.qz"), dir.resolve("a/b/focus_spec.qz"));
		Files.writeString(dir.resolve("a/helper.qz"), "panic(\"must not run\")\n");
		CliRun run = CliRun.quartz("test", dir.toString());
		assertEquals(0, run.exitCode(), run.describe());
		assertTrue(run.stdout().startsWith(dir.resolve("a/b/focus_spec.qz") + ": 3 tests"), run.describe());
		assertTrue(run.stdout().endsWith("total: 1 spec file, 3 tests, 2 passed, 1 pending\n"), run.describe());
	}

	@Test
	void aMissingPathOrNoSpecsIsAnError(@TempDir Path dir) {
		CliRun missing = CliRun.quartz("test", dir.resolve("nope").toString());
		assertEquals(1, missing.exitCode(), missing.describe());
		assertEquals("error: " + dir.resolve("nope") + ": no such file or folder\n", missing.stderr());
		CliRun empty = CliRun.quartz("test", dir.toString());
		assertEquals(1, empty.exitCode(), empty.describe());
		assertEquals("error: no *_spec.qz files in " + dir + "\n", empty.stderr());
	}
}
