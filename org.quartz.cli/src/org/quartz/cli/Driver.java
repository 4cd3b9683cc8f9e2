package org.quartz.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.quartz.lang.loading.Program;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.ModuleSearchPath;

/** The steps the commands share: front end with diagnostics, code generation, native build. */
final class Driver {

	private final PrintStream out;
	private final PrintStream err;
	private final Function<Module, String> codeGenerator;
	private final Toolchain toolchain;
	private final BuildCache cache;
	private final boolean debug;
	private final Map<String, String> environment;
	private final Path workingDir;
	private final ProgramRunner programRunner;
	private final Supplier<ProgramLoader> frontEnd;

	/**
	 * @param workingDir the folder relative paths start from: the user's, which in the compile
	 *                   server is not the process's own
	 */
	Driver(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDir,
			Function<Module, String> codeGenerator, Supplier<ProgramLoader> frontEnd, ProgramRunner programRunner,
			boolean debug) {
		this.out = out;
		this.err = err;
		this.codeGenerator = codeGenerator;
		this.toolchain = new Toolchain(environment.get("PATH"));
		this.cache = new BuildCache(workingDir.resolve(BuildCache.defaultRoot(environment)));
		this.debug = debug;
		this.environment = environment;
		this.workingDir = workingDir;
		this.programRunner = programRunner;
		this.frontEnd = frontEnd;
	}

	/** A process running a built program, with the command line's environment (QUARTZ_WORKERS, ...) and folder. */
	ProcessBuilder program(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		return builder;
	}

	/** Runs a built program in the foreground (quartz run); returns its exit code. */
	int runProgram(List<String> command) throws IOException, InterruptedException {
		return programRunner.run(program(command));
	}

	/** A path the user gave, from the user's working folder. */
	Path resolve(Path path) {
		return workingDir.resolve(path);
	}

	PrintStream out() {
		return out;
	}

	PrintStream err() {
		return err;
	}

	Toolchain toolchain() {
		return toolchain;
	}

	BuildCache cache() {
		return cache;
	}

	/** Library logging for the language server: errors (warnings in debug mode) to stderr, never stdout. */
	void configureServerLogging() {
		Logging.configureServer(debug);
	}

	/** Loads and validates the program and prints its diagnostics to stderr. */
	Program check(String file, SourceOptions options) throws IOException {
		Program program = checkAll(List.of(file), options).get(0);
		report(program, file);
		return program;
	}

	/**
	 * Loads and validates several programs together, so the modules they share are read and
	 * checked once; prints nothing (see {@link #report}).
	 */
	List<Program> checkAll(List<String> files, SourceOptions options) throws IOException {
		List<Path> mainFiles = new ArrayList<>();
		for (String file : files) {
			Path mainPath = workingDir.resolve(file);
			if (Files.isDirectory(mainPath)) {
				throw new QuartzException(file + ": is a folder, not a source file");
			}
			if (!Files.isRegularFile(mainPath)) {
				throw new QuartzException(file + ": no such file");
			}
			mainFiles.add(mainPath);
		}
		Path stdlib = options.stdlibPath != null ? resolve(options.stdlibPath) : cache.stdlib();
		ModuleSearchPath searchPath = new ModuleSearchPath(options.includeDirs.stream().map(this::resolve).toList(), stdlib);
		try {
			return frontEnd.get().loadAll(mainFiles, searchPath);
		} catch (IOException e) {
			throw new QuartzException("cannot read " + e.getMessage());
		}
	}

	/** Prints a program's diagnostics to stderr, its main file named {@code file} as the user gave it. */
	void report(Program program, String file) {
		URI mainUri = URI.createFileURI(workingDir.resolve(file).toAbsolutePath().normalize().toString());
		new DiagnosticPrinter(mainUri, file, workingDir).printAll(program, err);
	}

	/** The program's LLVM IR; only for a program without errors. */
	String generateIr(Program program) {
		return codeGenerator.apply(program.mainModule());
	}

	/** Compiles IR and links it with the runtime into an executable. */
	void buildExecutable(String ir, int optLevel, Path executable) throws IOException {
		List<Path> objects = new ArrayList<>(cache.runtimeObjects(toolchain));
		Path work = Files.createTempDirectory("quartz-build-");
		try {
			Path program = work.resolve("program.o");
			toolchain.compileIr(ir, optLevel, program);
			objects.add(0, program);
			toolchain.link(objects, executable);
		} finally {
			FileTrees.delete(work);
		}
	}

	/** The program's executable, built into the cache unless an identical build is there. */
	Path cachedExecutable(String file, Program program, int optLevel) throws IOException {
		String ir = generateIr(program);
		String name = outputStem(file);
		// The runtime's cache entry is part of the key: a changed runtime or C compiler rebuilds.
		String runtime = cache.runtimeObjects(toolchain).get(0).getParent().getFileName().toString();
		String key = BuildCache.key(ir, runtime, "-O" + optLevel);
		Path folder = cache.entry("program-" + key, dir -> buildExecutable(ir, optLevel, dir.resolve(name)));
		return folder.resolve(name);
	}

	/** The name outputs take by default: the source file's name without .qz. */
	static String outputStem(String file) {
		String name = Path.of(file).getFileName().toString();
		return name.endsWith(".qz") && name.length() > 3 ? name.substring(0, name.length() - 3) : name + ".out";
	}

	/** Fails clearly, before any work, when an output file cannot be written where asked. */
	static void checkWritable(Path output) {
		Path folder = output.toAbsolutePath().getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			throw new QuartzException("cannot write " + output + ": no such folder");
		}
		if (Files.isDirectory(output)) {
			throw new QuartzException("cannot write " + output + ": it is a folder");
		}
	}
}
