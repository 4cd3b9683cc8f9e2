package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.cli.CompileServer;
import org.quartz.codegen.IrGenerator;
import org.quartz.tests.e2e.Checkout;
import org.quartz.tests.e2e.CompilerClassPath;

/**
 * The compile server ({@link CompileServer}) with its real client, tools/quartz-client.c built
 * with cc, as ./quartz runs them: answers in the client's folder, several clients at once,
 * starting on demand, stopping when rebuilt or idle, and the client's way out when no server
 * answers (the command then runs in a JVM of its own: here a stand-in that echoes).
 */
class CompileServerTest {

	private static final String BAD_PROGRAM = "def main()\n  puts(x)\nend\n";
	private static final String BAD_DIAGNOSTIC = "bad.qz:2:8: error[QZ0101]: undefined name 'x'\n  puts(x)\n       ^\n";

	@TempDir
	static Path clientDir;
	private static Path client;

	@TempDir
	Path dir;
	private Path work;
	private Path socket;
	private Path buildId;
	private final List<CompletableFuture<Void>> servers = new ArrayList<>();

	@BeforeAll
	static void buildClient() throws Exception {
		client = clientDir.resolve("quartz-client");
		Process cc = new ProcessBuilder("cc", "-std=c11", "-O2", "-Wall", "-Werror", "-o", client.toString(),
				Checkout.root().resolve("tools/quartz-client.c").toString()).redirectErrorStream(true).start();
		String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, cc.waitFor(), output);
	}

	@BeforeEach
	void folders() throws IOException {
		work = Files.createDirectories(dir.resolve("work"));
		Path server = Files.createDirectories(dir.resolve("server"));
		socket = server.resolve("build-1.sock");
		buildId = Files.writeString(server.resolve("build-id"), "build-1\n");
		Files.writeString(work.resolve("bad.qz"), BAD_PROGRAM);
	}

	@AfterEach
	void stopServers() throws Exception {
		Files.writeString(buildId, "stopped\n");
		for (CompletableFuture<Void> server : servers) {
			server.get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void theServerAnswersInTheClientsFolderAsTheCommandLineWould() throws Exception {
		startServer(CompileServer.IDLE);
		Files.createDirectories(work.resolve("lib"));
		Files.writeString(work.resolve("lib/greeting.qz"), "def greeting(): String\n  \"hi\"\nend\n");
		Files.writeString(work.resolve("main.qz"), "import greeting\n\ndef main()\n  puts(greeting())\nend\n");

		ClientRun bad = client("check", "bad.qz");
		assertEquals(1, bad.exitCode, bad.describe());
		assertEquals(BAD_DIAGNOSTIC, bad.stderr);

		ClientRun ir = client("build", "-I", "lib", "--emit=llvm", "-o", "main.ll", "main.qz");
		assertEquals(0, ir.exitCode, ir.describe());
		assertTrue(Files.readString(work.resolve("main.ll")).contains("define"), "the IR is written in the client's folder");

		ClientRun missing = client("check", "no-such-file.qz");
		assertEquals(1, missing.exitCode, missing.describe());
		assertEquals("error: no-such-file.qz: no such file\n", missing.stderr);
	}

	@Test
	void runHandsTheBuiltProgramToTheClientWhichRunsItWithItsArguments() throws Exception {
		startServer(CompileServer.IDLE);
		Files.writeString(work.resolve("args.qz"), "def main(): Int\n  for arg in args()\n    puts(arg)\n  end\n  3\nend\n");
		ClientRun run = client("run", "args.qz", "a", "b c");
		assertEquals(3, run.exitCode, run.describe());
		assertEquals("a\nb c\n", run.stdout);
	}

	@Test
	void clientsAtOnceEachGetTheirOwnAnswer() throws Exception {
		startServer(CompileServer.IDLE);
		List<CompletableFuture<ClientRun>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String name = "p" + i + ".qz";
			Files.writeString(work.resolve(name), "def main()\n  puts(undefined" + i + ")\nend\n");
			runs.add(CompletableFuture.supplyAsync(() -> client("check", name)));
		}
		for (int i = 0; i < runs.size(); i++) {
			ClientRun run = runs.get(i).get(120, TimeUnit.SECONDS);
			assertEquals(1, run.exitCode, run.describe());
			assertTrue(run.stderr.startsWith("p" + i + ".qz:2:8: error[QZ0101]: undefined name 'undefined" + i + "'"),
					run.describe());
		}
	}

	@Test
	void aRebuildStopsTheServerAndRemovesItsSocket() throws Exception {
		CompletableFuture<Void> server = startServer(CompileServer.IDLE);
		assertEquals(1, client("check", "bad.qz").exitCode);
		Files.writeString(buildId, "build-2\n");
		server.get(30, TimeUnit.SECONDS);
		assertFalse(Files.exists(socket));
	}

	@Test
	void anIdleServerStops() throws Exception {
		CompletableFuture<Void> server = startServer(Duration.ofSeconds(1));
		server.get(30, TimeUnit.SECONDS);
		assertFalse(Files.exists(socket));
	}

	@Test
	void aConnectionThatIsNoClientDoesNotStopTheServer() throws Exception {
		startServer(CompileServer.IDLE);
		try (SocketChannel garbage = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			garbage.write(java.nio.ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
		}
		ClientRun run = client("check", "bad.qz");
		assertEquals(1, run.exitCode, run.describe());
		assertEquals(BAD_DIAGNOSTIC, run.stderr);
	}

	@Test
	void withoutAServerTheClientStartsOneThatLaterClientsUse() throws Exception {
		List<String> serverCommand = List.of(CompilerClassPath.java(), "-cp", CompilerClassPath.get(),
				"org.quartz.cli.CompileServer", socket.toString(), buildId.toString());
		ClientRun first = client(serverCommand, List.of("echo", "fallback"), "check", "bad.qz");
		assertEquals(1, first.exitCode, first.describe());
		assertEquals(BAD_DIAGNOSTIC, first.stderr, "compiled by the server it started, not the fallback");
		ClientRun second = client(List.of("false"), List.of("echo", "fallback"), "check", "bad.qz");
		assertEquals(BAD_DIAGNOSTIC, second.stderr, "the running server answers; no new one is started");
		Files.writeString(buildId, "build-2\n");
		waitUntil(() -> !Files.exists(socket));
	}

	@Test
	void whenNoServerStartsTheCommandRunsWithoutOne() throws Exception {
		ClientRun run = client(List.of("false"), List.of("echo", "fallback:"), "check", "bad.qz");
		assertEquals(0, run.exitCode, run.describe());
		assertEquals("fallback: check bad.qz\n", run.stdout);
		assertTrue(run.stderr.startsWith("quartz: the compile server did not start (see "), run.describe());
	}

	@Test
	void aServerThatStopsBeforeAnsweringLeavesTheCommandToTheFallback() throws Exception {
		CompletableFuture<Void> server = fakeServer(out -> {
		});
		ClientRun run = client(List.of("false"), List.of("echo", "fallback:"), "check", "bad.qz");
		server.get(30, TimeUnit.SECONDS);
		assertEquals("fallback: check bad.qz\n", run.stdout, run.describe());
		assertTrue(run.stderr.startsWith("quartz: the compile server stopped (see "), run.describe());
	}

	@Test
	void aServerThatStopsHalfWayIsAnInternalErrorWithItsOutputSoFar() throws Exception {
		CompletableFuture<Void> server = fakeServer(out -> {
			out.writeByte('O');
			out.writeInt(5);
			out.write("half\n".getBytes(StandardCharsets.US_ASCII));
		});
		ClientRun run = client(List.of("false"), List.of("echo", "fallback:"), "check", "bad.qz");
		server.get(30, TimeUnit.SECONDS);
		assertEquals(3, run.exitCode, run.describe());
		assertEquals("half\n", run.stdout);
		assertTrue(run.stderr.startsWith("quartz: the compile server stopped before it finished (see "), run.describe());
	}

	private CompletableFuture<Void> startServer(Duration idle) throws Exception {
		CompileServer server = new CompileServer(socket, buildId, idle, module -> new IrGenerator(true).generate(module));
		CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
			try {
				server.serve();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		servers.add(serving);
		waitUntil(() -> Files.exists(socket));
		return serving;
	}

	/** A server that reads one request, answers with what {@code answer} writes, and hangs up. */
	private CompletableFuture<Void> fakeServer(Answer answer) throws IOException {
		ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		listener.bind(UnixDomainSocketAddress.of(socket));
		return CompletableFuture.runAsync(() -> {
			try (listener; SocketChannel connection = listener.accept();
					DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection))) {
				DataInputStream in = new DataInputStream(Channels.newInputStream(connection));
				in.readInt(); // the request's start is enough
				answer.write(out);
				out.flush();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@FunctionalInterface
	private interface Answer {
		void write(DataOutputStream out) throws IOException;
	}

	private ClientRun client(String... args) {
		return client(List.of("false"), List.of("false"), args);
	}

	private ClientRun client(List<String> serverCommand, List<String> fallback, String... args) {
		List<String> command = new ArrayList<>(List.of(client.toString(), socket.toString(),
				socket.resolveSibling("server.log").toString(), String.valueOf(serverCommand.size())));
		command.addAll(serverCommand);
		command.add(String.valueOf(fallback.size()));
		command.addAll(fallback);
		command.addAll(List.of(args));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
			builder.environment().put("QUARTZ_CACHE_DIR", Checkout.cache().toString());
			builder.environment().remove("QUARTZ_DEBUG");
			Path stdout = Files.createTempFile(dir, "stdout", ".txt");
			Path stderr = Files.createTempFile(dir, "stderr", ".txt");
			Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
			assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the client finishes");
			return new ClientRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private record ClientRun(int exitCode, String stdout, String stderr) {

		String describe() {
			return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
		}
	}

	@FunctionalInterface
	private interface Condition {
		boolean holds() throws Exception;
	}

	private static void waitUntil(Condition condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.holds()) {
			assertTrue(System.nanoTime() < deadline, "timed out");
			Thread.sleep(20);
		}
	}
}
