package org.quartz.lang.ui.workbench.navigation;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.ide.navigation.QuartzNavigation;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.ui.QuartzInjector;

/**
 * The declaration at an offset of a workspace file, in the resource set of all the workspace's
 * Quartz files ({@link WorkspaceModules}): what find references and rename start from.
 *
 * @param declaration null when no declaration is named there
 */
public record WorkspaceDeclaration(WorkspaceModules modules, NamedElement declaration) {

	public static WorkspaceDeclaration at(IFile file, int offset) throws CoreException {
		WorkspaceModules modules = WorkspaceModules.load();
		XtextResource resource = modules.resource(file);
		NamedElement declaration = resource == null ? null : navigation().declarationAt(resource, offset);
		return new WorkspaceDeclaration(modules, declaration);
	}

	public static QuartzNavigation navigation() {
		return QuartzInjector.get().getInstance(QuartzNavigation.class);
	}
}
