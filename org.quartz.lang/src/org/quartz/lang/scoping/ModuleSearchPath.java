package org.quartz.lang.scoping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.inject.Singleton;

/**
 * Where `import a/b/c` looks: the importing file's folder, then each `-I` folder, then the
 * standard library. Set once by the command line before compiling.
 */
@Singleton
public class ModuleSearchPath {

	private final List<Path> includeDirs = new ArrayList<>();
	private Path stdlibDir;

	public void addIncludeDir(Path dir) {
		includeDirs.add(dir.toAbsolutePath().normalize());
	}

	public void setStdlibDir(Path dir) {
		stdlibDir = dir == null ? null : dir.toAbsolutePath().normalize();
	}

	/** The folders searched, in order, for a file in {@code fromDir} (null: none). */
	public List<Path> folders(Path fromDir) {
		List<Path> dirs = new ArrayList<>();
		if (fromDir != null) {
			dirs.add(fromDir);
		}
		dirs.addAll(includeDirs);
		if (stdlibDir != null) {
			dirs.add(stdlibDir);
		}
		return dirs;
	}

	/** The file a module path names, seen from a file in {@code fromDir}; empty when none exists. */
	public Optional<Path> find(String modulePath, Path fromDir) {
		// The path's value joins its tokens with a space where whitespace separated them (`a / b`).
		String relative = modulePath.replace(" ", "") + ".qz";
		return folders(fromDir).stream().map(dir -> dir.resolve(relative).normalize()).filter(Files::isRegularFile).findFirst();
	}
}
