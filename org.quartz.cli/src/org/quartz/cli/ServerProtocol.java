package org.quartz.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the compile server and its client ({@code tools/quartz-client.c}) say over the server's
 * Unix socket. Integers are 4 bytes, big-endian; strings a length and that many bytes of UTF-8.
 *
 * <p>A request: {@link #MAGIC}, the client's working folder, its environment (a count, then
 * name and value pairs) and its arguments (a count, then each). The answer: frames, each a kind
 * byte: {@link #STDOUT} or {@link #STDERR} with a length and that many bytes, then one final
 * {@link #EXIT} with the exit code, or {@link #RUN} with a command (a count, then each word)
 * that the client runs in the foreground (the program of {@code quartz run}, which needs the
 * user's terminal).
 */
final class ServerProtocol {

	static final int MAGIC = 0x515A5331; // "QZS1"
	static final byte STDOUT = 'O';
	static final byte STDERR = 'E';
	static final byte EXIT = 'X';
	static final byte RUN = 'R';

	/** Bounds what a request may announce, so that garbage on the socket cannot exhaust memory. */
	private static final int MAX_STRING_BYTES = 1 << 24;
	private static final int MAX_COUNT = 1 << 16;

	private ServerProtocol() {
	}

	static void writeString(DataOutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > MAX_STRING_BYTES) {
			throw new IOException("malformed request: a string of " + length + " bytes");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	static int readCount(DataInputStream in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_COUNT) {
			throw new IOException("malformed request: a count of " + count);
		}
		return count;
	}
}
