package org.quartz.lang.ide.server;

import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;
import com.google.inject.Provider;

/**
 * The server's resource sets, each creating Quartz resources through the server's language
 * injector rather than EMF's global registry (which other code in the same JVM may have set).
 */
public class LanguageResourceSets implements Provider<XtextResourceSet> {

	private final Injector languageInjector;

	public LanguageResourceSets(Injector languageInjector) {
		this.languageInjector = languageInjector;
	}

	@Override
	public XtextResourceSet get() {
		XtextResourceSet resourceSet = languageInjector.getInstance(XtextResourceSet.class);
		resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, "UTF-8");
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(QuartzLanguages.EXTENSION,
				languageInjector.getInstance(IResourceFactory.class));
		return resourceSet;
	}
}
