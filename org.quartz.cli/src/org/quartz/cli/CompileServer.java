package org.quartz.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.quartz.lang.quartz.Module;

/**
 * The compile server: a JVM that stays up between runs of {@code quartz check}, {@code build}
 * and {@code run}, so that they skip the JVM's start, the making of the front end and the
 * JIT's warm-up. Its client, {@code tools/quartz-client.c}, starts it on demand and talks to it
 * over a Unix socket ({@link ServerProtocol}). It compiles one request at a time (other clients wait their turn)
 * and stops by itself when it has been idle for {@link #IDLE}, when its socket file is deleted
 * or replaced, or when the compiler was rebuilt: the build id file no longer holds the id it
 * started with.
 */
public final class CompileServer {

	/** How long a server waits for the next request before it stops. */
	public static final Duration IDLE = Duration.ofMinutes(30);
	private static final long WATCH_MILLIS = 500;

	private final Path socket;
	private final Path buildIdFile;
	private final String buildId;
	private final Duration idle;
	private final Function<Module, String> codeGenerator;
	private final ReentrantLock compiling = new ReentrantLock();
	private final AtomicInteger requests = new AtomicInteger();
	private volatile long lastActive = System.nanoTime();
	private ServerSocketChannel listener;
	private Object socketFileKey;

	/**
	 * @param socket      where to listen
	 * @param buildIdFile holds the id of the current build of the compiler; the server stops once it
	 *                    holds another
	 */
	public CompileServer(Path socket, Path buildIdFile, Duration idle, Function<Module, String> codeGenerator)
			throws IOException {
		this.socket = socket;
		this.buildIdFile = buildIdFile;
		this.buildId = readBuildId(buildIdFile);
		this.idle = idle;
		this.codeGenerator = codeGenerator;
	}

