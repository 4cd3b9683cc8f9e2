package org.quartz.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.lang.loading.Program;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code quartz test [PATHS]}: builds and runs every {@code *_spec.qz} (QSpec files) under the
 * given files and folders, prints each spec's output and summary line prefixed by its file,
 * then one aggregate line. Exits 1 when a test failed or a spec did not compile, crashed or
 * printed no summary.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
		description = "Build and run every *_spec.qz in PATHS (files, or folders searched recursively; "
				+ "default: the current folder); exit 1 when anything failed.")
final class TestCommand implements Callable<Integer> {

	/** QSpec's summary line (qspec/runner), the last line a spec prints. */
	private static final Pattern SUMMARY = Pattern
			.compile("(\\d+) tests, (\\d+) passed(?:, (\\d+) failed)?(?:, (\\d+) pending)?");
	/** A spec that runs longer is stopped and reported. */
	private static final long TIMEOUT_SECONDS = 600;

	private final Driver driver;

	@Parameters(paramLabel = "PATHS", description = "Spec files or folders (default: the current folder).")
	List<String> paths = new ArrayList<>();

	@Mixin
	SourceOptions sources;

	@Mixin
	OptimizationOption optimization;

	TestCommand(Driver driver) {
		this.driver = driver;
	}

	/** Totals over the specs. */
	private long tests;
	private long passed;
	private long failed;
	private long pending;
	private int broken;

	@Override
	public Integer call() throws Exception {
		List<String> specs = findSpecs(paths.isEmpty() ? List.of(".") : paths, driver);
		if (specs.isEmpty()) {
			throw new QuartzException("no *_spec.qz files in " + String.join(" ", paths.isEmpty() ? List.of(".") : paths));
		}
		// One load for all: the standard library and modules the specs share are checked once.
		List<Program> programs = driver.checkAll(specs, sources);
		for (int i = 0; i < specs.size(); i++) {
			runSpec(specs.get(i), programs.get(i));
		}
		StringBuilder total = new StringBuilder("total: " + specs.size() + " spec file" + (specs.size() == 1 ? "" : "s")
				+ ", " + summary(tests, passed, failed, pending));
		if (broken > 0) {
			total.append(", ").append(broken).append(" spec file").append(broken == 1 ? "" : "s")
					.append(" did not run to the end");
		}
		driver.out().println(total);
		driver.out().flush();
		return failed == 0 && broken == 0 ? ExitCode.OK : ExitCode.COMPILE_ERROR;
	}

	/**
	 * The spec files: each path that is a file, and every *_spec.qz under each folder, sorted per
	 * folder; named as the user gave them (relative paths stay relative).
	 */
	private static List<String> findSpecs(List<String> roots, Driver driver) throws IOException {
		List<String> specs = new ArrayList<>();
		for (String root : roots) {
			Path path = driver.resolve(Path.of(root));
			if (Files.isRegularFile(path)) {
				specs.add(root);
			} else if (Files.isDirectory(path)) {
				try (Stream<Path> files = Files.walk(path)) {
					files.filter(f -> f.getFileName().toString().endsWith("_spec.qz") && Files.isRegularFile(f))
							.map(f -> Path.of(root).resolve(path.relativize(f)).toString()).sorted().forEach(specs::add);
				}
			} else {
				throw new QuartzException(root + ": no such file or folder");
			}
		}
		return specs;
	}

	private void runSpec(String spec, Program program) throws IOException, InterruptedException {
		driver.report(program, spec);
		if (program.hasErrors()) {
			report(spec, "did not compile");
			return;
		}
		Path executable = driver.cachedExecutable(spec, program, optimization.level());
		Path work = Files.createTempDirectory("quartz-test-");
		try {
			Path out = work.resolve("out");
			Path err = work.resolve("err");
			// Output goes to files: a spec printing a lot cannot block on a full pipe.
			Process process = driver.program(List.of(executable.toString())).redirectOutput(out.toFile())
					.redirectError(err.toFile()).start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				report(spec, "timed out after " + TIMEOUT_SECONDS + " s");
				return;
			}
			List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
			for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
				driver.err().println(spec + ": " + line);
			}
			Matcher summary = lines.isEmpty() ? null : SUMMARY.matcher(lines.get(lines.size() - 1));
			boolean hasSummary = summary != null && summary.matches();
			for (String line : hasSummary ? lines.subList(0, lines.size() - 1) : lines) {
				driver.out().println(spec + ": " + line);
			}
			int code = process.exitValue();
			if (!hasSummary) {
				report(spec, "exited with code " + code + " without a summary line (crashed?)");
				return;
			}
			long specFailed = count(summary, 3);
			tests += count(summary, 1);
			passed += count(summary, 2);
			failed += specFailed;
			pending += count(summary, 4);
			driver.out().println(spec + ": " + summary.group());
			if (specFailed == 0 && code != 0) {
				report(spec, "exited with code " + code + " although no test failed");
			}
		} finally {
			FileTrees.delete(work);
		}
	}

	private void report(String spec, String problem) {
		broken++;
		driver.out().println(spec + ": " + problem);
	}

	private static long count(Matcher summary, int group) {
		String value = summary.group(group);
		return value == null ? 0 : Long.parseLong(value);
	}

	/** The summary line in QSpec's own format. */
	static String summary(long tests, long passed, long failed, long pending) {
		return tests + " tests, " + passed + " passed" + (failed > 0 ? ", " + failed + " failed" : "")
				+ (pending > 0 ? ", " + pending + " pending" : "");
	}
}
