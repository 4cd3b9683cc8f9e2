package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When standard output reaches its reader (reference §12): line by line on a terminal (run
 * under util-linux's {@code script}, which gives the program a pseudo-terminal), only at the end
 * through a pipe, and at once after {@code flush()}. Each program writes, then sleeps two
 * seconds before it ends; what matters is whether the first output arrived well before the end.
 */
class OutputBufferingTest {

	private static final long SLEEP_MS = 2000;
	/** Output that came this much before the end was written out before the sleep. */
	private static final long EARLY_MS = 1000;

	@TempDir
	static Path work;

	/** When the first byte arrived, how long before the end, and everything read. */
	private record Timed(long earlyMs, String stdout, int exitCode) {
	}

	private static Path build(String name, String source) throws IOException {
		Path file = work.resolve(name + ".qz");
		Files.writeString(file, source, StandardCharsets.UTF_8);
		Path executable = work.resolve(name);
		CliRun build = CliRun.quartz("build", file.toString(), "-o", executable.toString());
		assertEquals(0, build.exitCode(), build.describe());
		return executable;
	}

	private static Timed run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long firstByte = -1;
		try (InputStream in = process.getInputStream()) {
			byte[] buffer = new byte[4096];
			int n;
			while ((n = in.read(buffer)) > 0) {
				if (firstByte < 0) {
					firstByte = System.nanoTime();
				}
				out.write(buffer, 0, n);
			}
		}
		long end = System.nanoTime();
		assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running: " + command);
		long early = firstByte < 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(end - firstByte);
		return new Timed(early, out.toString(StandardCharsets.UTF_8), process.exitValue());
	}

	private static final String LINE_THEN_SLEEP = """
			def main()
			  puts("line")
			  sched_sleep(%d)
			  puts("end")
			end
			""".formatted(SLEEP_MS);

	@Test
	void lineBufferedOnATerminal() throws Exception {
		Path program = build("line_on_terminal", LINE_THEN_SLEEP);
		Timed run = run(List.of("script", "-qec", program.toString(), "/dev/null"));
		assertEquals(0, run.exitCode());
		assertEquals("line\r\nend\r\n", run.stdout());
		assertTrue(run.earlyMs() >= EARLY_MS, "the line reached the terminal only " + run.earlyMs() + " ms before the end");
	}

	@Test
	void fullyBufferedThroughAPipe() throws Exception {
		Path program = build("line_on_pipe", LINE_THEN_SLEEP);
		Timed run = run(List.of(program.toString()));
		assertEquals("line\nend\n", run.stdout());
		assertTrue(run.earlyMs() < EARLY_MS, "the line went out " + run.earlyMs() + " ms before the end, unbuffered");
	}

	@Test
	void flushWritesOutAtOnce() throws Exception {
		Path program = build("flush_on_pipe", """
				def main()
				  print("partial")
				  flush()
				  sched_sleep(%d)
				  puts(" end")
				end
				""".formatted(SLEEP_MS));
		Timed run = run(List.of(program.toString()));
		assertEquals("partial end\n", run.stdout());
		assertTrue(run.earlyMs() >= EARLY_MS, "flush() did not write out at once: " + run.earlyMs() + " ms before the end");
	}
}
