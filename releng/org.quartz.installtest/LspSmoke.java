import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Language Server Protocol client for the product test: starts {@code quartz lsp} from
 * an installation's Equinox launcher and speaks JSON-RPC over its stdin and stdout: initialize,
 * initialized, didOpen of a file with an error (the server publishes its QZ diagnostic),
 * shutdown and exit. Checks every answer, that stdout held only framed JSON-RPC and that the
 * server exits with 0. Exits 1 with a message on the first mismatch.
 *
 * Usage: java LspSmoke.java LAUNCHER_JAR WORK_DIR
 */
public class LspSmoke {

	private static final long TIMEOUT_SECONDS = 120;
	private static final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
	private static volatile String framingError;
	private static Path stderr;
	private static Thread reader;

	public static void main(String[] args) throws Exception {
		Path launcher = Path.of(args[0]);
		Path work = Path.of(args[1]).toAbsolutePath();
		Files.createDirectories(work);
		stderr = work.resolve("lsp-stderr.txt");
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				launcher.toString(), "-application", "org.quartz.cli.app", "-nosplash", "-data", "@none", "lsp")
				.directory(work.toFile()).redirectError(stderr.toFile()).start();
		try {
			reader = new Thread(() -> read(server.getInputStream()), "lsp-reader");
			reader.setDaemon(true);
			reader.start();
			OutputStream in = server.getOutputStream();
			String root = work.toUri().toString();

			send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
					+ "\"rootUri\":\"" + root + "\",\"capabilities\":{}}}");
			String initialized = await(server, "the initialize response", "\"id\":\"?1\"?[,}]");
			check(initialized.contains("\"capabilities\""), "the initialize response has no capabilities: " + initialized);
			System.out.println("ok: lsp: initialize answered with the server's capabilities");
			send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");

			String uri = work.resolve("bad.qz").toUri().toString();
			send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
					+ uri + "\",\"languageId\":\"quartz\",\"version\":1,"
					+ "\"text\":\"def main()\\n  puts(undefined_name)\\nend\\n\"}}}");
			String diagnostics = await(server, "diagnostics of bad.qz",
					"\"method\":\"textDocument/publishDiagnostics\".*" + Pattern.quote(uri) + ".*QZ[0-9]{4}");
			check(diagnostics.contains("\"code\":\"QZ0101\""), "expected the diagnostic QZ0101: " + diagnostics);
			check(diagnostics.matches(".*\"start\":\\{\"line\":1,.*"), "expected the diagnostic on line 2 (1 from 0): " + diagnostics);
			System.out.println("ok: lsp: didOpen of a file with an unknown name published QZ0101 on its line");

			send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");
			String shutdown = await(server, "the shutdown response", "\"id\":\"?2\"?[,}]");
			check(!shutdown.contains("\"error\""), "shutdown failed: " + shutdown);
			send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
			in.close();
			check(server.waitFor(60, TimeUnit.SECONDS), "the server did not exit within 60 s of exit");
			check(server.exitValue() == 0, "the server exited with " + server.exitValue() + ", not 0");
			reader.join(10_000);
			check(framingError == null, "stdout is not only JSON-RPC: " + framingError);
			System.out.println("ok: lsp: shutdown and exit, exit code 0, stdout only JSON-RPC");
		} finally {
			server.destroyForcibly();
		}
	}

	private static void send(OutputStream in, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		in.write(body);
		in.flush();
	}

	/** The first message (skipping others, such as log messages) that matches REGEX somewhere. */
	private static String await(Process server, String what, String regex) throws Exception {
		Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (true) {
			String message = messages.poll(1, TimeUnit.SECONDS);
			// the reader may still be parsing the last output of a server that has exited
			if (message == null && !server.isAlive() && !reader.isAlive() && messages.isEmpty()) {
				fail("the server exited with code " + server.exitValue() + " before sending " + what);
			}
			if (message == null && System.nanoTime() > deadline) {
				fail("got no " + what + " within " + TIMEOUT_SECONDS + " s" + (framingError == null ? "" : "; " + framingError));
			}
			if (message == null) {
				continue;
			}
			if (pattern.matcher(message).find()) {
				return message;
			}
		}
	}

	/** Splits stdout into Content-Length framed messages; anything else is a framing error. */
	private static void read(InputStream out) {
		Pattern header = Pattern.compile("Content-Length: (\\d+)\r\n(?:[^\r\n]+\r\n)*\r\n");
		try {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			for (int n = out.read(chunk); n >= 0; n = out.read(chunk)) {
				buffer.write(chunk, 0, n);
				String text = buffer.toString(StandardCharsets.ISO_8859_1); // one char per byte
				int position = 0;
				while (true) {
					Matcher m = header.matcher(text);
					if (!m.find(position)) {
						break;
					}
					if (m.start() != position) {
						framingError = "unexpected output: " + text.substring(position, Math.min(m.start(), position + 120));
						return;
					}
					int length = Integer.parseInt(m.group(1));
					if (m.end() + length > text.length()) {
						break;
					}
					messages.add(new String(text.substring(m.end(), m.end() + length).getBytes(StandardCharsets.ISO_8859_1),
							StandardCharsets.UTF_8));
					position = m.end() + length;
				}
				byte[] rest = text.substring(position).getBytes(StandardCharsets.ISO_8859_1);
				buffer.reset();
				buffer.write(rest, 0, rest.length);
				// what is left must be the start of the next message
				if (rest.length > 0 && !"Content-Length: ".startsWith(new String(rest, 0, Math.min(rest.length, 16),
						StandardCharsets.ISO_8859_1))) {
					framingError = "unexpected output: " + new String(rest, 0, Math.min(rest.length, 120), StandardCharsets.ISO_8859_1);
					return;
				}
			}
		} catch (IOException e) {
			framingError = "reading stdout failed: " + e.getMessage();
		}
	}

	private static void check(boolean condition, String message) throws IOException {
		if (!condition) {
			fail(message);
		}
	}

	private static void fail(String message) throws IOException {
		System.out.println("FAIL: " + message);
		if (Files.exists(stderr)) {
			System.out.println("--- the server's stderr:");
			System.out.println(Files.readString(stderr));
		}
		System.exit(1);
	}
}
