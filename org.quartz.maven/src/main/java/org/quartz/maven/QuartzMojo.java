package org.quartz.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the {@code quartz} command line of an installed Quartz product (the headless product or
 * an installation from the update site) as a separate JVM: its Equinox launcher with the
 * application {@code org.quartz.cli.app}. A separate process keeps the compiler's OSGi bundles
 * out of Maven's class loaders.
 */
abstract class QuartzMojo extends AbstractMojo {

	/** The compiler's exit codes (org.quartz.cli.ExitCode). */
	static final int OK = 0;
	static final int COMPILE_ERROR = 1;

	/** The Quartz installation: the folder holding {@code plugins/org.eclipse.equinox.launcher_*.jar}. */
	@Parameter(property = "quartz.home", defaultValue = "${env.QUARTZ_HOME}")
	File quartzHome;

	/** The Java the compiler runs on (17 or newer). */
	@Parameter(property = "quartz.java", defaultValue = "${java.home}/bin/java")
	File java;

	/** The program's sources; also searched for imported modules. */
	@Parameter(defaultValue = "${project.basedir}/src/main/quartz")
	File sourceDirectory;

	/** More folders searched for imported modules ({@code -I}). */
	@Parameter
	List<File> includeDirectories = new ArrayList<>();

	/** Optimisation level, 0 to 3. */
	@Parameter(property = "quartz.optimization", defaultValue = "2")
	int optimization;

	@Parameter(defaultValue = "${project.basedir}", readonly = true)
	File basedir;

	/** The lines the last run of the compiler printed on stdout. */
	final List<String> output = new ArrayList<>();

	/** The options every compiling command takes: import folders and optimisation. */
	List<String> sourceOptions() {
		List<String> options = new ArrayList<>();
		options.add("-I");
		options.add(relative(sourceDirectory));
		for (File dir : includeDirectories) {
			options.add("-I");
			options.add(relative(dir));
		}
		options.add("-O" + optimization);
		return options;
	}

	/** A path relative to the project's folder, so diagnostics name files the way the user sees them. */
	String relative(File file) {
		Path base = basedir.toPath().toAbsolutePath().normalize();
		Path path = file.toPath().toAbsolutePath().normalize();
		return path.startsWith(base) && !path.equals(base) ? base.relativize(path).toString() : path.toString();
	}

	/**
	 * Runs {@code quartz ARGS} in the project's folder: stdout to the build's log (and
	 * {@link #output}), stderr (diagnostics) as errors, or as warnings when the command succeeds.
	 * Returns the exit code.
	 */
	int quartz(List<String> args) throws MojoExecutionException {
		List<String> command = new ArrayList<>();
		command.add(java.getPath());
		command.add("-jar");
		command.add(launcher().toString());
		command.add("-application");
		command.add("org.quartz.cli.app");
		command.add("-nosplash");
		command.add("-data");
		command.add("@none"); // the compiler needs no workspace
		command.addAll(args);
		getLog().debug("quartz: " + String.join(" ", command));
		output.clear();
		List<String> errors = new ArrayList<>();
		try {
			Process process = new ProcessBuilder(command).directory(basedir).start();
			process.getOutputStream().close();
			Thread err = pump(process.getErrorStream(), errors::add);
			Thread out = pump(process.getInputStream(), line -> {
				output.add(line);
				getLog().info(line);
			});
			int code = process.waitFor();
			out.join();
			err.join();
			for (String line : errors) {
				if (code == OK) {
					getLog().warn(line);
				} else {
					getLog().error(line);
				}
			}
			return code;
		} catch (IOException e) {
			throw new MojoExecutionException("cannot run " + java + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("interrupted while running quartz", e);
		}
	}

	/** The Equinox launcher of {@link #quartzHome}, with a clear error when it is not an installation. */
	Path launcher() throws MojoExecutionException {
		if (quartzHome == null || quartzHome.getPath().isEmpty()) {
			throw new MojoExecutionException("no Quartz installation: set QUARTZ_HOME, -Dquartz.home or the "
					+ "plugin's <quartzHome> to the folder of the Quartz product (the one holding plugins/)");
		}
		Path plugins = quartzHome.toPath().resolve("plugins");
		if (Files.isDirectory(plugins)) {
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "org.eclipse.equinox.launcher_*.jar")) {
				for (Path jar : jars) {
					return jar;
				}
			} catch (IOException e) {
				throw new MojoExecutionException("cannot list " + plugins + ": " + e.getMessage(), e);
			}
		}
		throw new MojoExecutionException(quartzHome + " is not a Quartz installation: it has no "
				+ "plugins/org.eclipse.equinox.launcher_*.jar");
	}

	private static Thread pump(InputStream stream, Consumer<String> sink) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					sink.accept(line);
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, "quartz-output");
		thread.start();
		return thread;
	}
}
