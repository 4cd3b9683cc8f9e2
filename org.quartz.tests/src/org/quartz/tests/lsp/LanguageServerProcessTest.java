package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.tests.e2e.Checkout;
import org.quartz.tests.e2e.CompilerClassPath;

/** `quartz lsp` as its own process, spoken to over its stdin and stdout. */
class LanguageServerProcessTest {

	@TempDir
	Path workspace;

	@Test
	void quartzLspServesAClientOverStdioAndExitsCleanly() throws Exception {
		String classPath = CompilerClassPath.get();
		ProcessBuilder builder = new ProcessBuilder(CompilerClassPath.java(),
				"-cp", classPath, "org.quartz.cli.Main", "lsp");
		builder.environment().put("QUARTZ_CACHE_DIR", Checkout.cache().toString());
		builder.redirectError(workspace.resolve("stderr.txt").toFile());
		Process process = builder.start();
		Recording stdout = new Recording(process.getInputStream());
		try (LspClient client = new LspClient(stdout, process.getOutputStream())) {
			client.initialize(workspace);
			String uri = client.open(workspace.resolve("bad.qz"), "def main()\n  puts(undefined_name)\nend\n");
			List<Diagnostic> diagnostics = client.diagnostics(uri);
			assertEquals(1, diagnostics.size(), diagnostics.toString());
			assertEquals("QZ0101", diagnostics.get(0).getCode().getLeft());
			assertEquals(1, diagnostics.get(0).getRange().getStart().getLine());
			String typing = "def main()\n  puts(\"a\")\n  pu\nend\n";
			String typingUri = client.open(workspace.resolve("typing.qz"), typing);
			List<String> labels = client.server.getTextDocumentService()
					.completion(new CompletionParams(LspClient.document(typingUri), LspClient.at(typing, "  pu\n", 0, 4)))
					.get(60, TimeUnit.SECONDS).getRight().getItems().stream().map(CompletionItem::getLabel).toList();
			assertTrue(labels.contains("puts"), "completion of a half-typed name at the start of a statement: " + labels);
			client.shutdown();
			assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server exits after shutdown + exit");
		} catch (Exception e) {
			throw new AssertionError("the server (alive: " + process.isAlive() + ", class path " + classPath
					+ ") failed; its stderr:\n" + Files.readString(workspace.resolve("stderr.txt")), e);
		} finally {
			process.destroyForcibly();
		}
		assertEquals(0, process.exitValue(), Files.readString(workspace.resolve("stderr.txt")));
		assertOnlyJsonRpc(stdout.bytes());
	}

	/** Every byte of the output is a `Content-Length` framed JSON message. */
	private static void assertOnlyJsonRpc(byte[] output) {
		Pattern header = Pattern.compile("Content-Length: (\\d+)\r\n\r\n");
		String text = new String(output, StandardCharsets.ISO_8859_1); // byte offsets = char offsets
		int position = 0;
		while (position < text.length()) {
			Matcher matcher = header.matcher(text);
			assertTrue(matcher.find(position) && matcher.start() == position,
					"not a JSON-RPC header at byte " + position + ": " + text.substring(position, Math.min(text.length(), position + 80)));
			int length = Integer.parseInt(matcher.group(1));
			String body = text.substring(matcher.end(), matcher.end() + length);
			assertTrue(body.startsWith("{") && body.endsWith("}"), body);
			position = matcher.end() + length;
		}
	}

	/** Keeps a copy of everything read from the server's stdout. */
	private static final class Recording extends FilterInputStream {

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		Recording(InputStream in) {
			super(in);
		}

		@Override
		public synchronized int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				copy.write(b);
			}
			return b;
		}

		@Override
		public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				copy.write(buffer, offset, n);
			}
			return n;
		}

		synchronized byte[] bytes() {
			return copy.toByteArray();
		}
	}
}
