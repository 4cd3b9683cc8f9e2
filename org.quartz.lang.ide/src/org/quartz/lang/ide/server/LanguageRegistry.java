package org.quartz.lang.ide.server;

import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The registry the server's language services look resources up in (e.g. a loaded import or
 * the prelude): Quartz through this injector, instead of EMF's global registry, which other
 * compilations in the same JVM fill with their own injectors.
 */
public class LanguageRegistry implements Provider<IResourceServiceProvider.Registry> {

	@Inject
	private Provider<IResourceServiceProvider> language;

	private IResourceServiceProvider.Registry registry;

	@Override
	public synchronized IResourceServiceProvider.Registry get() {
		if (registry == null) {
			registry = new ResourceServiceProviderRegistryImpl();
			registry.getExtensionToFactoryMap().put(QuartzLanguages.EXTENSION, language.get());
		}
		return registry;
	}
}
