package org.quartz.lang.ui.workbench.launch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.quartz.cli.ExitCode;
import org.quartz.cli.QuartzCli;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.ui.QuartzInjector;

/**
 * Runs a Quartz program as {@code quartz run FILE} does, with the compiler of this installation
 * in process ({@link QuartzCli}, loading through the editor's injector): no `quartz` command needs to be installed, and the program is
 * built with the same compiler as the editor checks it with. The build's diagnostics go to the
 * "Quartz build" console; when the program builds, it runs as a process of the launch, whose
 * console shows its output and takes its input; when it does not, nothing runs.
 */
public class QuartzLaunchDelegate extends LaunchConfigurationDelegate {

	public static final String TYPE = "org.quartz.lang.ui.workbench.launch";
	/** The attribute with the program's main file: its workspace path. */
	public static final String FILE = "org.quartz.lang.ui.workbench.file";
	/** The attribute with the program's arguments, split at spaces (as `quartz run FILE ARGS...` takes them). */
	public static final String ARGUMENTS = "org.quartz.lang.ui.workbench.arguments";
	/** The console with the build's diagnostics. */
	public static final String BUILD_CONSOLE = "Quartz build";

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		IFile file = ResourcesPlugin.getWorkspace().getRoot()
				.getFile(IPath.fromPortableString(configuration.getAttribute(FILE, "")));
		if (!file.exists() || file.getLocation() == null) {
			throw new CoreException(Status.error("no Quartz file " + file.getFullPath() + " to run"));
		}
		MessageConsole console = buildConsole();
		console.clearConsole();
		try (MessageConsoleStream stream = console.newMessageStream()) {
			PrintStream output = new PrintStream(stream, true, StandardCharsets.UTF_8);
			Path folder = file.getProject().getLocation().toFile().toPath();
			String name = file.getName();
			int exitCode = new QuartzCli(output, output, System.getenv(), folder,
					() -> QuartzInjector.get().getInstance(ProgramLoader.class), program -> {
				IProcess process = DebugPlugin.newProcess(launch, program.start(), name);
				process.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", program.command()));
				return ExitCode.OK; // it runs on; its console shows how it ends
			}).run(command(file, configuration.getAttribute(ARGUMENTS, "")));
			output.flush();
			if (exitCode != ExitCode.OK) {
				output.println(name + " was not run: it did not build (exit code " + exitCode + ")");
				ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
			}
		} catch (java.io.IOException e) {
			throw new CoreException(Status.error("cannot write to the console", e));
		}
	}

	/** `run FILE ARGS...`. */
	private static String[] command(IFile file, String arguments) {
		List<String> command = new ArrayList<>(List.of("run", file.getLocation().toOSString()));
		command.addAll(Arrays.stream(arguments.trim().split("\\s+")).filter(argument -> !argument.isEmpty()).toList());
		return command.toArray(String[]::new);
	}

	/** The console of the builds, made on first use. */
	public static synchronized MessageConsole buildConsole() {
		IConsoleManager consoles = ConsolePlugin.getDefault().getConsoleManager();
		for (IConsole console : consoles.getConsoles()) {
			if (console instanceof MessageConsole message && BUILD_CONSOLE.equals(console.getName())) {
				return message;
			}
		}
		MessageConsole console = new MessageConsole(BUILD_CONSOLE, null);
		consoles.addConsoles(new IConsole[] { console });
		return console;
	}
}
