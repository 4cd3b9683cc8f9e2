package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs programs through memory/peak_rss.c, which reports the peak resident set size the kernel
 * counted for the process (wait4's ru_maxrss): Java itself cannot get it for a child.
 */
final class PeakRss {

	/** A run and its peak RSS in KB. */
	record Measured(NativeRun run, long peakKb) {
	}

	private final Path helper;
	private final Path work;

	/** Compiles the helper with cc into {@code work}, where the runs also keep their output. */
	PeakRss(Path work) throws IOException, InterruptedException {
		this.work = work;
		helper = work.resolve("peak_rss");
		NativeRun compile = NativeRun.run(List.of("cc", "-std=c11", "-O2", "-o", helper.toString(),
				Checkout.memoryPrograms().resolve("peak_rss.c").toString()), Map.of(), Duration.ofSeconds(60), work);
		assertEquals(0, compile.exitCode(), "compiling the peak RSS helper failed:\n" + compile.describe());
	}

	Measured run(Path executable, List<String> args, Duration timeout) throws IOException, InterruptedException {
		Path report = Files.createTempFile(work, "peak", ".kb");
		List<String> command = new ArrayList<>(List.of(helper.toString(), report.toString(), executable.toString()));
		command.addAll(args);
		NativeRun run = NativeRun.run(command, Map.of(), timeout, work);
		String peak = Files.readString(report, StandardCharsets.UTF_8).strip();
		assertFalse(peak.isEmpty(), "the peak RSS helper reported nothing:\n" + run.describe());
		return new Measured(run, Long.parseLong(peak));
	}
}
