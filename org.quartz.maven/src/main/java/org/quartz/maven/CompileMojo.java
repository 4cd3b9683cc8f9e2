package org.quartz.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code quartz:compile}: builds the program whose {@code main} is in {@link #main} into a native
 * executable ({@code quartz build MAIN -o OUTPUT}). Diagnostics are printed as errors and fail
 * the build.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends QuartzMojo {

	/** The program's main file (the one defining {@code main}). */
	@Parameter(property = "quartz.main", defaultValue = "${project.basedir}/src/main/quartz/main.qz")
	File main;

	/** The executable to write. */
	@Parameter(property = "quartz.output", defaultValue = "${project.build.directory}/${project.artifactId}")
	File executable;

	@Parameter(property = "quartz.skip", defaultValue = "false")
	boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("Skipping the Quartz compilation (quartz.skip)");
			return;
		}
		if (!main.isFile()) {
			throw new MojoFailureException("no Quartz main file " + main + " (set <main> or -Dquartz.main)");
		}
		File folder = executable.getAbsoluteFile().getParentFile();
		if (!folder.isDirectory() && !folder.mkdirs()) {
			throw new MojoExecutionException("cannot create " + folder);
		}
		List<String> args = new ArrayList<>(List.of("build", relative(main)));
		args.addAll(sourceOptions());
		args.add("-o");
		args.add(executable.getAbsolutePath());
		getLog().info("Compiling " + relative(main) + " to " + relative(executable));
		int code = quartz(args);
		if (code == COMPILE_ERROR) {
			throw new MojoFailureException("Quartz compilation of " + relative(main) + " failed (errors above)");
		}
		if (code != OK) {
			throw new MojoExecutionException("quartz build exited with code " + code + " (errors above)");
		}
	}
}
