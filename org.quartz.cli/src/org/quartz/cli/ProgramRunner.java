package org.quartz.cli;

import java.io.IOException;

/** Runs a built program in the foreground (the program of {@code quartz run}); returns its exit code. */
@FunctionalInterface
public interface ProgramRunner {

	/** With the user's terminal: its standard streams are this process's. */
	ProgramRunner INHERIT_IO = program -> program.inheritIO().start().waitFor();

	int run(ProcessBuilder program) throws IOException, InterruptedException;
}
