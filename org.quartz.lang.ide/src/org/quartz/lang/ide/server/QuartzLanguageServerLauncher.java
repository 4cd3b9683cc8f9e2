package org.quartz.lang.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.xtext.common.TerminalsStandaloneSetup;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.util.Modules2;
import org.quartz.lang.QuartzRuntimeModule;
import org.quartz.lang.ide.QuartzIdeModule;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Runs the Quartz language server over a pair of streams (stdio for {@code quartz lsp}) until
 * the client sends {@code exit} or closes the input.
 */
public final class QuartzLanguageServerLauncher {

	private QuartzLanguageServerLauncher() {
	}

	/**
	 * Serves one client; returns the process exit code the protocol asks for: 0 after
	 * {@code shutdown} + {@code exit} or at the end of the input, 1 on {@code exit} without
	 * {@code shutdown}.
	 */
	@SuppressWarnings("restriction") // the executor service of Xtext's language server is provisional API
	public static int run(InputStream in, OutputStream out, ModuleSearchPath searchPath) {
		Injector language = languageInjector();
		Injector server = Guice.createInjector(
				Modules.override(new ServerModule()).with(new QuartzServerModule(language, searchPath)));
		LanguageServerImpl languageServer = server.getInstance(LanguageServerImpl.class);
		ExitSignal exit = server.getInstance(ExitSignal.class);
		ExecutorService messages = Executors.newCachedThreadPool(daemon("quartz-lsp-messages"));
		try {
			Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>().setLocalService(languageServer)
					.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).setExecutorService(messages)
					.create();
			languageServer.connect(launcher.getRemoteProxy());
			Future<Void> listening = launcher.startListening();
			CompletableFuture<Boolean> endOfInput = CompletableFuture.supplyAsync(() -> {
				try {
					listening.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				} catch (ExecutionException e) {
					// the input broke: the same as its end
				}
				return true;
			}, messages);
			boolean clean = (Boolean) CompletableFuture.anyOf(exit.exited(), endOfInput).join();
			listening.cancel(true);
			return clean ? 0 : 1;
		} finally {
			server.getInstance(ExecutorServiceProvider.class).dispose();
			messages.shutdownNow();
		}
	}

	/** The language's services for this server (the process's one language injector). */
	static Injector languageInjector() {
		// The grammar's binary form (.xtextbin) and the Ecore package; Quartz's own resource
		// factory stays out of EMF's global registry (see LanguageResourceSets).
		TerminalsStandaloneSetup.doSetup();
		EPackage.Registry.INSTANCE.putIfAbsent(QuartzPackage.eNS_URI, QuartzPackage.eINSTANCE);
		return Guice.createInjector(
				Modules2.mixin(new QuartzRuntimeModule(), new QuartzIdeModule(), new ServerLanguageModule()));
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}
}
