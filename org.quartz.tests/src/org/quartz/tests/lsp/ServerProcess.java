package org.quartz.tests.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.quartz.tests.e2e.Checkout;
import org.quartz.tests.e2e.CompilerClassPath;

/** {@code quartz lsp} as its own process, as an editor starts it, spoken to over its stdin and stdout. */
final class ServerProcess extends ServerUnderTest {

	private final Process process;
	private final Path stderr;
	private final LspClient client;

	/** @param logFolder where the server's stderr is kept */
	ServerProcess(Path logFolder) throws IOException {
		stderr = Files.createTempFile(logFolder, "quartz-lsp-", ".stderr");
		// The JIT and collector settings ./quartz starts a short-lived compiler with.
		ProcessBuilder builder = new ProcessBuilder(CompilerClassPath.java(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", CompilerClassPath.get(),
				"org.quartz.cli.Main", "lsp", "--stdlib-path", InProcessServer.stdlib().toString());
		builder.environment().put("QUARTZ_CACHE_DIR", Checkout.cache().toString());
		builder.redirectError(stderr.toFile());
		process = builder.start();
		process.onExit().thenAccept(exited -> exitCode.complete(exited.exitValue()));
		client = new LspClient(process.getInputStream(), process.getOutputStream());
	}

	@Override
	public LspClient client() {
		return client;
	}

	@Override
	String log() {
		try {
			return Files.readString(stderr);
		} catch (IOException e) {
			return "(stderr unreadable: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws IOException {
		client.close();
		process.destroyForcibly();
	}
}
