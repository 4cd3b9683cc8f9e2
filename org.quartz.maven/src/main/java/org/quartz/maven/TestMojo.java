package org.quartz.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code quartz:test}: builds and runs every {@code *_spec.qz} (QSpec) under
 * {@link #testSourceDirectory} ({@code quartz test}); fails the build when a test failed or a spec
 * did not compile or crashed.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends QuartzMojo {

	@Parameter(defaultValue = "${project.basedir}/src/test/quartz")
	File testSourceDirectory;

	/** Maven's usual switches: -DskipTests, -Dmaven.test.skip. */
	@Parameter(property = "skipTests", defaultValue = "false")
	boolean skipTests;

	@Parameter(property = "maven.test.skip", defaultValue = "false")
	boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skipTests || skip) {
			getLog().info("Tests are skipped.");
			return;
		}
		if (!hasSpecs()) {
			getLog().info("No Quartz specs (*_spec.qz) in " + relative(testSourceDirectory));
			return;
		}
		List<String> args = new ArrayList<>(List.of("test", relative(testSourceDirectory)));
		args.addAll(sourceOptions());
		int code = quartz(args);
		String total = output.stream().filter(line -> line.startsWith("total: ")).reduce((a, b) -> b)
				.orElse("no total line");
		if (code == COMPILE_ERROR) {
			throw new MojoFailureException("There are Quartz spec failures (" + total + "); see the FAIL lines above");
		}
		if (code != OK) {
			throw new MojoExecutionException("quartz test exited with code " + code + " (errors above)");
		}
	}

	private boolean hasSpecs() throws MojoExecutionException {
		if (!testSourceDirectory.isDirectory()) {
			return false;
		}
		try (Stream<java.nio.file.Path> files = Files.walk(testSourceDirectory.toPath())) {
			return files.anyMatch(f -> f.getFileName().toString().endsWith("_spec.qz"));
		} catch (IOException e) {
			throw new MojoExecutionException("cannot search " + testSourceDirectory + ": " + e.getMessage(), e);
		}
	}
}
