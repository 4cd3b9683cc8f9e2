package org.quartz.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The files this bundle ships for compiled programs: the C runtime (runtime/*.c, *.h) and the
 * standard library (stdlib/**.qz). They are read through the class loader, which finds them the
 * same way inside OSGi and on a plain class path. A class loader cannot list a folder inside a
 * jar, so the build writes an index of each folder, FILES, one relative path a line
 * (see build-index.sh).
 */
public enum RuntimeSources {

	/** The C runtime: the sources compiled and linked into every program, and its headers. */
	RUNTIME("runtime"),
	/** The standard library: Quartz modules found by {@code import} after the -I folders. */
	STDLIB("stdlib");

	private final String folder;

	RuntimeSources(String folder) {
		this.folder = folder;
	}

	/** The folder's name in the bundle. */
	public String folder() {
		return folder;
	}

	/** The files of the folder, as paths relative to it with '/' separators, in sorted order. */
	public List<String> files() {
		try (InputStream index = open("FILES");
				BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
			return reader.lines().filter(line -> !line.isBlank()).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The content of one file of the folder. */
	public byte[] read(String relativePath) {
		try (InputStream in = open(relativePath)) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes every file of the folder below {@code target}, keeping the relative paths. */
	public void copyTo(Path target) throws IOException {
		for (String file : files()) {
			Path destination = target.resolve(file);
			Files.createDirectories(destination.getParent());
			Files.write(destination, read(file));
		}
	}

	/**
	 * A SHA-256 digest (hex) of the files' names and contents: it changes whenever a file is
	 * added, removed, renamed or edited, so it can key a cache of what is built from them.
	 */
	public String fingerprint() {
		MessageDigest digest = sha256();
		for (String file : files()) {
			byte[] content = read(file);
			digest.update(file.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(content);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private InputStream open(String relativePath) throws IOException {
		String resource = "/" + folder + "/" + relativePath;
		InputStream in = RuntimeSources.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IOException(resource + " is missing from the org.quartz.runtime bundle");
		}
		return in;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}
}
