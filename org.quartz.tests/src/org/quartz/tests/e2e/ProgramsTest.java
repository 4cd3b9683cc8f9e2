package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.codegen.IrGenerator;
import org.quartz.tests.codegen.TaskFormCheck;

/**
 * Every program under org.quartz.tests/programs/ (except the imported modules in modules/, which
 * are on the -I path), compiled with the command line to an executable and run twice: with the
 * default number of workers and with one (QUARTZ_WORKERS=1), where a task that blocked its
 * worker would hang the program. Its IR must have no blocking wait that a task could reach
 * ({@link TaskFormCheck}). Its stdin and TMPDIR: see {@link TestProgram#run}.
 */
class ProgramsTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path work;

	static List<TestProgram> programs() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Checkout.programs())) {
			files = walk.filter(file -> file.toString().endsWith(".qz") && !file.startsWith(Checkout.programModules()))
					.sorted().toList();
		}
		List<TestProgram> programs = new ArrayList<>();
		for (Path file : files) {
			programs.add(TestProgram.read(file));
		}
		return programs;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("programs")
	void program(TestProgram program) throws Exception {
		Path executable = work.resolve(program.toString().replace('/', '_').replaceFirst("\\.qz$", ""));
		StringBuilder ir = new StringBuilder();
		CliRun build = program.build(executable, module -> {
			String text = new IrGenerator(true).generate(module);
			ir.append(text);
			return text;
		});
		assertFalse(build.stderr().contains("\tat ") || build.stderr().contains("Exception"),
				"a stack trace on stderr:\n" + build.describe());
		if (program.errorLine().isPresent()) {
			assertCompileError(program, build);
			assertFalse(Files.exists(executable), "an executable was written despite the error");
		} else {
			assertEquals(0, build.exitCode(), "build failed:\n" + build.describe());
			assertEquals(List.of(), TaskFormCheck.blockingWaitsInTasks(ir.toString()),
					"blocking waits that a task reaches");
			for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("QUARTZ_WORKERS", "1"))) {
				program.assertRanAsExpected(program.run(executable, environment, RUN_TIMEOUT, work),
						environment.isEmpty() ? "" : " with " + environment);
			}
		}
	}

	private static void assertCompileError(TestProgram program, CliRun build) {
		assertEquals(1, build.exitCode(), "expected a compile error:\n" + build.describe());
		Pattern diagnostic = Pattern.compile("(?m)^(?:.*/)?" + Pattern.quote(program.name()) + "\\.qz:"
				+ program.errorLine().getAsInt() + ":(\\d+): error\\[(QZ\\d{4})\\]: \\S");
		Matcher found = diagnostic.matcher(build.stderr());
		assertTrue(found.find(), "no diagnostic " + program.name() + ".qz:" + program.errorLine().getAsInt()
				+ ":COL: error[QZnnnn] on stderr:\n" + build.stderr());
		if (program.errorCode() != null) {
			assertEquals(program.errorCode(), found.group(2), "diagnostic code:\n" + build.stderr());
		}
	}
}
