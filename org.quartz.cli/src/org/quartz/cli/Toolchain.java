package org.quartz.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The native tools that turn LLVM IR into a program: {@code opt} (optional), {@code llc} and a C
 * compiler/linker {@code cc}. Each is looked up on PATH when first needed, so commands that need
 * none of them work without them.
 */
public final class Toolchain {

	private static final List<String> LLC_NAMES = List.of("llc", "llc-19", "llc-18", "llc-17", "llc-16", "llc-15",
			"llc-14");
	private static final List<String> CC_NAMES = List.of("cc", "gcc", "clang");
	/** The flags the runtime is compiled with: those its -O2 tests use. */
	static final List<String> RUNTIME_CFLAGS = List.of("-std=c11", "-O2");
	/**
	 * The garbage collector (bdwgc, Debian's libgc-dev) is linked statically, so a built program
	 * needs nothing installed; the runtime's tests link it the same way (run-tests.sh).
	 */
	private static final List<String> LINK_LIBRARIES = List.of("-Wl,-Bstatic", "-lgc", "-Wl,-Bdynamic", "-lm",
			"-lpthread");

	private final List<Path> path;
	private Path llc;
	private Optional<Path> opt;
	private Path cc;

	/** @param pathVariable the PATH to search (a colon-separated list of folders) */
	public Toolchain(String pathVariable) {
		path = pathVariable == null ? List.of()
				: Stream.of(pathVariable.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
	}

	/**
	 * Compiles LLVM IR to a native object file: {@code opt -O<level>} when the level is above 0
	 * and an opt matching llc exists, then {@code llc -O<level> -relocation-model=pic}.
	 */
	public void compileIr(String ir, int optLevel, Path object) throws IOException {
		Path work = Files.createTempDirectory("quartz-ir-");
		try {
			Path input = work.resolve("program.ll");
			Files.writeString(input, ir, StandardCharsets.UTF_8);
			Optional<Path> optimizer = optLevel > 0 ? opt() : Optional.empty();
			if (optimizer.isPresent()) {
				Path optimized = work.resolve("program.bc");
				run("opt", List.of(optimizer.get().toString(), "-O" + optLevel, input.toString(), "-o",
						optimized.toString()));
				input = optimized;
			}
			run("llc", List.of(llc().toString(), "-O" + optLevel, "-relocation-model=pic", "-filetype=obj",
					input.toString(), "-o", object.toString()));
		} finally {
			FileTrees.delete(work);
		}
	}

	/** Compiles C sources to object files (named after the sources) in {@code outputDir}. */
	public void compileC(List<Path> sources, Path includeDir, Path outputDir) {
		List<String> command = new ArrayList<>(List.of(cc().toString()));
		command.addAll(RUNTIME_CFLAGS);
		command.addAll(List.of("-I" + includeDir, "-c"));
		sources.forEach(source -> command.add(source.toString()));
		try {
			run("cc", command, outputDir);
		} catch (ToolFailedException e) {
			if (e.output().contains("gc.h: No such file")) {
				throw missingCollector();
			}
			throw e;
		}
	}

	/** Links object files into an executable. A failure here is the user's (say, an undefined extern "C" function). */
	public void link(List<Path> objects, Path executable) {
		List<String> command = new ArrayList<>(List.of(cc().toString(), "-o", executable.toString()));
		objects.forEach(object -> command.add(object.toString()));
		command.addAll(LINK_LIBRARIES);
		try {
			run("cc", command);
		} catch (ToolFailedException e) {
			if (e.output().contains("cannot find -lgc")) {
				throw missingCollector();
			}
			throw new QuartzException("linking failed: " + e.output().strip());
		}
	}

	private static QuartzException missingCollector() {
		return new QuartzException(
				"the garbage collector (libgc) is not installed; install it: apt-get install libgc-dev");
	}

	/** The C compiler, which also identifies the runtime build in the cache. */
	public Path cc() {
		if (cc == null) {
			cc = find(CC_NAMES).orElseThrow(
					() -> new QuartzException("no C compiler (cc) found on PATH; install one: apt-get install gcc"));
		}
		return cc;
	}

	private Path llc() {
		if (llc == null) {
			llc = find(LLC_NAMES).orElseThrow(
					() -> new QuartzException("llc (LLVM) not found on PATH; install it: apt-get install llvm"));
		}
		return llc;
	}

	/** The opt of the same LLVM as llc (llc-17 goes with opt-17): an older llc cannot read a newer opt's output. */
	private Optional<Path> opt() {
		if (opt == null) {
			Path sibling = llc().resolveSibling(llc().getFileName().toString().replaceFirst("^llc", "opt"));
			opt = Files.isExecutable(sibling) ? Optional.of(sibling) : Optional.empty();
		}
		return opt;
	}

	private Optional<Path> find(List<String> names) {
		for (String name : names) {
			for (Path dir : path) {
				Path candidate = dir.resolve(name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	private static void run(String tool, List<String> command) {
		run(tool, command, null);
	}

	private static void run(String tool, List<String> command, Path workingDir) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			if (workingDir != null) {
				builder.directory(workingDir.toFile());
			}
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exitCode = process.waitFor();
			if (exitCode != 0) {
				throw new ToolFailedException(tool, exitCode, output);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot run " + command.get(0), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + tool, e);
		}
	}
}