	/** {@code CompileServer SOCKET BUILD_ID_FILE}; its own output goes to the log the client chose. */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: CompileServer SOCKET BUILD_ID_FILE");
			System.exit(ExitCode.USAGE);
		}
		new CompileServer(Path.of(args[0]), Path.of(args[1]), IDLE, new QuartzCli.IrBackend()).serve();
		System.exit(ExitCode.OK);
	}

	/**
	 * Listens until one of the reasons to stop, then finishes the requests under way. Returns at
	 * once when another server already listens on the socket.
	 */
	public void serve() throws IOException {
		if (!bind()) {
			return;
		}
		Thread watcher = new Thread(this::watch, "quartz-server-watcher");
		watcher.setDaemon(true);
		watcher.start();
		while (true) {
			SocketChannel client;
			try {
				client = listener.accept();
			} catch (ClosedChannelException e) { // closed by the watcher: time to stop
				break;
			}
			requests.incrementAndGet();
			lastActive = System.nanoTime();
			new Thread(() -> handle(client), "quartz-request").start();
		}
		while (requests.get() > 0) {
			sleep(20);
		}
	}

	private boolean bind() throws IOException {
		Files.createDirectories(socket.getParent());
		if (Files.exists(socket)) {
			try (SocketChannel live = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
				return false; // another server answers there
			} catch (IOException e) {
				Files.deleteIfExists(socket); // left by a server that died
			}
		}
		listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		listener.bind(UnixDomainSocketAddress.of(socket));
		socketFileKey = fileKey(socket);
		return true;
	}

	private void watch() {
		while (true) {
			sleep(WATCH_MILLIS);
			boolean ownSocket = socketFileKey != null && socketFileKey.equals(fileKey(socket));
			boolean rebuilt = !buildId.equals(readBuildIdOrNull(buildIdFile));
			boolean idleTooLong = requests.get() == 0 && System.nanoTime() - lastActive > idle.toNanos();
			if (!ownSocket || rebuilt || idleTooLong) {
				try {
					// Deleted first: a client that comes now starts a new server instead of waiting on this one.
					if (ownSocket) {
						Files.deleteIfExists(socket);
					}
					listener.close();
				} catch (IOException e) {
					System.err.println("quartz server: cannot stop listening: " + e);
				}
				return;
			}
		}
	}

	private void handle(SocketChannel client) {
		try (client;
				DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
				DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)))) {
			Request request = Request.read(in);
			compiling.lock();
			try {
				answer(request, out);
				client.close();
				collectGarbageWhenYoungGenerationIsFilling();
			} finally {
				compiling.unlock();
			}
		} catch (IOException e) {
			System.err.println("quartz server: a request failed: " + e); // the client reports its side
		} finally {
			lastActive = System.nanoTime();
			requests.decrementAndGet();
		}
	}

	private void answer(Request request, DataOutputStream out) throws IOException {
		PrintStream stdout = new PrintStream(new BufferedOutputStream(new FrameStream(out, ServerProtocol.STDOUT), 1 << 16),
				false, StandardCharsets.UTF_8);
		PrintStream stderr = new PrintStream(new BufferedOutputStream(new FrameStream(out, ServerProtocol.STDERR), 1 << 12),
				false, StandardCharsets.UTF_8);
		List<String> program = new ArrayList<>();
		ProgramRunner handToClient = builder -> {
			program.addAll(builder.command());
			return ExitCode.OK;
		};
		int exitCode = new QuartzCli(stdout, stderr, request.environment(), request.workingDir(), codeGenerator, handToClient).run(request.args());
		stdout.flush();
		stderr.flush();
		if (program.isEmpty()) {
			out.writeByte(ServerProtocol.EXIT);
			out.writeInt(exitCode);
		} else {
			out.writeByte(ServerProtocol.RUN);
			out.writeInt(program.size());
			for (String word : program) {
				ServerProtocol.writeString(out, word);
			}
		}
		out.flush();
	}

	/**
	 * Collects now, after the answer, when the next compilation might fill the young generation:
	 * a collection during a compilation copies the compilation's whole model (most of a large
	 * program's check time went to that), one between compilations has little left to copy. The
	 * server's young generation is sized to hold a large program's allocations (./quartz).
	 */
	private static void collectGarbageWhenYoungGenerationIsFilling() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage usage = pool.getUsage();
			if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden") && usage.getMax() > 0
					&& usage.getUsed() > usage.getMax() / 4) {
				System.gc();
				return;
			}
		}
	}

	/** One run of the command line, as the client sent it. */
	private record Request(Path workingDir, Map<String, String> environment, String[] args) {

		static Request read(DataInputStream in) throws IOException {
			if (in.readInt() != ServerProtocol.MAGIC) {
				throw new IOException("not a quartz client");
			}
			Path workingDir = Path.of(ServerProtocol.readString(in));
			if (!workingDir.isAbsolute()) {
				throw new IOException("malformed request: a relative working folder");
			}
			Map<String, String> environment = new HashMap<>();
			for (int i = ServerProtocol.readCount(in); i > 0; i--) {
				environment.put(ServerProtocol.readString(in), ServerProtocol.readString(in));
			}
			String[] args = new String[ServerProtocol.readCount(in)];
			for (int i = 0; i < args.length; i++) {
				args[i] = ServerProtocol.readString(in);
			}
			return new Request(workingDir, environment, args);
		}
	}

	/** Writes each chunk as a frame of one kind; stdout and stderr share the socket. */
	private static final class FrameStream extends OutputStream {

		private final DataOutputStream out;
		private final byte kind;

		FrameStream(DataOutputStream out, byte kind) {
			this.out = out;
			this.kind = kind;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			synchronized (out) {
				out.writeByte(kind);
				out.writeInt(length);
				out.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			synchronized (out) {
				out.flush();
			}
		}
	}

	private static String readBuildId(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

	private static String readBuildIdOrNull(Path file) {
		try {
			return readBuildId(file);
		} catch (IOException e) {
			return null;
		}
	}

	/** Tells this server's socket file from one made later at the same path; null when there is none. */
	private static Object fileKey(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
		} catch (IOException e) {
			return null;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
