package org.quartz.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * The programs of org.quartz.tests/memory/: each does N units of work (its only argument) that
 * keep nothing alive, and prints a checksum, which {@link #expectedOutput} computes the same way.
 * Without a collector the large size needs hundreds of MB (tcp_server about 130 MB); the stress
 * size keeps a run under QUARTZ_GC_STRESS=1 to about a second.
 */
enum MemoryProgram {

	STRINGS("strings", 100_000, 1_000_000, 3_000, MemoryProgram::strings),
	COLLECTIONS("collections", 30_000, 300_000, 1_000, MemoryProgram::collections),
	CLOSURES("closures", 200_000, 2_000_000, 5_000, MemoryProgram::closures),
	CHANNEL_FOR("channel_for", 100_000, 1_000_000, 3_000, MemoryProgram::channelFor),
	SELECT_LOOP("select_loop", 60_000, 600_000, 2_000, MemoryProgram::selectLoop),
	SPAWN_BATCHES("spawn_batches", 30_000, 300_000, 1_000, MemoryProgram::spawnBatches),
	ACTORS("actors", 40_000, 400_000, 1_000, MemoryProgram::actors),
	TCP_SERVER("tcp_server", 400, 4_000, 20, MemoryProgram::tcpServer);

	final String name;
	final long smallSize;
	final long largeSize;
	final long stressSize;
	private final LongFunction<String> expectedOutput;

	MemoryProgram(String name, long smallSize, long largeSize, long stressSize, LongFunction<String> expectedOutput) {
		this.name = name;
		this.smallSize = smallSize;
		this.largeSize = largeSize;
		this.stressSize = stressSize;
		this.expectedOutput = expectedOutput;
	}

	/** What the program prints for size {@code n}. */
	String expectedOutput(long n) {
		return expectedOutput.apply(n);
	}

	/** Compiles the program with the command line into {@code dir}. */
	Path build(Path dir) {
		Path executable = dir.resolve(name);
		CliRun build = CliRun.quartz("build", Checkout.memoryPrograms().resolve(name + ".qz").toString(), "-o",
				executable.toString());
		assertEquals(0, build.exitCode(), "build of " + name + " failed:\n" + build.describe());
		return executable;
	}

	@Override
	public String toString() {
		return name;
	}

	private static String strings(long n) {
		long total = 0;
		long size = 0;
		for (long i = 0; i < n; i++) {
			size += 2;
			total += ("item " + i + ": " + size).length();
			if (size >= 200) {
				total += size;
				size = 0;
			}
		}
		return "total=" + (total + size) + "\n";
	}

	private static String collections(long n) {
		long checksum = 0;
		for (long i = 0; i < n; i++) {
			// "k0" sums the x of points 0, 3 and 6; three keys; the last point's y is 7.
			checksum = (checksum + 3 * (i % 100) + 3 + 7) % 1_000_000_007;
		}
		return "checksum=" + checksum + "\n";
	}

	private static String closures(long n) {
		long total = 0;
		for (long i = 0; i < n; i++) {
			// The closure sees the offset after its increment: capture is by reference.
			total += i % 100 + 2 * (i % 13 + 1) + 3 * (i % 5);
		}
		return "total=" + total + "\n";
	}

	private static String channelFor(long n) {
		long digits = 0;
		for (long i = 0; i < n; i++) {
			digits += i % 10;
		}
		return "received=" + n + " bytes=" + 100 * n + " digits=" + digits + "\n";
	}

	private static String selectLoop(long n) {
		long checksum = 0;
		for (long i = 0; i < n; i++) {
			checksum += i % 1000 + 3 * (i % 1000);
		}
		return "checksum=" + checksum + "\n";
	}

	private static String spawnBatches(long n) {
		long total = 0;
		for (long i = 0; i < n; i++) {
			total += i % 3 == 0 ? i % 7 : i % 3 == 1 ? i % 5 : i % 3;
		}
		return "tasks=" + n + " total=" + total + "\n";
	}

	private static String actors(long n) {
		long sum = 0;
		long replies = 0;
		for (long i = 0; i < n; i++) {
			sum += i % 100;
			if (i % 10 == 0) {
				replies += sum % 1000;
			}
		}
		return "count=" + n + " sum=" + sum + " replies=" + replies + "\n";
	}

	private static String tcpServer(long n) {
		// The answers 2k+1 to the requests k = 0 .. 5n-1 add up to (5n)^2.
		return "connections=" + n + " sum=" + 5 * n * 5 * n + "\n";
	}
}
