package org.quartz.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.quartz.lang.loading.Program;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Build a program into the cache and run it with ARGS; exit with the program's exit code.")
final class RunCommand implements Callable<Integer> {

	private final Driver driver;

	@Parameters(index = "0", paramLabel = "FILE", description = "The program's main file.")
	String file;

	@Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments.")
	List<String> programArgs = new ArrayList<>();

	@Mixin
	SourceOptions sources;

	@Mixin
	OptimizationOption optimization;

	RunCommand(Driver driver) {
		this.driver = driver;
	}

	@Override
	public Integer call() throws Exception {
		Program program = driver.check(file, sources);
		if (program.hasErrors()) {
			return ExitCode.COMPILE_ERROR;
		}
		Path executable = driver.cachedExecutable(file, program, optimization.level());
		List<String> command = new ArrayList<>(List.of(executable.toString()));
		command.addAll(programArgs);
		driver.out().flush();
		return driver.runProgram(command);
	}
}
