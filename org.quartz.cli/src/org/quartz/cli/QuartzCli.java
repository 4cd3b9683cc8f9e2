package org.quartz.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.quartz.codegen.IrGenerator;
import org.quartz.codegen.LoweringError;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.quartz.Module;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code quartz} command line: parses the arguments, runs a command and turns every outcome
 * into an exit code ({@link ExitCode}) and, for failures, one clear message on stderr. Never
 * shows a Java stack trace unless QUARTZ_DEBUG=1.
 */
public final class QuartzCli {

	/** The compiler recurses over deeply nested source; a big stack keeps that from failing. */
	private static final long STACK_SIZE = 512L * 1024 * 1024;
	private static final long MIN_STACK_SIZE = 8L * 1024 * 1024;

	private final PrintStream out;
	private final PrintStream err;
	private final Map<String, String> environment;
	private final Path workingDir;
	private final Function<Module, String> codeGenerator;
	private final ProgramRunner programRunner;
	/** The front end; null: the command line's own ({@link FrontEnd}), with its logging set up. */
	private final Supplier<ProgramLoader> frontEnd;

	/**
	 * @param environment   the environment variables (PATH, QUARTZ_CACHE_DIR, QUARTZ_DEBUG, ...)
	 * @param codeGenerator the back end: a validated main module to the program's LLVM IR
	 */
	public QuartzCli(PrintStream out, PrintStream err, Map<String, String> environment,
			Function<Module, String> codeGenerator) {
		this(out, err, environment, Path.of("").toAbsolutePath(), codeGenerator, ProgramRunner.INHERIT_IO);
	}

	/**
	 * A command line run for another process (the compile server's clients).
	 *
	 * @param workingDir    the folder the user's relative paths start from
	 * @param programRunner runs the program of {@code quartz run}
	 */
	QuartzCli(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDir,
			Function<Module, String> codeGenerator, ProgramRunner programRunner) {
		this(out, err, environment, workingDir, codeGenerator, null, programRunner);
	}

	/**
	 * A command line run inside another program (an IDE's launcher): its own output streams and
	 * folder, the program's front end (so one injector serves the editor and the builds, and the
	 * command line leaves the host's logging alone), and its own way of running the built program.
	 */
	public QuartzCli(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDir,
			Supplier<ProgramLoader> frontEnd, ProgramRunner programRunner) {
		this(out, err, environment, workingDir, new IrBackend(), frontEnd, programRunner);
	}

	private QuartzCli(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDir,
			Function<Module, String> codeGenerator, Supplier<ProgramLoader> frontEnd, ProgramRunner programRunner) {
		this.out = out;
		this.err = err;
		this.environment = environment;
		this.workingDir = workingDir;
		this.codeGenerator = codeGenerator;
		this.frontEnd = frontEnd;
		this.programRunner = programRunner;
	}

	/** The command line of the {@code quartz} program: the process's streams and environment. */
	public static QuartzCli standard() {
		return new QuartzCli(System.out, System.err, System.getenv(), new IrBackend());
	}

	/**
	 * The real back end. A class, not a lambda: bootstrapping a lambda whose type names Module
	 * loads EMF, which costs a quarter second even for {@code quartz --version}.
	 */
	static final class IrBackend implements Function<Module, String> {

		@Override
		public String apply(Module main) {
			return new IrGenerator().generate(main);
		}
	}

	/** Runs one command; returns the exit code. */
	public int run(String... args) {
		AtomicInteger exitCode = new AtomicInteger(ExitCode.INTERNAL_ERROR);
		Thread worker = null;
		// Under a virtual memory limit the large stack may not fit: fall back to smaller ones.
		for (long stack = STACK_SIZE; worker == null; stack /= 4) {
			Thread attempt = new Thread(null, () -> exitCode.set(runHere(args)), "quartz", stack);
			try {
				attempt.start();
				worker = attempt;
			} catch (OutOfMemoryError e) {
				if (stack <= MIN_STACK_SIZE) {
					err.println("quartz: cannot start the compiler's thread (" + e.getMessage()
							+ "); is the virtual memory limit (ulimit -v) too low?");
					return ExitCode.INTERNAL_ERROR;
				}
			}
		}
		try {
			worker.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return exitCode.get();
	}

	private int runHere(String[] args) {
		try {
			boolean debug = debug();
			Supplier<ProgramLoader> loader = frontEnd != null ? frontEnd : () -> {
				Logging.configure(debug);
				return FrontEnd.loader();
			};
			Driver driver = new Driver(out, err, environment, workingDir, codeGenerator, loader, programRunner, debug);
			CommandLine commandLine = new CommandLine(new RootCommand())
					.addSubcommand(new BuildCommand(driver))
					.addSubcommand(new RunCommand(driver))
					.addSubcommand(new CheckCommand(driver))
					.addSubcommand(new TestCommand(driver))
					.addSubcommand(new LspCommand(driver));
			commandLine.getSubcommands().get("run").setStopAtPositional(true); // the rest is the program's
			commandLine.setCaseInsensitiveEnumValuesAllowed(true)
					.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
					.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
					.setParameterExceptionHandler((e, arguments) -> usageError(e))
					.setExecutionExceptionHandler((e, command, parseResult) -> failure(e));
			return commandLine.execute(args);
		} catch (Throwable e) { // an Error such as StackOverflowError escapes picocli's handler
			return failure(e);
		} finally {
			out.flush();
			err.flush();
		}
	}

	private int usageError(ParameterException e) {
		String message = e.getMessage().lines().findFirst().orElse("invalid command line");
		err.println("quartz: " + message + " (see 'quartz --help')");
		return ExitCode.USAGE;
	}

	private int failure(Throwable e) {
		if (e instanceof LoweringError lowering) {
			// A program that checks but cannot be compiled: a diagnostic like the front end's.
			err.println(lowering.location() + ": error[" + lowering.code() + "]: " + lowering.getMessage());
			return ExitCode.COMPILE_ERROR;
		}
		if (e instanceof QuartzException) {
			err.println("error: " + e.getMessage());
			return ExitCode.COMPILE_ERROR;
		}
		if (debug()) {
			e.printStackTrace(err);
			if (e instanceof ToolFailedException tool) {
				err.println(tool.output());
			}
		}
		String message = e.getMessage() == null ? e.getClass().getSimpleName()
				: e.getMessage().strip().lines().findFirst().orElse(e.getClass().getSimpleName());
		err.println("internal compiler error: " + message + (debug() ? "" : " (QUARTZ_DEBUG=1 shows details)"));
		return ExitCode.INTERNAL_ERROR;
	}

	private boolean debug() {
		return "1".equals(environment.get("QUARTZ_DEBUG"));
	}
}
