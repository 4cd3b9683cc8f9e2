package org.quartz.lang.ui.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.quartz.cli.BuildCache;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Injector;

/**
 * Every resource set the editor and the workbench features parse Quartz files in, and where
 * their imports are searched: the importing file's folder, then the standard library, extracted
 * once into the same fingerprinted cache folder the command line uses ({@link BuildCache#stdlib()}).
 */
public final class EditorResourceSets {

	private static Injector configured;

	private EditorResourceSets() {
	}

	/** A new resource set creating Quartz resources through {@code injector}, whatever EMF's global registry holds. */
	public static XtextResourceSet create(Injector injector) {
		configureSearchPath(injector);
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, "UTF-8");
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("qz",
				injector.getInstance(IResourceFactory.class));
		return resourceSet;
	}

	/** The standard library's folder, extracted on first use. */
	public static Path stdlib() {
		try {
			return new BuildCache(BuildCache.defaultRoot(System.getenv())).stdlib();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot extract the standard library", e);
		}
	}

	private static synchronized void configureSearchPath(Injector injector) {
		if (configured != injector) {
			injector.getInstance(ModuleSearchPath.class).setStdlibDir(stdlib());
			configured = injector;
		}
	}
}
