package org.quartz.tests.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.quartz.codegen.IrGenerator;
import org.quartz.lang.quartz.Module;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The golden programs under golden/ (one per lowering) and the IR the compiler gives for them.
 * Each compilation uses a fresh resource set, as the command line does.
 */
public class GoldenPrograms {

	/** One program per lowering: closures, structs and enums, strings, arithmetic, control flow, tasks, state machines, select forms, globals, actors. */
	public static final List<String> NAMES = List.of("closures", "structs_enums", "strings", "arithmetic",
			"control_flow", "tasks_channels", "async_state_machine", "select_forms", "globals", "actors", "floats", "eq_show",
			"traits");

	@Inject
	private ParseHelper<Module> parser;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private ValidationTestHelper validation;

	public static String read(String path) {
		try (InputStream in = GoldenPrograms.class.getResourceAsStream("/golden/" + path)) {
			if (in == null) {
				throw new AssertionError("missing golden/" + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The IR of golden program {@code name}, after checking it has no errors. */
	public String compile(String name) {
		return compileSource(name + ".qz", read(name + ".qz"));
	}

	/** The IR of a program given as text, after checking it has no errors. */
	public String compileSource(String fileName, String source) {
		try {
			Module module = parser.parse(source, URI.createURI(fileName), resourceSets.get());
			validation.assertNoErrors(module);
			return new IrGenerator(true).generate(module);
		} catch (Exception e) {
			throw new AssertionError("cannot compile " + fileName, e);
		}
	}
}
