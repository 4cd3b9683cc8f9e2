package org.quartz.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -O0} to {@code -O3}: how hard opt and llc optimise. */
final class OptimizationOption {

	static final int DEFAULT_LEVEL = 2;

	@Spec(Spec.Target.MIXEE)
	private CommandSpec command;

	private int level = DEFAULT_LEVEL;

	@Option(names = "-O", paramLabel = "LEVEL", description = "Optimisation level, 0 to 3 (default: 2).")
	void setLevel(int level) {
		if (level < 0 || level > 3) {
			throw new ParameterException(command.commandLine(), "-O takes a level from 0 to 3, not " + level);
		}
		this.level = level;
	}

	int level() {
		return level;
	}
}
