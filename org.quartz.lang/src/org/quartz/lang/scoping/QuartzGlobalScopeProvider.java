package org.quartz.lang.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.quartz.lang.prelude.Prelude;

/** The names of imported modules, then the prelude's, which every module sees. */
public class QuartzGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		LinkedHashSet<URI> uris = new LinkedHashSet<>(super.getImportedUris(resource));
		if (!Prelude.isPrelude(resource)) {
			uris.add(Prelude.uri());
		}
		return uris;
	}
}
