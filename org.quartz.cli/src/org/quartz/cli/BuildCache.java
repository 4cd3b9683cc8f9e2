package org.quartz.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.quartz.runtime.RuntimeSources;

/**
 * The per-user cache: the C runtime compiled once per runtime version and C compiler, the
 * standard library extracted from the bundle, and the programs {@code quartz run} builds. Every
 * entry is a folder named after a hash of what it is made from. It is built in a temporary
 * folder and renamed into place, so concurrent compilers never see a half-built entry.
 */
public final class BuildCache {

	private final Path root;

	public BuildCache(Path root) {
		this.root = root;
	}

	/** $QUARTZ_CACHE_DIR, else $XDG_CACHE_HOME/quartz, else ~/.cache/quartz. */
	public static Path defaultRoot(Map<String, String> environment) {
		String explicit = environment.get("QUARTZ_CACHE_DIR");
		if (explicit != null && !explicit.isEmpty()) {
			return Path.of(explicit);
		}
		String xdg = environment.get("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isEmpty()) {
			return Path.of(xdg, "quartz");
		}
		return Path.of(System.getProperty("user.home"), ".cache", "quartz");
	}

	/** The runtime's object files, compiled with the toolchain's C compiler on first use. */
	public List<Path> runtimeObjects(Toolchain tools) throws IOException {
		String key = key(RuntimeSources.RUNTIME.fingerprint(), tools.cc().toString(),
				String.join(" ", Toolchain.RUNTIME_CFLAGS));
		Path entry = entry("runtime-" + key, dir -> {
			Path sources = dir.resolve("src");
			RuntimeSources.RUNTIME.copyTo(sources);
			List<Path> cFiles = RuntimeSources.RUNTIME.files().stream().filter(f -> f.endsWith(".c"))
					.map(sources::resolve).toList();
			tools.compileC(cFiles, sources, dir);
		});
		try (Stream<Path> files = Files.list(entry)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".o")).sorted().toList();
		}
	}

	/** The standard library's folder, extracted on first use: the default --stdlib-path. */
	public Path stdlib() throws IOException {
		return entry("stdlib-" + key(RuntimeSources.STDLIB.fingerprint()), RuntimeSources.STDLIB::copyTo);
	}

	/** Fills a new cache entry's folder. */
	@FunctionalInterface
	public interface Builder {
		void build(Path folder) throws IOException;
	}

	/** The entry's folder, built by {@code builder} when it does not exist yet. */
	public Path entry(String name, Builder builder) throws IOException {
		Path entry = root.resolve(name);
		if (Files.isDirectory(entry)) {
			return entry;
		}
		Path temporary;
		try {
			Files.createDirectories(root);
			temporary = Files.createTempDirectory(root, name + ".tmp-");
		} catch (IOException e) {
			String reason = e instanceof FileSystemException failure && failure.getReason() != null
					? failure.getReason() : e.getClass().getSimpleName();
			throw new QuartzException(
					"cannot use the cache folder " + root + ": " + reason + " (QUARTZ_CACHE_DIR chooses another)");
		}
		try {
			builder.build(temporary);
			Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			if (!Files.isDirectory(entry)) {
				throw e;
			}
			// Another compiler renamed the same entry into place first; it is as good as ours.
		} finally {
			FileTrees.delete(temporary);
		}
		return entry;
	}

	/** A short SHA-256 hex digest of the parts, for naming entries. */
	public static String key(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 12);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JVM lacks SHA-256", e);
		}
	}
}
