package org.quartz.lang.ide.server;

import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.service.AbstractGenericModule;
import org.quartz.lang.ide.scoping.WorkspaceImportUriResolver;

import com.google.inject.Binder;
import com.google.inject.Singleton;

/** What the language needs only inside the language server (binding only). */
public class ServerLanguageModule extends AbstractGenericModule {

	public void configureResourceServiceProviderRegistry(Binder binder) {
		binder.bind(IResourceServiceProvider.Registry.class).toProvider(LanguageRegistry.class).in(Singleton.class);
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return WorkspaceImportUriResolver.class;
	}
}
