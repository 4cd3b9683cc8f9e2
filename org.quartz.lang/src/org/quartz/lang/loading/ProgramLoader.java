package org.quartz.lang.loading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.Import;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The front end's one way in: makes the resource sets programs load into (with their
 * {@link ModuleSearchPath} attached), loads a program and every module it imports, links and
 * validates them. The command line, {@code quartz test}, the compile server, the language server
 * and the editor all load through it, each with one injector per process.
 */
public class ProgramLoader {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceFactory resourceFactory;

	@Inject
	private IResourceValidator validator;

	@Inject
	private ImportUriResolver imports;

	/** An empty resource set whose modules load through this language's services and import from {@code searchPath}. */
	public XtextResourceSet newResourceSet(ModuleSearchPath searchPath) {
		XtextResourceSet resourceSet = resourceSets.get();
		resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, "UTF-8");
		// Imported modules load through this injector's factory, whatever EMF's global registry holds.
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("qz", resourceFactory);
		searchPath.attachTo(resourceSet);
		return resourceSet;
	}

	/** Loads, links and validates the program whose main file is {@code mainFile}. */
	public Program load(Path mainFile, ModuleSearchPath searchPath) throws IOException {
		return loadAll(List.of(mainFile), searchPath).get(0);
	}

	/**
	 * Loads several programs into one resource set: the modules they share (the prelude, the
	 * standard library, a project's own modules) are parsed, linked and validated once.
	 *
	 * @return the programs, in the order of their main files
	 */
	public List<Program> loadAll(List<Path> mainFiles, ModuleSearchPath searchPath) throws IOException {
		XtextResourceSet resourceSet = newResourceSet(searchPath);
		List<XtextResource> mains = new ArrayList<>();
		for (Path mainFile : mainFiles) {
			URI uri = URI.createFileURI(mainFile.toAbsolutePath().normalize().toString());
			Resource existing = resourceSet.getResource(uri, false);
			XtextResource main = existing instanceof XtextResource loaded ? loaded : (XtextResource) resourceFactory.createResource(uri); // by URI, so any file extension works
			if (existing == null) {
				resourceSet.getResources().add(main);
				main.load(resourceSet.getLoadOptions());
			}
			mains.add(main);
		}
		EcoreUtil.resolveAll(resourceSet);
		Map<Resource, List<QuartzDiagnostic>> byModule = new HashMap<>();
		List<Program> programs = new ArrayList<>();
		for (XtextResource main : mains) {
			List<QuartzDiagnostic> diagnostics = new ArrayList<>();
			for (XtextResource module : modulesOf(main)) {
				diagnostics.addAll(byModule.computeIfAbsent(module, key -> validate(module, CancelIndicator.NullImpl)));
			}
			diagnostics.sort(Comparator.comparing((QuartzDiagnostic d) -> String.valueOf(d.uri()))
					.thenComparingInt(QuartzDiagnostic::line).thenComparingInt(QuartzDiagnostic::column));
			programs.add(new Program(main, diagnostics));
		}
		return programs;
	}

	/** Parses {@code text} as the module at {@code uri} into {@code resourceSet}: an editor's unsaved document. */
	public XtextResource parse(XtextResourceSet resourceSet, URI uri, String text) {
		XtextResource resource = (XtextResource) resourceFactory.createResource(uri);
		resourceSet.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
		} catch (IOException e) {
			throw new UncheckedIOException("cannot parse " + uri, e); // reading a byte array does not fail
		}
		return resource;
	}

	/** The errors and warnings of one module (none for the prelude, which users do not edit). */
	public List<QuartzDiagnostic> validate(XtextResource module, CancelIndicator cancel) {
		if (Prelude.isPrelude(module)) {
			return List.of();
		}
		String text = module.getParseResult() == null ? "" : module.getParseResult().getRootNode().getText();
		String[] lines = text.split("\r?\n", -1); // once per module, not per diagnostic
		List<QuartzDiagnostic> diagnostics = new ArrayList<>();
		for (Issue issue : validator.validate(module, CheckMode.ALL, cancel)) {
			QuartzDiagnostic.of(issue, module.getURI(), lines).ifPresent(diagnostics::add);
		}
		return diagnostics;
	}

	/** The main module and every module it imports, directly or not. */
	private Set<XtextResource> modulesOf(XtextResource main) {
		Set<XtextResource> modules = new LinkedHashSet<>();
		Deque<XtextResource> pending = new ArrayDeque<>(List.of(main));
		while (!pending.isEmpty()) {
			XtextResource module = pending.pop();
			if (!modules.add(module) || module.getContents().isEmpty()
					|| !(module.getContents().get(0) instanceof Module root)) {
				continue;
			}
			for (EObject element : root.getElements()) {
				String imported = element instanceof Import imp ? imports.resolve(imp) : null;
				Resource resource = imported == null ? null : main.getResourceSet().getResource(URI.createURI(imported), false);
				if (resource instanceof XtextResource importedModule) {
					pending.push(importedModule);
				}
			}
		}
		return modules;
	}
}
