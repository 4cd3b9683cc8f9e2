package org.quartz.lang.ide.server;

import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.Injector;
import com.google.inject.Provider;

/**
 * The languages the server knows: Quartz only, through the given language injector. Replaces
 * Xtext's ServiceLoader lookup, which does not see the language's bundle under OSGi.
 */
public class QuartzLanguages implements Provider<IResourceServiceProvider.Registry> {

	public static final String EXTENSION = "qz";

	private final Injector languageInjector;

	public QuartzLanguages(Injector languageInjector) {
		this.languageInjector = languageInjector;
	}

	@Override
	public IResourceServiceProvider.Registry get() {
		IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put(EXTENSION, languageInjector.getInstance(IResourceServiceProvider.class));
		return registry;
	}
}
