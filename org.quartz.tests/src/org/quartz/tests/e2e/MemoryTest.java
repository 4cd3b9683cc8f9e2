package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The collector frees what programs drop: each program of org.quartz.tests/memory/ (strings,
 * collections, closures, channels, select, tasks, actors, TCP) runs at two sizes 10x apart; both
 * runs must print the right checksum, and the larger one's peak RSS must stay under a fixed
 * bound and within a small margin of the smaller one's (growth with the size is a leak).
 */
class MemoryTest {

	/** Measured at 2-3 MB for every program; without a collector the large runs need 130-320 MB. */
	private static final long PEAK_RSS_LIMIT_KB = 32 * 1024;
	/** Measured at under 0.5 MB; without a collector it is 115-290 MB. */
	private static final long GROWTH_LIMIT_KB = 4 * 1024;
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	static Path work;

	private static PeakRss peakRss;

	@BeforeAll
	static void compileTheHelper() throws Exception {
		peakRss = new PeakRss(work);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(MemoryProgram.class)
	void peakRssDoesNotGrowWithTheWork(MemoryProgram program) throws Exception {
		Path executable = program.build(work);
		PeakRss.Measured small = measure(program, executable, program.smallSize);
		PeakRss.Measured large = measure(program, executable, program.largeSize);
		String numbers = program + ": peak RSS " + small.peakKb() + " KB for N=" + program.smallSize + ", "
				+ large.peakKb() + " KB for N=" + program.largeSize + " (limits: " + PEAK_RSS_LIMIT_KB
				+ " KB, growth " + GROWTH_LIMIT_KB + " KB)";
		System.out.println(numbers);
		String details = numbers + "\n--- stderr of the large run\n" + large.run().stderr();
		assertTrue(large.peakKb() <= PEAK_RSS_LIMIT_KB, "over the limit: " + details);
		assertTrue(large.peakKb() <= small.peakKb() + GROWTH_LIMIT_KB, "grows with N: " + details);
	}

	private static PeakRss.Measured measure(MemoryProgram program, Path executable, long n) throws Exception {
		PeakRss.Measured measured = peakRss.run(executable, List.of(Long.toString(n)), RUN_TIMEOUT);
		String context = program + " N=" + n + ", peak RSS " + measured.peakKb() + " KB:\n" + measured.run().describe();
		assertEquals(0, measured.run().exitCode(), "exit code of " + context);
		assertEquals(program.expectedOutput(n), measured.run().stdout(), "stdout of " + context);
		return measured;
	}
}
