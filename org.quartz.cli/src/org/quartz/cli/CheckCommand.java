package org.quartz.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Report the program's errors and warnings without building it; exit 1 on errors.")
final class CheckCommand implements Callable<Integer> {

	private final Driver driver;

	@Parameters(paramLabel = "FILE", description = "The program's main file.")
	String file;

	@Mixin
	SourceOptions sources;

	CheckCommand(Driver driver) {
		this.driver = driver;
	}

	@Override
	public Integer call() throws Exception {
		return driver.check(file, sources).hasErrors() ? ExitCode.COMPILE_ERROR : ExitCode.OK;
	}
}
