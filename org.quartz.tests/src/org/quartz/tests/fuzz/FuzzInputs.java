package org.quartz.tests.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The programs the fuzzer starts from and the regression inputs it has found. */
final class FuzzInputs {

	/** Folders of the checkout whose .qz files seed the mutations. */
	private static final List<String> SEED_FOLDERS = List.of("org.quartz.tests/programs", "org.quartz.tests/golden",
			"org.quartz.tests/qspec", "specs", "examples");

	/** Inputs that once crashed or hung the compiler; each must now compile or be rejected cleanly. */
	static final String CORPUS = "org.quartz.tests/fuzz-corpus";

	private FuzzInputs() {
	}

	static List<String> seedPrograms(Path checkout) {
		return List.copyOf(read(checkout, SEED_FOLDERS).values());
	}

	static Map<String, String> corpus(Path checkout) {
		return read(checkout, List.of(CORPUS));
	}

	/** File name to text, sorted by name, so runs are repeatable. */
	private static Map<String, String> read(Path checkout, List<String> folders) {
		Map<String, String> sources = new TreeMap<>();
		for (String folder : folders) {
			Path dir = checkout.resolve(folder);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".qz")).sorted().toList()) {
					sources.put(checkout.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return sources;
	}
}
