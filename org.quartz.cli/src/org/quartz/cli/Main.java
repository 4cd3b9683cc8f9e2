package org.quartz.cli;

/** The {@code quartz} program on a plain class path (./quartz runs this). */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(QuartzCli.standard().run(args));
	}
}
