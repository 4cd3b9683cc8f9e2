package org.quartz.tests;

import org.eclipse.xtext.testing.GlobalRegistries;
import org.eclipse.xtext.testing.GlobalRegistries.GlobalStateMemento;
import org.eclipse.xtext.testing.IInjectorProvider;
import org.eclipse.xtext.testing.IRegistryConfigurator;
import org.quartz.lang.QuartzStandaloneSetup;

import com.google.inject.Injector;

/**
 * The injector for Quartz tests (what Xtext generates for a language's test project): one
 * injector for the whole run, with EMF's global registries restored around each test class.
 */
public class QuartzInjectorProvider implements IInjectorProvider, IRegistryConfigurator {

	static {
		GlobalRegistries.initializeDefaults();
	}

	private GlobalStateMemento stateBeforeInjectorCreation;
	private GlobalStateMemento stateAfterInjectorCreation;
	private Injector injector;

	@Override
	public Injector getInjector() {
		if (injector == null) {
			injector = new QuartzStandaloneSetup().createInjectorAndDoEMFRegistration();
			stateAfterInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
		}
		return injector;
	}

	@Override
	public void restoreRegistry() {
		stateBeforeInjectorCreation.restoreGlobalState();
		stateBeforeInjectorCreation = null;
	}

	@Override
	public void setupRegistry() {
		stateBeforeInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
		getInjector();
		stateAfterInjectorCreation.restoreGlobalState();
	}
}
