package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quartz.cli.Toolchain;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/**
 * Golden IR: each lowering's program compiles to exactly the IR in golden/NAME.ll, and LLVM
 * (opt + llc) accepts it. After an intended change of the generated code, regenerate with
 * QUARTZ_UPDATE_GOLDEN=/path/to/org.quartz.tests/golden and review the diff.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class GoldenIrTest {

	@Inject
	private GoldenPrograms programs;

	@ParameterizedTest
	@FieldSource("org.quartz.tests.codegen.GoldenPrograms#NAMES")
	void irMatchesTheGoldenFile(String name) throws IOException {
		String ir = programs.compile(name);
		String update = System.getenv("QUARTZ_UPDATE_GOLDEN");
		if (update != null) {
			Files.writeString(Paths.get(update, name + ".ll"), ir, StandardCharsets.UTF_8);
		}
		assertEquals(GoldenPrograms.read(name + ".ll"), ir);
	}

	@ParameterizedTest
	@FieldSource("org.quartz.tests.codegen.GoldenPrograms#NAMES")
	void llvmAcceptsTheIr(String name) throws IOException {
		Path object = Files.createTempFile("quartz-golden-", ".o");
		try {
			new Toolchain(System.getenv("PATH")).compileIr(programs.compile(name), 2, object);
		} finally {
			Files.deleteIfExists(object);
		}
	}
}
