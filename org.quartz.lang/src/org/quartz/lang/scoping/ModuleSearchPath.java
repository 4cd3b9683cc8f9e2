package org.quartz.lang.scoping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * Where `import a/b/c` looks: the importing file's folder, then each `-I` folder, then the
 * standard library. A value attached to the resource set the program is loaded into, so one
 * injector serves programs with different folders (the compile server, the language server and
 * the editor each load many).
 *
 * @param includeDirs the -I folders, absolute, in order
 * @param stdlibDir   the standard library's folder, searched last; null when there is none
 */
public record ModuleSearchPath(List<Path> includeDirs, Path stdlibDir) {

	/** Only the importing file's folder. */
	public static final ModuleSearchPath NONE = new ModuleSearchPath(List.of(), null);

	public ModuleSearchPath {
		includeDirs = includeDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
		stdlibDir = stdlibDir == null ? null : stdlibDir.toAbsolutePath().normalize();
	}

	/** The search path attached to a resource set, or {@link #NONE}. */
	public static ModuleSearchPath of(ResourceSet resourceSet) {
		if (resourceSet != null) {
			for (Adapter adapter : resourceSet.eAdapters()) {
				if (adapter instanceof Attached attached) {
					return attached.searchPath;
				}
			}
		}
		return NONE;
	}

	/** Makes this the search path of every module loaded into {@code resourceSet} (replacing any earlier one). */
	public void attachTo(ResourceSet resourceSet) {
		resourceSet.eAdapters().removeIf(Attached.class::isInstance);
		resourceSet.eAdapters().add(new Attached(this));
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

	private static final class Attached extends AdapterImpl {

		private final ModuleSearchPath searchPath;

		Attached(ModuleSearchPath searchPath) {
			this.searchPath = searchPath;
		}
	}
}
