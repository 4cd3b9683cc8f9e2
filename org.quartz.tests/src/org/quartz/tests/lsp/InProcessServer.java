package org.quartz.tests.lsp;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.List;

import org.quartz.lang.ide.server.QuartzLanguageServerLauncher;
import org.quartz.lang.scoping.ModuleSearchPath;
import org.quartz.tests.e2e.Checkout;

/** The language server on a thread of the test's JVM, connected to a client through pipes. */
public final class InProcessServer extends ServerUnderTest {

	private final LspClient client;
	private final Pipe toServer;
	private final Pipe toClient;

	public InProcessServer() throws IOException {
		toServer = Pipe.open();
		toClient = Pipe.open();
		ModuleSearchPath searchPath = new ModuleSearchPath(List.of(), stdlib());
		Thread server = new Thread(() -> exitCode.complete(QuartzLanguageServerLauncher.run(
				Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()), searchPath)),
				"quartz-lsp-test-server");
		server.setDaemon(true);
		server.start();
		client = new LspClient(Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
	}

	@Override
	public LspClient client() {
		return client;
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
