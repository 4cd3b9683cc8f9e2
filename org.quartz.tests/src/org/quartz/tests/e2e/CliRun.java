package org.quartz.tests.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.quartz.cli.QuartzCli;
import org.quartz.codegen.IrGenerator;
import org.quartz.lang.quartz.Module;

/** One in-process run of the quartz command line, with its output captured. */
public record CliRun(int exitCode, String stdout, String stderr) {

	/** Runs the real compiler, with the test cache. */
	public static CliRun quartz(String... args) {
		return quartz(Map.of(), module -> new IrGenerator(true).generate(module), args);
	}

	/**
	 * Runs the command line with a chosen back end and extra environment variables (added to
	 * this process's environment, the cache set to the test cache).
	 */
	public static CliRun quartz(Map<String, String> extraEnvironment, Function<Module, String> codeGenerator,
			String... args) {
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.put("QUARTZ_CACHE_DIR", Checkout.cache().toString());
		environment.remove("QUARTZ_DEBUG");
		environment.putAll(extraEnvironment);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = new QuartzCli(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment, codeGenerator).run(args);
		return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** For assertion messages. */
	public String describe() {
		return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
	}
}
