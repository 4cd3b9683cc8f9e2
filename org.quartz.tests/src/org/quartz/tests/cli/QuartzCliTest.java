package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.lang.quartz.Module;
import org.quartz.tests.e2e.CliRun;

/** The quartz command line: commands, options, exit codes and messages, with a stand-in back end. */
class QuartzCliTest {

	private static final String VALID_PROGRAM = "def main()\n  puts(\"hi\")\nend\n";

	@TempDir
	Path dir;

	@Test
	void withoutACommandItIsAUsageError() {
		CliRun run = quartz();
		assertEquals(2, run.exitCode());
		assertEquals("quartz: missing command: build, run, check, test or lsp (see 'quartz --help')\n", run.stderr());
	}

	@Test
	void anUnknownOptionIsAUsageErrorOnOneLine() throws Exception {
		CliRun run = quartz("build", "--frobnicate", program(VALID_PROGRAM));
		assertEquals(2, run.exitCode());
		assertOneLine(run.stderr());
		assertTrue(run.stderr().startsWith("quartz: ") && run.stderr().contains("--frobnicate"), run.stderr());
	}

	@Test
	void optimisationLevelsGoFromZeroToThree() throws Exception {
		CliRun run = quartz("build", "-O7", program(VALID_PROGRAM));
		assertEquals(2, run.exitCode());
		assertEquals("quartz: -O takes a level from 0 to 3, not 7 (see 'quartz --help')\n", run.stderr());
	}

	@Test
	void anUnknownEmitKindIsAUsageError() throws Exception {
		CliRun run = quartz("build", "--emit=asm", program(VALID_PROGRAM));
		assertEquals(2, run.exitCode());
		assertOneLine(run.stderr());
	}

	@Test
	void aMissingFileIsNamed() {
		CliRun run = quartz("check", "no-such-file.qz");
		assertEquals(1, run.exitCode());
		assertEquals("error: no-such-file.qz: no such file\n", run.stderr());
	}

	@Test
	void aFolderIsNotASourceFile() {
		CliRun run = quartz("check", dir.toString());
		assertEquals(1, run.exitCode());
		assertEquals("error: " + dir + ": is a folder, not a source file\n", run.stderr());
	}

	@Test
	void anUnusableCacheFolderIsNamed() throws Exception {
		Path notAFolder = Files.writeString(dir.resolve("file"), "");
		CliRun run = CliRun.quartz(Map.of("QUARTZ_CACHE_DIR", notAFolder.resolve("cache").toString()),
				module -> Ir.EXIT_42, "check", program(VALID_PROGRAM));
		assertEquals(1, run.exitCode(), run.describe());
		assertOneLine(run.stderr());
		assertTrue(run.stderr().startsWith("error: cannot use the cache folder " + notAFolder.resolve("cache")),
				run.stderr());
	}

	@Test
	void versionPrintsTheBundleVersion() {
		CliRun run = quartz("--version");
		assertEquals(0, run.exitCode());
		assertTrue(run.stdout().matches("quartz \\d+\\.\\d+\\.\\d+\\S*\n"), run.stdout());
	}

	@Test
	void helpListsTheCommands() {
		CliRun run = quartz("--help");
		assertEquals(0, run.exitCode());
		for (String command : new String[] { "build", "run", "check" }) {
			assertTrue(run.stdout().contains("  " + command + " "), run.stdout());
		}
	}

	@Test
	void checkIsSilentOnAValidProgram() throws Exception {
		CliRun run = quartz("check", program(VALID_PROGRAM));
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals("", run.stdout() + run.stderr());
	}

	@Test
	void anErrorShowsFileLineColumnCodeSourceAndCaret() throws Exception {
		String file = program("def main()\n  puts(greeting)\nend\n");
		CliRun run = quartz("check", file);
		assertEquals(1, run.exitCode(), run.describe());
		String[] lines = run.stderr().split("\n");
		assertTrue(lines[0].startsWith(file + ":2:8: error[QZ0101]: "), run.stderr());
		assertEquals("  puts(greeting)", lines[1]);
		assertEquals("       ^", lines[2]);
	}

	@Test
	void eachCompilationSearchesItsOwnIncludeFolders() throws Exception {
		for (String module : new String[] { "first", "second" }) {
			Path folder = Files.createDirectories(dir.resolve(module + "_modules"));
			Files.writeString(folder.resolve(module + ".qz"), "def " + module + "(): Int = 1\n");
			CliRun run = quartz("check", "-I", folder.toString(),
					program("import " + module + "\ndef main()\n  puts(\"#{" + module + "()}\")\nend\n"));
			assertEquals(0, run.exitCode(), run.describe());
		}
	}

