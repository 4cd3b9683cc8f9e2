package org.quartz.tests.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.quartz.cli.BuildCache;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.cli.Toolchain;
import org.quartz.tests.fuzz.CompilerProbe.Outcome;

/**
 * The fuzzing loop: input {@code i} of a run with seed {@code s} is made from the seed
 * {@code s * 1_000_003 + i} alone (a generated program, or a mutation of one of the project's
 * own programs), so any input can be made again from the two numbers. Each input must compile
 * or be rejected with diagnostics that carry a file, line, column and QZ code; a sample of the
 * programs that compile must give IR that llc accepts, and the same IR when compiled twice.
 */
final class Fuzzer {

	/** One input that broke a rule. */
	record Failure(String input, String source, String problem) {

		@Override
		public String toString() {
			return input + ": " + problem + "\n--- input\n" + source + "\n--- end of input";
		}
	}

	/** What a run found. */
	record Report(int inputs, int compiled, int rejected, int llcChecked, int slow, List<Failure> failures, long millis) {

		String summary() {
			return inputs + " inputs in " + millis + " ms: " + compiled + " compiled, " + rejected
					+ " rejected with diagnostics, " + llcChecked + " IR files accepted by llc, " + slow
					+ " over the time limit but within its grace period, " + failures.size()
					+ " failures";
		}
	}

	private static final Pattern CODE = Pattern.compile("QZ\\d{4}");

	private final CompilerProbe probe;
	private final List<String> seedPrograms;
	private final Toolchain toolchain;
	private final Path work;
	private final Duration limit;
	/** Every this many compiled programs, one goes through llc. */
	private final int llcEvery;

