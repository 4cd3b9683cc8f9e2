package org.quartz.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.quartz.lang.loading.Program;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", mixinStandardHelpOptions = true,
		description = "Compile a program: its LLVM IR on stdout, or with -o a native executable.")
final class BuildCommand implements Callable<Integer> {

	enum Emit {
		LLVM, OBJ, EXE
	}

	private final Driver driver;

	@Parameters(paramLabel = "FILE", description = "The program's main file.")
	String file;

	@Option(names = "-o", paramLabel = "OUTPUT", description = "Write the output to OUTPUT.")
	Path output;

	@Option(names = "--emit", paramLabel = "KIND",
			description = "llvm (IR), obj (object file) or exe (executable). Default: exe with -o, else llvm on stdout.")
	Emit emit;

	@Mixin
	SourceOptions sources;

	@Mixin
	OptimizationOption optimization;

	BuildCommand(Driver driver) {
		this.driver = driver;
	}

	@Override
	public Integer call() throws Exception {
		Emit kind = emit != null ? emit : output != null ? Emit.EXE : Emit.LLVM;
		Path target = this.output == null ? null : driver.resolve(this.output);
		if (target != null) {
			Driver.checkWritable(target);
		}
		Program program = driver.check(file, sources);
		if (program.hasErrors()) {
			return ExitCode.COMPILE_ERROR;
		}
		String ir = driver.generateIr(program);
		switch (kind) {
		case LLVM -> {
			if (target == null) {
				driver.out().print(ir);
			} else {
				Files.writeString(target, ir, StandardCharsets.UTF_8);
			}
		}
		case OBJ -> driver.toolchain().compileIr(ir, optimization.level(),
				target != null ? target : driver.resolve(Path.of(Driver.outputStem(file) + ".o")));
		case EXE -> driver.buildExecutable(ir, optimization.level(),
				target != null ? target : driver.resolve(Path.of(Driver.outputStem(file))));
		}
		return ExitCode.OK;
	}
}
