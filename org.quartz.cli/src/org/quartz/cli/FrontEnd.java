package org.quartz.cli;

import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.quartz.lang.QuartzRuntimeModule;
import org.quartz.lang.QuartzStandaloneSetup;
import org.quartz.lang.loading.ProgramLoader;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * The command line's front end: one injector for the whole process (the compile server's
 * requests, every spec of {@code quartz test}, the fuzzer's programs), made on first use. Each
 * program still gets a resource set of its own, which carries its module search path.
 */
public final class FrontEnd {

	private FrontEnd() {
	}

	/** The process's program loader. */
	public static ProgramLoader loader() {
		return Holder.INJECTOR.getInstance(ProgramLoader.class);
	}

	/** Made on first use: {@code quartz --version} and {@code quartz lsp} never load EMF for it. */
	private static final class Holder {

		static final Injector INJECTOR = new QuartzStandaloneSetup() {
			@Override
			public Injector createInjector() {
				return Guice.createInjector(Modules.override(new QuartzRuntimeModule())
						.with(binder -> binder.bind(OnChangeEvictingCache.class).to(BatchResourceCache.class)));
			}
		}.createInjectorAndDoEMFRegistration();
	}
}
