package org.quartz.tests.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.loading.Program;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.scoping.ModuleSearchPath;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** The front end's one way in: programs with their own search paths, several loaded together, one diagnostic type. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ProgramLoaderTest {

	@Inject
	private ProgramLoader loader;

	@TempDir
	Path dir;

	@Test
	void eachProgramImportsThroughItsOwnSearchPath() throws IOException {
		Path first = write("first/lib/m.qz", "def f(): Int = 1\n");
		Path second = write("second/lib/m.qz", "def g(): Int = 2\n");
		Path main = write("app/main.qz", "import lib/m\ndef main()\n  puts(\"#{f()}\")\nend\n");
		ModuleSearchPath withFirst = new ModuleSearchPath(List.of(first.getParent().getParent()), null);
		ModuleSearchPath withSecond = new ModuleSearchPath(List.of(second.getParent().getParent()), null);

		assertEquals(List.of(), loader.load(main, withFirst).diagnostics());
		Program wrongFolder = loader.load(main, withSecond);
		assertEquals(List.of(QuartzIssueCodes.UNDEFINED_NAME), codes(wrongFolder));
		assertEquals(List.of(), loader.load(main, withFirst).diagnostics(), "the second search path did not stick");
		assertEquals(List.of(QuartzIssueCodes.MODULE_NOT_FOUND, QuartzIssueCodes.UNDEFINED_NAME),
				codes(loader.load(main, ModuleSearchPath.NONE)));
	}

	@Test
	void programsLoadedTogetherShareTheModulesTheyImport() throws IOException {
		Path shared = write("shared.qz", "def broken(): Int = \"text\"\n");
		Path a = write("a_spec.qz", "import shared\ndef main()\nend\n");
		Path b = write("b_spec.qz", "import shared\ndef main()\n  puts(\"b\")\nend\n");
		Path c = write("c_spec.qz", "def main()\n  puts(missing)\nend\n");

		List<Program> programs = loader.loadAll(List.of(a, b, c), ModuleSearchPath.NONE);

		assertEquals(3, programs.size());
		assertSame(programs.get(0).main().getResourceSet(), programs.get(2).main().getResourceSet());
		URI sharedUri = URI.createFileURI(shared.toString());
		assertEquals(1, programs.get(0).main().getResourceSet().getResources().stream()
				.filter(resource -> resource.getURI().equals(sharedUri)).count(), "the shared module is read once");
		for (Program importing : programs.subList(0, 2)) {
			assertEquals(List.of(QuartzIssueCodes.TYPE_MISMATCH), codes(importing), "the imported module's error");
			assertEquals(sharedUri, importing.diagnostics().get(0).uri());
		}
		assertEquals(List.of(QuartzIssueCodes.UNDEFINED_NAME), codes(programs.get(2)), "only its own modules' diagnostics");
		assertTrue(programs.get(0).hasErrors());
	}

	@Test
	void aDiagnosticSaysWhereWhatAndHowBad() throws IOException {
		String text = "def main()\n  puts(greeting)\nend\n";
		Path main = write("main.qz", text);

		Program program = loader.load(main, ModuleSearchPath.NONE);

		QuartzDiagnostic diagnostic = program.diagnostics().get(0);
		assertEquals(QuartzDiagnostic.Severity.ERROR, diagnostic.severity());
		assertEquals(QuartzIssueCodes.UNDEFINED_NAME, diagnostic.code());
		assertEquals(URI.createFileURI(main.toString()), diagnostic.uri());
		assertEquals(List.of(2, 8, text.indexOf("greeting"), "greeting".length(), "  puts(greeting)"),
				List.of(diagnostic.line(), diagnostic.column(), diagnostic.offset(), diagnostic.length(), diagnostic.sourceLine()));
		assertFalse(program.mainModule().getElements().isEmpty());
	}

	private Path write(String relative, String text) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	private static List<String> codes(Program program) {
		return program.diagnostics().stream().map(QuartzDiagnostic::code).toList();
	}
}
