package org.quartz.lang.ide.server;

import org.eclipse.xtext.resource.XtextResourceSet;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Injector;
import com.google.inject.Provider;

/**
 * The server's resource sets, made by the front end's {@link ProgramLoader} with the server's
 * module search path: Quartz resources come from the server's language injector rather than
 * EMF's global registry (which other code in the same JVM may have set).
 */
public class LanguageResourceSets implements Provider<XtextResourceSet> {

	private final Injector languageInjector;
	private final ModuleSearchPath searchPath;

	public LanguageResourceSets(Injector languageInjector, ModuleSearchPath searchPath) {
		this.languageInjector = languageInjector;
		this.searchPath = searchPath;
	}

	@Override
	public XtextResourceSet get() {
		return languageInjector.getInstance(ProgramLoader.class).newResourceSet(searchPath);
	}
}
