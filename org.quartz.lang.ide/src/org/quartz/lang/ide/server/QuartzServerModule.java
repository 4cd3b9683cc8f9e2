package org.quartz.lang.ide.server;

import java.util.concurrent.ExecutorService;

import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;

import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Singleton;

/** Binds the server's own services over Xtext's ServerModule (binding only). */
public class QuartzServerModule extends AbstractModule {

	private final Injector languageInjector;
	private final ModuleSearchPath searchPath;

	/** @param searchPath where the server's resource sets look for imported modules */
	public QuartzServerModule(Injector languageInjector, ModuleSearchPath searchPath) {
		this.languageInjector = languageInjector;
		this.searchPath = searchPath;
	}

	@Override
	@SuppressWarnings("restriction") // the executor service of Xtext's language server is provisional API
	protected void configure() {
		bind(IResourceServiceProvider.Registry.class).toProvider(new QuartzLanguages(languageInjector)).in(Singleton.class);
		bind(XtextResourceSet.class).toProvider(new LanguageResourceSets(languageInjector, searchPath));
		bind(LanguageServer.class).to(QuartzLanguageServer.class);
		bind(LanguageServerImpl.class).to(QuartzLanguageServer.class);
		bind(ILanguageServerShutdownAndExitHandler.class).to(ExitSignal.class);
		bind(ExecutorServiceProvider.class).to(DeepStackExecutors.class);
		bind(ExecutorService.class).toProvider(DeepStackExecutors.class);
	}
}
