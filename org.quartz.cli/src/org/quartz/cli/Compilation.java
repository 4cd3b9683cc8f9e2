package org.quartz.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.quartz.cli.Diagnostic.Severity;
import org.quartz.lang.QuartzRuntimeModule;
import org.quartz.lang.QuartzStandaloneSetup;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * The front end for one program: loads the main file and every module it imports, resolves all
 * names and validates every loaded module except the prelude.
 */
public final class Compilation {

	private static final Pattern QUARTZ_CODE = Pattern.compile("QZ\\d{4}");
	private static final AtomicBoolean EMF_REGISTERED = new AtomicBoolean();

	private final Module mainModule;
	private final List<Diagnostic> diagnostics;

	private Compilation(Module mainModule, List<Diagnostic> diagnostics) {
		this.mainModule = mainModule;
		this.diagnostics = diagnostics;
	}

	/**
	 * The loaders of one process, one per set of module folders, kept for the next program with
	 * the same folders: making a loader's injector costs more than checking a small program. The
	 * least recently used goes when there are more than {@link #CAPACITY}.
	 */
	public static final class Loaders {

		private static final int CAPACITY = 8;

		private final Map<List<Path>, Loader> loaders = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<List<Path>, Loader> eldest) {
				return size() > CAPACITY;
			}
		};

		/** The loader for these folders (absolute paths), made on first use. */
		public synchronized Loader get(List<Path> includeDirs, Path stdlibDir) {
			List<Path> key = new ArrayList<>(includeDirs);
			key.add(stdlibDir);
			return loaders.computeIfAbsent(List.copyOf(key), k -> new Loader(includeDirs, stdlibDir));
		}
	}

	/**
	 * Loads programs with one set of module folders. Each program gets a fresh resource set; the
	 * injector (costly to make) is shared, so a tool compiling many programs in one process (the
	 * fuzzer) keeps one loader.
	 */
	public static final class Loader {

		private final Injector injector;

		/**
		 * @param includeDirs the -I folders, searched by {@code import} after the importing file's folder
		 * @param stdlibDir   the standard library's folder, searched last
		 */
		public Loader(List<Path> includeDirs, Path stdlibDir) {
			// An injector per set of folders: ModuleSearchPath is a singleton of its injector.
			injector = newInjector();
			ModuleSearchPath searchPath = injector.getInstance(ModuleSearchPath.class);
			includeDirs.forEach(searchPath::addIncludeDir);
			searchPath.setStdlibDir(stdlibDir);
		}

		/** @param mainFile the main file's path as the user gave it (diagnostics show it so) */
		public Compilation load(String mainFile) {
			return load(mainFile, Path.of("").toAbsolutePath());
		}

		/**
		 * @param mainFile   the main file's path as the user gave it (diagnostics show it so)
		 * @param workingDir the folder relative paths start from (the user's, also in the compile server)
		 */
		public Compilation load(String mainFile, Path workingDir) {
			Path mainPath = workingDir.resolve(mainFile);
			if (Files.isDirectory(mainPath)) {
				throw new QuartzException(mainFile + ": is a folder, not a source file");
			}
			if (!Files.isRegularFile(mainPath)) {
				throw new QuartzException(mainFile + ": no such file");
			}
			XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
			resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, "UTF-8");
			IResourceFactory factory = injector.getInstance(IResourceFactory.class);
			// Modules load through this injector's factory, whatever the global registry holds.
			resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("qz", factory);

			URI mainUri = URI.createFileURI(mainPath.toAbsolutePath().normalize().toString());
			Resource main = factory.createResource(mainUri); // by URI, so any file extension works
			resourceSet.getResources().add(main);
			try {
				main.load(resourceSet.getLoadOptions());
			} catch (IOException e) {
				throw new QuartzException(mainFile + ": cannot read: " + e.getMessage());
			}
			EcoreUtil2.resolveAll(resourceSet);

			List<Diagnostic> diagnostics = validate(resourceSet, injector.getInstance(IResourceValidator.class),
					new SourceNames(mainUri, mainFile, workingDir));
			Module mainModule = main.getContents().isEmpty() ? null : (Module) main.getContents().get(0);
			return new Compilation(mainModule, diagnostics);
		}
	}

	/** Errors and warnings in every module of the program, sorted by file, then position. */
	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
	}

	/** The main file's module; only meaningful when there are no errors. */
	public Module mainModule() {
		return mainModule;
	}

	private static Injector newInjector() {
		QuartzStandaloneSetup setup = new QuartzStandaloneSetup() {
			@Override
			public Injector createInjector() {
				return Guice.createInjector(Modules.override(new QuartzRuntimeModule())
						.with(binder -> binder.bind(OnChangeEvictingCache.class).to(BatchResourceCache.class)));
			}
		};
		if (EMF_REGISTERED.compareAndSet(false, true)) {
			return setup.createInjectorAndDoEMFRegistration();
		}
		return setup.createInjector();
	}

	/** Validates every loaded module but the prelude; the diagnostics sorted by file, then position. */
	private static List<Diagnostic> validate(XtextResourceSet resourceSet, IResourceValidator validator,
			SourceNames names) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			if (resource instanceof XtextResource module && !Prelude.isPrelude(module)) {
				String text = module.getParseResult() == null ? "" : module.getParseResult().getRootNode().getText();
				String[] lines = text.split("\r?\n", -1); // once per module, not per diagnostic
				for (Issue issue : validator.validate(module, CheckMode.ALL, CancelIndicator.NullImpl)) {
					toDiagnostic(issue, names.of(module.getURI()), lines).ifPresent(diagnostics::add);
				}
			}
		}
		diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
				.thenComparingInt(Diagnostic::column));
		return List.copyOf(diagnostics);
	}

	private static Optional<Diagnostic> toDiagnostic(Issue issue, String file, String[] lines) {
		Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		default -> null;
		};
		if (severity == null) {
			return Optional.empty();
		}
		String code = issue.getCode() != null && QUARTZ_CODE.matcher(issue.getCode()).matches() ? issue.getCode()
				: Diagnostic.UNCODED;
		int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 0 : issue.getColumn();
		String sourceLine = line > 0 && line <= lines.length ? lines[line - 1] : null;
		return Optional.of(new Diagnostic(severity, code, issue.getMessage(), file, line, column, sourceLine));
	}

	/** How diagnostics name files: the main file as the user gave it, others relative to the current folder when inside it. */
	private record SourceNames(URI mainUri, String mainName, Path workingDir) {

		String of(URI uri) {
			if (uri.equals(mainUri)) {
				return mainName;
			}
			if (!uri.isFile()) {
				return uri.toString();
			}
			Path path = Path.of(uri.toFileString());
			return path.startsWith(workingDir) ? workingDir.relativize(path).toString() : path.toString();
		}
	}
}
