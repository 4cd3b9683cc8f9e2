package org.quartz.lang.ui;

import org.quartz.lang.ide.QuartzIdeSetup;

import com.google.inject.Injector;

/** The editor's injector: the language's runtime and IDE services, created once per OSGi runtime. */
public final class QuartzInjector {

	private static Injector injector;

	private QuartzInjector() {
	}

	public static synchronized Injector get() {
		if (injector == null) {
			injector = new QuartzIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}
}
