package org.quartz.lang.ui.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.resource.XtextResourceSet;
import org.quartz.cli.BuildCache;
import org.quartz.lang.loading.ProgramLoader;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Injector;

/**
 * Every resource set the editor and the workbench features parse Quartz files in, and where
 * their imports are searched: the importing file's folder, then the standard library, extracted
 * once into the same fingerprinted cache folder the command line uses ({@link BuildCache#stdlib()}).
 */
public final class EditorResourceSets {

	private static ModuleSearchPath searchPath;

	private EditorResourceSets() {
	}

	/** A new resource set of the front end ({@link ProgramLoader}), with the editor's search path attached. */
	public static XtextResourceSet create(Injector injector) {
		return injector.getInstance(ProgramLoader.class).newResourceSet(searchPath());
	}

	/** The standard library's folder, extracted on first use. */
	public static Path stdlib() {
		try {
			return new BuildCache(BuildCache.defaultRoot(System.getenv())).stdlib();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot extract the standard library", e);
		}
	}

	private static synchronized ModuleSearchPath searchPath() {
		if (searchPath == null) {
			searchPath = new ModuleSearchPath(List.of(), stdlib());
		}
		return searchPath;
	}
}
