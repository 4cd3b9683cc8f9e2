package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Programs run under QUARTZ_GC_STRESS=N, a full collection every N allocations of each thread, so
 * that a live object the collector cannot see is freed and reused at once: the concurrency
 * programs of programs/ must still print exactly their .out and exit as expected, and the memory
 * programs their checksums. Also checks that the setting really makes the program collect.
 */
class GcStressTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	static Path work;

	/**
	 * Programs of programs/ and N for each: 1 (every allocation) unless that takes more than a few
	 * seconds; a collection costs more the more is alive, and async_stress keeps 100,000 tasks
	 * alive at once, async_channels 10,000.
	 */
	static Stream<Arguments> concurrencyPrograms() {
		return Stream.of(arguments("async_stress", 3000), arguments("async_channels", 10),
				arguments("actor_many_senders", 2), arguments("async_regressions", 1), arguments("async_closures", 1),
				arguments("async_spill", 1), arguments("channels_sync", 1), arguments("task_groups", 1),
				arguments("mutex_atomics", 1), arguments("actor_request_reply", 1), arguments("actor_backpressure", 1),
				arguments("tcp_echo", 1), arguments("tasks_everywhere", 1), arguments("files", 1),
				arguments("stdin_task", 10), arguments("text_builder", 1));
	}

	@ParameterizedTest(name = "{0} collecting every {1} allocations")
	@MethodSource("concurrencyPrograms")
	void programRunsAsWithoutStress(String name, int allocationsPerCollection) throws Exception {
		TestProgram program = TestProgram.read(Checkout.programs().resolve(name + ".qz"));
		Path executable = work.resolve(name);
		CliRun build = program.build(executable);
		assertEquals(0, build.exitCode(), "build failed:\n" + build.describe());
		program.assertRanAsExpected(program.run(executable,
				Map.of("QUARTZ_GC_STRESS", Integer.toString(allocationsPerCollection)), RUN_TIMEOUT, work));
	}

	@ParameterizedTest(name = "{0} collecting at every allocation")
	@EnumSource(MemoryProgram.class)
	void memoryProgramGivesItsChecksum(MemoryProgram program) throws Exception {
		NativeRun run = NativeRun.run(List.of(program.build(work).toString(), Long.toString(program.stressSize)),
				Map.of("QUARTZ_GC_STRESS", "1"), RUN_TIMEOUT, work);
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(program.expectedOutput(program.stressSize), run.stdout(), run.describe());
	}

	/** Without this the tests above would also pass if the setting were ignored. */
	@Test
	void theSettingMakesTheProgramCollectThatOften() throws Exception {
		Path source = work.resolve("count_collections.qz");
		// GC_get_gc_no is the collector's own count of collections (bdwgc's API, linked in).
		Files.writeString(source, """
				extern "C" def GC_get_gc_no(): Int

				def main()
				  before = GC_get_gc_no()
				  var bytes = 0
				  for i in 0..10000
				    bytes += str_size("#{i}")
				  end
				  puts("bytes=#{bytes} collections=#{GC_get_gc_no() - before}")
				end
				""");
		Path executable = work.resolve("count_collections");
		CliRun build = CliRun.quartz("build", source.toString(), "-o", executable.toString());
		assertEquals(0, build.exitCode(), "build failed:\n" + build.describe());
		long stressed = collections(executable, Map.of("QUARTZ_GC_STRESS", "100"));
		// 10,000 strings are at least 10,000 allocations.
		assertTrue(stressed >= 100, "collections with QUARTZ_GC_STRESS=100: " + stressed);
		long unstressed = collections(executable, Map.of());
		assertTrue(unstressed < 10, "collections without QUARTZ_GC_STRESS: " + unstressed);
	}

	private static long collections(Path executable, Map<String, String> environment) throws Exception {
		NativeRun run = NativeRun.run(List.of(executable.toString()), environment, RUN_TIMEOUT, work);
		assertEquals(0, run.exitCode(), run.describe());
		assertTrue(run.stdout().startsWith("bytes=38890 collections="), run.describe());
		return Long.parseLong(run.stdout().strip().replaceFirst(".*collections=", ""));
	}
}