	@Test
	void compileErrorsStopTheBuildBeforeCodeGeneration() throws Exception {
		Path executable = dir.resolve("program");
		CliRun run = CliRun.quartz(Map.of(), module -> {
			throw new AssertionError("code generation ran despite the errors");
		}, "build", program("def main()\n  puts(greeting)\nend\n"), "-o", executable.toString());
		assertEquals(1, run.exitCode(), run.describe());
		assertFalse(Files.exists(executable));
	}

	@Test
	void buildWithoutOutputPrintsTheIr() throws Exception {
		CliRun run = quartz(module -> Ir.EXIT_42, "build", program(VALID_PROGRAM));
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(Ir.EXIT_42, run.stdout());
	}

	@Test
	void emitLlvmWritesTheIrToTheOutput() throws Exception {
		Path output = dir.resolve("program.ll");
		CliRun run = quartz(module -> Ir.EXIT_42, "build", "--emit=llvm", program(VALID_PROGRAM), "-o",
				output.toString());
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(Ir.EXIT_42, Files.readString(output, StandardCharsets.UTF_8));
	}

	@Test
	void emitObjWritesAnObjectFile() throws Exception {
		Path output = dir.resolve("program.o");
		CliRun run = quartz(module -> Ir.EXIT_42, "build", "--emit=obj", "-O0", program(VALID_PROGRAM), "-o",
				output.toString());
		assertEquals(0, run.exitCode(), run.describe());
		byte[] elfMagic = { 0x7f, 'E', 'L', 'F' };
		assertEquals(Arrays.toString(elfMagic), Arrays.toString(Arrays.copyOf(Files.readAllBytes(output), 4)));
	}

	@Test
	void buildWithOutputWritesAnExecutable() throws Exception {
		Path executable = dir.resolve("program");
		CliRun run = quartz(module -> Ir.EXIT_42, "build", program(VALID_PROGRAM), "-o", executable.toString());
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(42, new ProcessBuilder(executable.toString()).start().waitFor());
	}

	@Test
	void anOutputInAMissingFolderIsAnError() throws Exception {
		CliRun run = quartz(module -> Ir.EXIT_42, "build", program(VALID_PROGRAM), "-o",
				dir.resolve("no/such/folder/program").toString());
		assertEquals(1, run.exitCode());
		assertOneLine(run.stderr());
		assertTrue(run.stderr().startsWith("error: cannot write "), run.stderr());
	}

	@Test
	void runPassesEverythingAfterTheFileToTheProgramAndExitsWithItsCode() throws Exception {
		CliRun run = quartz(module -> Ir.EXIT_WITH_ARGUMENT_COUNT, "run", "-O1", program(VALID_PROGRAM), "a", "-O0",
				"--help", "b");
		assertEquals(4, run.exitCode(), run.describe());
	}

	@Test
	void anInternalErrorIsOneLineWithExitCode3() throws Exception {
		CliRun run = quartz(module -> {
			throw new IllegalStateException("boom\nsecond line");
		}, "build", program(VALID_PROGRAM));
		assertEquals(3, run.exitCode());
		assertEquals("internal compiler error: boom (QUARTZ_DEBUG=1 shows details)\n", run.stderr());
	}

	@Test
	void quartzDebugShowsTheStackTrace() throws Exception {
		CliRun run = CliRun.quartz(Map.of("QUARTZ_DEBUG", "1"), module -> {
			throw new IllegalStateException("boom");
		}, "build", program(VALID_PROGRAM));
		assertEquals(3, run.exitCode());
		assertTrue(run.stderr().contains("\tat ") && run.stderr().endsWith("internal compiler error: boom\n"),
				run.stderr());
	}

	private String program(String source) throws Exception {
		Path file = dir.resolve("main.qz");
		Files.writeString(file, source, StandardCharsets.UTF_8);
		return file.toString();
	}

	private static CliRun quartz(String... args) {
		return CliRun.quartz(args);
	}

	private static CliRun quartz(Function<Module, String> codeGenerator, String... args) {
		return CliRun.quartz(Map.of(), codeGenerator, args);
	}

	private static void assertOneLine(String text) {
		assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "not one line: " + text);
	}
}
