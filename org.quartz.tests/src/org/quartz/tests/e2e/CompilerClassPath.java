package org.quartz.tests.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The compiler's plain class path, as ./quartz has it, for tests that start the compiler as a process. */
public final class CompilerClassPath {

	private CompilerClassPath() {
	}

	/** The jars the build packaged for this checkout's bundles, and the jars of the libraries the test runtime runs on. */
	public static String get() throws IOException {
		Set<String> entries = new LinkedHashSet<>();
		for (String module : List.of("org.quartz.cli", "org.quartz.lang", "org.quartz.lang.ide", "org.quartz.codegen",
				"org.quartz.runtime")) {
			try (Stream<Path> jars = Files.list(Checkout.root().resolve(module).resolve("target"))) {
				jars.filter(p -> p.getFileName().toString().matches(".*-SNAPSHOT\\.jar")).forEach(p -> entries.add(p.toString()));
			}
		}
		BundleContext context = FrameworkUtil.getBundle(CompilerClassPath.class).getBundleContext();
		List<String> locations = new ArrayList<>();
		for (Bundle bundle : context.getBundles()) {
			locations.add(bundle.getLocation());
		}
		// The launcher's list of bundles: "reference:file:/path/x.jar@4:start,..."
		String configured = context.getProperty("osgi.bundles");
		if (configured != null) {
			locations.addAll(List.of(configured.split(",")));
		}
		// The framework's own jar (the system bundle has no file location): Equinox classes that
		// the libraries use, e.g. SubMonitor's debug options when the server finds references.
		String framework = context.getProperty("osgi.framework");
		if (framework != null) {
			locations.add(framework);
		}
		for (String location : locations) {
			int file = location.indexOf("file:");
			String path = file < 0 ? "" : location.substring(file + "file:".length()).replaceFirst("@[^/]*$", "");
			if (path.endsWith(".jar") && Path.of(path).isAbsolute() && Files.isRegularFile(Path.of(path))) {
				entries.add(path);
			}
		}
		return String.join(File.pathSeparator, new ArrayList<>(entries));
	}

	/** The java command of the JVM the tests run on. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
