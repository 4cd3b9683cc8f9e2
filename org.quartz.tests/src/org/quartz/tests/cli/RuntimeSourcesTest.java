package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.runtime.RuntimeSources;
import org.quartz.tests.e2e.Checkout;

/** The bundle's index of runtime/ and stdlib/ (written by the build) matches the folders. */
class RuntimeSourcesTest {

	@TempDir
	Path dir;

	@Test
	void theRuntimeIndexListsEveryCFileAndHeader() throws Exception {
		Path folder = folder(RuntimeSources.RUNTIME);
		List<String> onDisk;
		try (Stream<Path> files = Files.list(folder)) {
			onDisk = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".c") || f.endsWith(".h"))
					.sorted().toList();
		}
		assertFalse(onDisk.isEmpty());
		assertEquals(onDisk, RuntimeSources.RUNTIME.files());
	}

	@Test
	void theStdlibIndexListsEveryModule() throws Exception {
		Path folder = folder(RuntimeSources.STDLIB);
		try (Stream<Path> files = Files.walk(folder)) {
			assertEquals(files.filter(f -> f.toString().endsWith(".qz")).map(f -> folder.relativize(f).toString())
					.sorted().toList(), RuntimeSources.STDLIB.files());
		}
	}

	@Test
	void filesReadAsTheyAreOnDisk() throws Exception {
		for (String file : RuntimeSources.RUNTIME.files()) {
			assertArrayEquals(Files.readAllBytes(folder(RuntimeSources.RUNTIME).resolve(file)),
					RuntimeSources.RUNTIME.read(file), file);
		}
	}

	@Test
	void aCopyHoldsEveryFile() throws Exception {
		RuntimeSources.RUNTIME.copyTo(dir);
		for (String file : RuntimeSources.RUNTIME.files()) {
			assertArrayEquals(RuntimeSources.RUNTIME.read(file), Files.readAllBytes(dir.resolve(file)), file);
		}
	}

	private static Path folder(RuntimeSources sources) {
		return Checkout.root().resolve("org.quartz.runtime").resolve(sources.folder());
	}
}
