package org.quartz.lang.loading;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.quartz.Module;

/**
 * A loaded program: its main file's resource, in a resource set with every module it imports,
 * all linked, and the diagnostics of its modules.
 *
 * @param main        the main file's resource
 * @param diagnostics the errors and warnings of the main module and every module it imports
 *                    (not the prelude's), sorted by file, then position
 */
public record Program(XtextResource main, List<QuartzDiagnostic> diagnostics) {

	public Program {
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == QuartzDiagnostic.Severity.ERROR);
	}

	/** The main file's module; only meaningful when there are no errors (null for an empty parse). */
	public Module mainModule() {
		return main.getContents().isEmpty() ? null : (Module) main.getContents().get(0);
	}
}
