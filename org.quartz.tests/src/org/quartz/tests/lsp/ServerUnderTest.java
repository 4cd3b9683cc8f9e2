package org.quartz.tests.lsp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** A language server a test talks to through {@link #client}: on a thread of the test's JVM, or a {@code quartz lsp} process. */
public abstract class ServerUnderTest implements AutoCloseable {

	/** Completes with the server's exit code. */
	public final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

	public abstract LspClient client();

	/** What the server wrote besides the protocol (its stderr), for failure messages; empty when it has none of its own. */
	String log() {
		return "";
	}

	@Override
	public abstract void close() throws IOException;
}
