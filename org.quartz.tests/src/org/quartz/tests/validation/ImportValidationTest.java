package org.quartz.tests.validation;

import static org.quartz.tests.validation.Diagnostics.assertErrorAt;
import static org.quartz.tests.validation.Diagnostics.assertNoIssues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.scoping.ModuleSearchPath;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** Imports resolve against real files: the importing file's folder, then the -I folders. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ImportValidationTest {

	@Inject
	private Injector injector;

	@TempDir
	Path dir;

	@Test
	void importFromTheFilesFolder() throws IOException {
		write("lib/util.qz", "def helper(): Int = 1\n");
		Path main = write("main.qz", "import lib/util\ndef main()\n  puts(\"#{helper()}\")\nend\n");
		assertNoIssues(validate(main));
	}

	@Test
	void moduleNotFound() throws IOException {
		write("lib/util.qz", "def helper(): Int = 1\n");
		Path main = write("main.qz", "import lib/util\nimport nowhere/mod\ndef main()\nend\n");
		assertErrorAt(validate(main), QuartzIssueCodes.MODULE_NOT_FOUND, 2, 8);
	}

	@Test
	void importingAProgram() throws IOException {
		write("prog.qz", "puts(\"I am a program\")\n");
		Path main = write("main.qz", "import * from prog\ndef main()\nend\n");
		assertErrorAt(validate(main), QuartzIssueCodes.STATEMENT_IN_IMPORTED_MODULE, 1, 15);
	}

	@Test
	void importFromAnIncludeFolder(@TempDir Path includeDir) throws IOException {
		Files.createDirectories(includeDir.resolve("qspec"));
		Files.writeString(includeDir.resolve("qspec/runner.qz"), "def check(b: Bool): Bool = b\n");
		Path main = write("main.qz", "import qspec/runner\ncheck(true)\n");
		assertErrorAt(validate(main), QuartzIssueCodes.MODULE_NOT_FOUND, 1, 8);
		assertNoIssues(validate(main, new ModuleSearchPath(List.of(includeDir), null)));
	}

	private Path write(String relative, String text) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	/** Loads a file in a fresh resource set and validates it as the compiler does. */
	private List<Issue> validate(Path file) {
		return validate(file, ModuleSearchPath.NONE);
	}

	/** Loads a file into a resource set of the front end, with the search path attached, and validates it. */
	private List<Issue> validate(Path file, ModuleSearchPath searchPath) {
		XtextResourceSet resources = injector.getInstance(ProgramLoader.class).newResourceSet(searchPath);
		Resource resource = resources.getResource(URI.createFileURI(file.toString()), true);
		return injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}
}