	Fuzzer(Path work, List<String> seedPrograms, Duration limit, int llcEvery) {
		this.work = work;
		this.seedPrograms = seedPrograms;
		this.limit = limit;
		this.llcEvery = llcEvery;
		this.toolchain = new Toolchain(System.getenv("PATH"));
		try {
			this.probe = new CompilerProbe(work, new BuildCache(work.resolve("cache")).stdlib());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The source of input {@code index} of the run with {@code seed}. */
	String input(long seed, int index) {
		long inputSeed = seed * 1_000_003 + index;
		Random choice = new Random(inputSeed);
		int kind = choice.nextInt(10);
		if (kind < 4 || seedPrograms.isEmpty()) {
			return new ProgramGenerator(inputSeed).program();
		}
		String base = kind < 5 ? new ProgramGenerator(inputSeed).program()
				: seedPrograms.get(choice.nextInt(seedPrograms.size()));
		return new Mutator(inputSeed).mutate(base);
	}

	/** Runs inputs {@code 0..count-1} of {@code seed}, stopping early once {@code budget} is spent. */
	Report run(long seed, int count, Duration budget) {
		long start = System.nanoTime();
		long deadline = start + budget.toNanos();
		Counts counts = new Counts();
		int inputs = 0;
		for (int i = 0; i < count && System.nanoTime() < deadline && !probe.hung(); i++) {
			inputs++;
			check("input " + i + " of seed " + seed + " (-Dquartz.fuzz.seed=" + seed + " -Dquartz.fuzz.only=" + i + ")",
					input(seed, i), counts);
		}
		counts.slow = probe.slowInputs();
		return counts.report(inputs, (System.nanoTime() - start) / 1_000_000);
	}

	/** Checks the given inputs (the regression corpus), named. */
	Report runAll(Map<String, String> namedInputs) {
		long start = System.nanoTime();
		Counts counts = new Counts();
		namedInputs.forEach((name, source) -> check(name, source, counts));
		return counts.report(namedInputs.size(), (System.nanoTime() - start) / 1_000_000);
	}

	private void check(String name, String source, Counts counts) {
		String problem = problem(source, counts);
		if (problem == null) {
			return;
		}
		counts.failures.add(new Failure(name, source, problem));
		save(source, String.format("%03d", counts.failures.size()));
	}

	/** What is wrong with the compiler's handling of {@code source}, or null. */
	private String problem(String source, Counts counts) {
		Outcome outcome = probe.run(source, limit);
		switch (outcome.kind()) {
			case TIMEOUT:
				return "time limit: " + outcome.failure();
			case INTERNAL_ERROR:
				return "internal error: " + outcome.failure();
			case COMPILE_ERRORS:
				counts.rejected++;
				return badDiagnostic(outcome.diagnostics());
			default:
		}
		counts.compiled++;
		String bad = badDiagnostic(outcome.diagnostics());
		if (bad != null) {
			return bad;
		}
		if (counts.compiled % llcEvery == 0) {
			Outcome again = probe.run(source, limit.multipliedBy(2));
			if (!outcome.ir().equals(again.ir())) {
				return "IR differs between two compilations";
			}
			try {
				toolchain.compileIr(outcome.ir(), 0, work.resolve("fuzz.o"));
				counts.llcChecked++;
			} catch (RuntimeException | IOException e) {
				return "llc rejects the IR: " + e.getMessage() + (e instanceof org.quartz.cli.ToolFailedException tool
						? "\n" + tool.output() : "");
			}
		}
		return null;
	}

	private static String badDiagnostic(List<QuartzDiagnostic> diagnostics) {
		for (QuartzDiagnostic d : diagnostics) {
			boolean placed = d.uri() != null && d.line() >= 1 && d.column() >= 1;
			boolean coded = d.code() != null && CODE.matcher(d.code()).matches() && !d.code().equals(QuartzDiagnostic.UNCODED);
			boolean clean = d.message() != null && !d.message().contains("Exception") && !d.message().contains("\tat ");
			if (!placed || !coded || !clean) {
				return "bad diagnostic: " + d.uri() + ":" + d.line() + ":" + d.column() + " [" + d.code() + "] "
						+ d.message();
			}
		}
		return null;
	}

	/** Keeps a failing input where a person can find it: {@code <work>/failures/<name>.qz}. */
	private void save(String source, String name) {
		try {
			Path folder = Files.createDirectories(work.resolve("failures"));
			Files.writeString(folder.resolve(name + ".qz"), source, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static final class Counts {
		int compiled;
		int rejected;
		int llcChecked;
		int slow;
		final List<Failure> failures = new ArrayList<>();

		Report report(int inputs, long millis) {
			return new Report(inputs, compiled, rejected, llcChecked, slow, failures, millis);
		}
	}

	/**
	 * Long runs outside the test harness, on the compiler's plain class path plus this bundle's
	 * classes: {@code java -cp ... org.quartz.tests.fuzz.Fuzzer <checkout> <seed> <count> [index]},
	 * or {@code ... Fuzzer <checkout> --files a.qz b.qz} to check saved inputs again (docs/fuzzing.md).
	 */
	public static void main(String[] args) throws IOException {
		Path checkout = Path.of(args[0]);
		Path work = Files.createTempDirectory("quartz-fuzz-");
		Fuzzer fuzzer = new Fuzzer(work, FuzzInputs.seedPrograms(checkout), Duration.ofSeconds(2), 50);
		Report report;
		if (args[1].equals("--files")) {
			Map<String, String> inputs = new TreeMap<>();
			for (int i = 2; i < args.length; i++) {
				inputs.put(args[i], Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
			}
			report = fuzzer.runAll(inputs);
		} else {
			long seed = Long.parseLong(args[1]);
			int count = Integer.parseInt(args[2]);
			report = args.length > 3
					? fuzzer.runAll(Map.of("input " + args[3], fuzzer.input(seed, Integer.parseInt(args[3]))))
					: fuzzer.run(seed, count, Duration.ofDays(1));
		}
		report.failures().forEach(failure -> System.out.println("FAILURE " + failure + "\n"));
		System.out.println(report.summary());
		System.out.println("failing inputs saved in " + work.resolve("failures"));
		System.exit(report.failures().isEmpty() ? 0 : 1);
	}
}
