package org.quartz.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "quartz", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "The Quartz compiler: Quartz programs to LLVM IR and native executables.")
final class RootCommand implements Callable<Integer> {

	@Spec
	private CommandSpec command;

	@Override
	public Integer call() {
		throw new ParameterException(command.commandLine(), "missing command: build, run, check, test or lsp");
	}
}
