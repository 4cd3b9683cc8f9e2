package org.quartz.tests.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.quartz.cli.FrontEnd;
import org.quartz.lang.loading.Program;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.scoping.ModuleSearchPath;
import org.quartz.codegen.IrGenerator;

/**
 * Runs one source text through the compiler the way {@code quartz build} does, in-process:
 * {@link org.quartz.lang.loading.ProgramLoader#load} (parse, link, validate), then IR generation when there are no errors.
 * Runs on a thread of its own with a large stack (as the command line does) and a time limit.
 * An exception from either step, and an error that Xtext caught and logged instead of
 * reporting (the command line keeps such logs off the terminal), is an internal error.
 */
final class CompilerProbe {

	/** What happened to one input. */
	record Outcome(Kind kind, List<QuartzDiagnostic> diagnostics, String ir, String failure) {

		enum Kind {
			COMPILED, COMPILE_ERRORS, INTERNAL_ERROR, TIMEOUT
		}
	}

	/** The command line's stack size: the compiler recurses over nested source. */
	private static final long STACK_SIZE = 512L * 1024 * 1024;

	private final Path work;
	private final ModuleSearchPath searchPath;
	private final LoggedErrors loggedErrors = new LoggedErrors();
	private static final int GRACE_FACTOR = 4;

	private int runs;
	private int slowInputs;
	private boolean hung;

	CompilerProbe(Path work, Path stdlib) {
		this.work = work;
		this.searchPath = new ModuleSearchPath(List.of(), stdlib);
		System.setProperty("log4j.defaultInitOverride", "true");
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.setLevel(Level.ERROR);
		root.addAppender(loggedErrors);
		// Class loading and EMF's registration take seconds: not part of any input's time.
		run("def main()\n  puts(\"warm\")\nend\n", Duration.ofMinutes(5));
	}

	/** Compiles {@code source} as the main file {@code fuzz.qz}. */
	Outcome run(String source, Duration limit) {
		Path file = work.resolve("fuzz" + (runs++ % 2) + "/fuzz.qz");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, source, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		AtomicReference<Outcome> outcome = new AtomicReference<>();
		loggedErrors.clear();
		Thread compiler = new Thread(null, () -> outcome.set(compile(file)), "fuzz-compiler", STACK_SIZE);
		compiler.setDaemon(true);
		compiler.start();
		long start = System.nanoTime();
		try {
			compiler.join(limit.toMillis());
			if (compiler.isAlive()) {
				// A grace period for a busy machine; an input that needs it is still reported as slow.
				compiler.join(limit.toMillis() * GRACE_FACTOR);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (compiler.isAlive()) {
			hung = true;
			return new Outcome(Outcome.Kind.TIMEOUT, List.of(), null,
					"no result within " + limit.toMillis() * (1 + GRACE_FACTOR) + " ms");
		}
		if (System.nanoTime() - start > limit.toNanos()) {
			slowInputs++;
		}
		Outcome result = outcome.get();
		String logged = loggedErrors.take();
		if (result.kind() != Outcome.Kind.INTERNAL_ERROR && logged != null) {
			return new Outcome(Outcome.Kind.INTERNAL_ERROR, result.diagnostics(), null, "logged: " + logged);
		}
		return result;
	}

	private Outcome compile(Path file) {
		try {
			Program program = FrontEnd.loader().load(file, searchPath);
			if (program.hasErrors()) {
				return new Outcome(Outcome.Kind.COMPILE_ERRORS, program.diagnostics(), null, null);
			}
			String ir = new IrGenerator(true).generate(program.mainModule());
			return new Outcome(Outcome.Kind.COMPILED, program.diagnostics(), ir, null);
		} catch (Throwable e) { // StackOverflowError included: nothing may escape as a crash
			return new Outcome(Outcome.Kind.INTERNAL_ERROR, List.of(), null, stackTrace(e));
		}
	}

	/**
	 * True once a compilation has outlived its limit. Its thread cannot be stopped safely
	 * (Thread.stop could leave EMF's registries half-written), so it keeps a core busy and later
	 * time limits mean little: the fuzzer stops there.
	 */
	boolean hung() {
		return hung;
	}

	/** Inputs that took longer than their limit but finished within the grace period. */
	int slowInputs() {
		return slowInputs;
	}

	static String stackTrace(Throwable e) {
		StringWriter text = new StringWriter();
		e.printStackTrace(new PrintWriter(text));
		String[] lines = text.toString().split("\n");
		return String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.min(lines.length, 30)));
	}

	/** Errors that Xtext logs instead of throwing (a validator or the linker failing). */
	private static final class LoggedErrors extends AppenderSkeleton {

		private final List<String> events = new ArrayList<>();

		@Override
		protected synchronized void append(LoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				Throwable thrown = event.getThrowableInformation() == null ? null
						: event.getThrowableInformation().getThrowable();
				events.add(event.getRenderedMessage() + (thrown == null ? "" : "\n" + stackTrace(thrown)));
			}
		}

		synchronized void clear() {
			events.clear();
		}

		synchronized String take() {
			String first = events.isEmpty() ? null : events.get(0);
			events.clear();
			return first;
		}

		@Override
		public void close() {
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}
	}
}
