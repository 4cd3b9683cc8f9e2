package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file operation inside a task parks the task, not its worker (reference §12). A task reads a
 * FIFO whose only writer is another task; opening a FIFO for reading blocks until a writer opens
 * it. With one worker (QUARTZ_WORKERS=1), a read that held the worker would leave the writer task
 * no thread to run on: the program would hang and the run's timeout fail the test.
 */
class BlockingIoTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path work;

	private static Path program;

	private static final String SOURCE = """
			def show(r: Result<Int, String>): String
			  match r
			    Ok(n) => "Ok(#{n})"
			    Err(e) => "Err(#{e})"
			  end
			end

			def main()
			  path = args()[0]
			  steps = atomic_new(0)
			  started: Channel<Int> = channel_new(1)
			  reader = go do
			    started.send(1)
			    match file_read(path)
			      Ok(s) => "read [#{s}] after #{atomic_load(steps)} steps of the writer"
			      Err(e) => e
			    end
			  end
			  started.recv
			  writer = go do
			    for i in 0..5
			      atomic_add(steps, 1)
			      sched_yield()
			    end
			    file_write(path, "through the fifo")
			  end
			  puts(await reader)
			  puts(show(await writer))
			  # main itself blocks (no task): a task writes meanwhile
			  late = go do
			    sched_sleep(50)
			    file_write(path, "to main")
			  end
			  puts(unwrap(file_read(path)))
			  puts(show(await late))
			end
			""";

	private static final String EXPECTED = """
			read [through the fifo] after 5 steps of the writer
			Ok(16)
			to main
			Ok(7)
			""";

	@BeforeAll
	static void build() throws IOException {
		Path file = work.resolve("fifo_between_tasks.qz");
		Files.writeString(file, SOURCE, StandardCharsets.UTF_8);
		program = work.resolve("fifo_between_tasks");
		CliRun build = CliRun.quartz("build", file.toString(), "-o", program.toString());
		assertEquals(0, build.exitCode(), build.describe());
	}

	private static NativeRun runWithFifo(Map<String, String> environment, String name) throws Exception {
		Path fifo = work.resolve(name);
		NativeRun mkfifo = NativeRun.run(List.of("mkfifo", fifo.toString()), Map.of(), TIMEOUT, work);
		assertEquals(0, mkfifo.exitCode(), mkfifo.describe());
		return NativeRun.run(List.of(program.toString(), fifo.toString()), environment, TIMEOUT, work);
	}

	@Test
	void aTaskReadingAFifoLeavesTheOnlyWorkerToItsWriter() throws Exception {
		NativeRun run = runWithFifo(Map.of("QUARTZ_WORKERS", "1"), "one_worker");
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(EXPECTED, run.stdout(), run.describe());
	}

	@Test
	void theSameWithTheDefaultWorkers() throws Exception {
		NativeRun run = runWithFifo(Map.of(), "default_workers");
		assertEquals(0, run.exitCode(), run.describe());
		assertEquals(EXPECTED, run.stdout(), run.describe());
	}
}
