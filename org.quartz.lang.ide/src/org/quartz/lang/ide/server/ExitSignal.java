package org.quartz.lang.ide.server;

import java.util.concurrent.CompletableFuture;

import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;

import com.google.inject.Singleton;

/**
 * Records {@code shutdown} and {@code exit} instead of calling System.exit (Xtext's default), so
 * the server can run inside a test's JVM and the command line picks the exit code.
 */
@Singleton
public class ExitSignal implements ILanguageServerShutdownAndExitHandler {

	private final CompletableFuture<Boolean> exited = new CompletableFuture<>();
	private volatile boolean shutdown;

	@Override
	public void shutdown() {
		shutdown = true;
	}

	@Override
	public void exit() {
		exited.complete(shutdown);
	}

	/** Completes on {@code exit}, with whether {@code shutdown} came first. */
	public CompletableFuture<Boolean> exited() {
		return exited;
	}
}
