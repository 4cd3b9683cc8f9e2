package org.quartz.lang.ide.scoping;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.quartz.lang.scoping.QuartzImportUriResolver;

/**
 * Imports resolved to the URI form the language server uses for workspace files
 * ({@code file:///path}); with the command line's {@code file:/path} an imported workspace file
 * would be a second resource, apart from the one the index and the open editor know.
 */
public class WorkspaceImportUriResolver extends QuartzImportUriResolver {

	@Override
	public String resolve(EObject object) {
		String resolved = super.resolve(object);
		if (resolved == null) {
			return null;
		}
		URI uri = URI.createURI(resolved);
		if (uri.isFile() && uri.authority() == null) {
			uri = URI.createHierarchicalURI(uri.scheme(), "", uri.device(), uri.segments(), uri.query(), uri.fragment());
		}
		return uri.toString();
	}
}
