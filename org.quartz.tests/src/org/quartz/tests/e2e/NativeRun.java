package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a compiled program (or of a command wrapping one), with its exit code and output. */
public record NativeRun(int exitCode, String stdout, String stderr) {

	/**
	 * Runs {@code command} with stdin from /dev/null and stdout and stderr in files under
	 * {@code outputDir}; fails the test when it is still running after {@code timeout}. The
	 * environment is this process's without QUARTZ_GC_STRESS (a stray setting would make every
	 * run crawl), plus {@code extraEnvironment}.
	 */
	public static NativeRun run(List<String> command, Map<String, String> extraEnvironment, Duration timeout,
			Path outputDir) throws IOException, InterruptedException {
		return run(command, extraEnvironment, timeout, outputDir, null);
	}

	/**
	 * The same with stdin fed from the file {@code stdin} through a pipe, as a shell's {@code |}
	 * gives it (null: from /dev/null).
	 */
	public static NativeRun run(List<String> command, Map<String, String> extraEnvironment, Duration timeout,
			Path outputDir, Path stdin) throws IOException, InterruptedException {
		Path stdout = Files.createTempFile(outputDir, "run", ".stdout");
		Path stderr = Files.createTempFile(outputDir, "run", ".stderr");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
		if (stdin == null) {
			builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		}
		builder.environment().remove("QUARTZ_GC_STRESS");
		builder.environment().putAll(extraEnvironment);
		Process process = builder.start();
		if (stdin != null) {
			// A pipe, not a file: the program must cope with reads that return less than it asked for.
			Thread feeder = new Thread(() -> {
				try (var in = process.getOutputStream()) {
					Files.copy(stdin, in);
				} catch (IOException e) {
					// the program ended without reading everything: its output tells
				}
			}, "stdin feeder");
			feeder.setDaemon(true);
			feeder.start();
		}
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			// A wrapper's child would outlive it: kill the whole tree.
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
			fail("still running after " + timeout.toSeconds() + " s: " + String.join(" ", command) + "\n--- stderr\n"
					+ Files.readString(stderr, StandardCharsets.UTF_8));
		}
		return new NativeRun(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	/** For assertion messages. */
	public String describe() {
		return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
	}
}
