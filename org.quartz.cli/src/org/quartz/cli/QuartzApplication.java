package org.quartz.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The {@code quartz} program as an Eclipse application (org.quartz.cli.app), for the headless product. */
public final class QuartzApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		return QuartzCli.standard().run(args == null ? new String[0] : args);
	}

	@Override
	public void stop() {
		// a command runs to its end; there is nothing to interrupt
	}
}
