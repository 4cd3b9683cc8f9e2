package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.codegen.IrGenerator;
import org.quartz.lang.quartz.Module;

/**
 * A test program and what it must do, read from its header comments (the conformance format):
 * {@code # exit: N} (default 0), {@code # error: LINE} (compilation fails with a diagnostic on
 * that line), {@code # code: QZnnnn} (that diagnostic's code), {@code # stderr: TEXT} (the
 * program's stderr contains TEXT); the exact expected stdout is in the sibling NAME.out (empty
 * when absent). Its standard input is the sibling NAME.in, fed through a pipe (/dev/null when
 * absent). It runs with TMPDIR set to an empty folder of its own, which it must leave empty.
 */
public record TestProgram(Path file, int exitCode, OptionalInt errorLine, String errorCode, String stderr,
		String stdout, Path stdin) {

	private static final Pattern HEADER = Pattern.compile("#\\s*(exit|error|code|stderr):\\s*(.*)");

	public static TestProgram read(Path file) throws IOException {
		Map<String, String> headers = new HashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.startsWith("#")) {
				break;
			}
			Matcher header = HEADER.matcher(line);
			if (header.matches()) {
				headers.put(header.group(1), header.group(2).strip());
			}
		}
		Path out = file.resolveSibling(name(file) + ".out");
		Path in = file.resolveSibling(name(file) + ".in");
		return new TestProgram(file, Integer.parseInt(headers.getOrDefault("exit", "0")),
				headers.containsKey("error") ? OptionalInt.of(Integer.parseInt(headers.get("error")))
						: OptionalInt.empty(),
				headers.get("code"), headers.get("stderr"),
				Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "", Files.exists(in) ? in : null);
	}

	/**
	 * Runs the built program: stdin from NAME.in, TMPDIR a new empty folder under {@code work}
	 * that must be empty again when it ends (it is then removed).
	 */
	public NativeRun run(Path executable, Map<String, String> environment, Duration timeout, Path work)
			throws IOException, InterruptedException {
		Path tmp = Files.createTempDirectory(work, "tmpdir");
		Map<String, String> withTmp = new HashMap<>(environment);
		withTmp.put("TMPDIR", tmp.toString());
		NativeRun run = NativeRun.run(List.of(executable.toString()), withTmp, timeout, work, stdin);
		try (Stream<Path> left = Files.list(tmp)) {
			List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
			assertEquals(List.of(), names, "files the program left behind in TMPDIR (stderr was: " + run.stderr() + ")");
		}
		Files.delete(tmp);
		return run;
	}

	/** Compiles the program with the command line into {@code executable}, its modules on the -I path. */
	public CliRun build(Path executable) {
		return build(executable, module -> new IrGenerator(true).generate(module));
	}

	/** The same with a chosen code generator (one that also records the IR, say). */
	public CliRun build(Path executable, Function<Module, String> codeGenerator) {
		return CliRun.quartz(Map.of(), codeGenerator, "build", file.toString(), "-o", executable.toString(), "-I",
				Checkout.programModules().toString());
	}

	/** Checks a run of the program: the exact stdout, the exit code and, when given, the stderr text. */
	public void assertRanAsExpected(NativeRun run) {
		assertRanAsExpected(run, "");
	}

	/** The same; {@code context} (how it was run) goes into the failure messages. */
	public void assertRanAsExpected(NativeRun run, String context) {
		assertEquals(stdout, run.stdout(), "stdout" + context + " (stderr was: " + run.stderr() + ")");
		assertEquals(exitCode, run.exitCode(), "exit code" + context + " (stderr was: " + run.stderr() + ")");
		if (stderr != null) {
			assertTrue(run.stderr().contains(stderr), "stderr" + context + " lacks '" + stderr + "': " + run.stderr());
		}
	}

	/** The file's name without .qz. */
	public String name() {
		return name(file);
	}

	private static String name(Path file) {
		return file.getFileName().toString().replaceFirst("\\.qz$", "");
	}

	@Override
	public String toString() {
		return Checkout.programs().relativize(file).toString();
	}
}
