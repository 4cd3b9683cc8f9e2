package org.quartz.tests.lsp;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.quartz.lang.ide.server.QuartzLanguageServerLauncher;
import org.quartz.lang.ide.server.ServerOptions;
import org.quartz.tests.e2e.Checkout;

/** The language server on a thread of the test's JVM, connected to a client through pipes. */
public final class InProcessServer implements AutoCloseable {

	public final LspClient client;
	public final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
	private final Pipe toServer;
	private final Pipe toClient;

	public InProcessServer() throws IOException {
		toServer = Pipe.open();
		toClient = Pipe.open();
		ServerOptions options = new ServerOptions(List.of(), stdlib());
		Thread server = new Thread(() -> exitCode.complete(QuartzLanguageServerLauncher.run(
				Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()), options)),
				"quartz-lsp-test-server");
		server.setDaemon(true);
		server.start();
		client = new LspClient(Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
	}

	static Path stdlib() {
		return Checkout.root().resolve("org.quartz.runtime/stdlib");
	}

	@Override
	public void close() throws IOException {
		client.close();
		toServer.sink().close(); // the end of the server's input ends a server still running
		toClient.source().close();
	}
}
