package org.quartz.lang.ide.server;

import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.service.AbstractGenericModule;
import org.quartz.lang.ide.scoping.WorkspaceImportUriResolver;

/** What the language needs only inside the language server (binding only). */
public class ServerLanguageModule extends AbstractGenericModule {

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return WorkspaceImportUriResolver.class;
	}
}
