package org.quartz.lang.ui.workbench.builder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.EditorResourceSets;
import org.quartz.lang.ui.validation.DocumentValidator;
import org.quartz.lang.ui.workbench.navigation.WorkspaceModules;
import org.quartz.lang.ui.workspace.ProblemMarkerJob;

/**
 * Validates every Quartz file of its project as saved, whether an editor has it open or not, and
 * sets the same problem markers as the editor ({@link ProblemMarkerJob}). An incremental build
 * validates the changed files and every file whose last validation loaded one of them (imported
 * it, directly or not); a full build, or a clean, all of them.
 */
public class QuartzBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.quartz.lang.ui.workbench.builder";

	/** The files each file's last validation loaded (itself, its imports and theirs), by URI. */
	private final Map<IFile, Set<URI>> loaded = new HashMap<>();

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		Set<IFile> files = delta == null ? quartzFiles() : affected(delta);
		SubMonitor progress = SubMonitor.convert(monitor, "Validating Quartz files", files.size());
		for (IFile file : files) {
			progress.checkCanceled();
			validate(file);
			progress.worked(1);
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(ProblemMarkerJob.MARKER_TYPE, false, IResource.DEPTH_INFINITE);
		loaded.clear();
	}

	private Set<IFile> quartzFiles() throws CoreException {
		Set<IFile> files = new LinkedHashSet<>();
		getProject().accept(resource -> {
			if (isQuartz(resource)) {
				files.add((IFile) resource);
			}
			return true;
		});
		return files;
	}

	/** The changed files that still exist, and the files that loaded a changed (or removed) one. */
	private Set<IFile> affected(IResourceDelta delta) throws CoreException {
		Set<IFile> changed = new LinkedHashSet<>();
		delta.accept(child -> {
			if (isQuartz(child.getResource()) && (child.getKind() != IResourceDelta.CHANGED
					|| (child.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0)) {
				changed.add((IFile) child.getResource());
			}
			return true;
		});
		Set<URI> changedUris = changed.stream().filter(file -> file.getLocation() != null).map(WorkspaceModules::uriOf)
				.collect(Collectors.toSet());
		Set<IFile> files = new LinkedHashSet<>();
		for (IFile file : changed) {
			if (file.exists()) {
				files.add(file);
			} else {
				loaded.remove(file);
			}
		}
		loaded.forEach((file, uris) -> {
			if (file.exists() && uris.stream().anyMatch(changedUris::contains)) {
				files.add(file);
			}
		});
		return files;
	}

	private void validate(IFile file) throws CoreException {
		if (file.getLocation() == null) {
			return;
		}
		XtextResourceSet resourceSet = EditorResourceSets.create(QuartzInjector.get());
		XtextResource resource = (XtextResource) resourceSet.getResource(WorkspaceModules.uriOf(file), true);
		List<QuartzDiagnostic> diagnostics = QuartzInjector.get().getInstance(DocumentValidator.class).validate(resource);
		Set<URI> uris = new HashSet<>();
		for (Resource each : resourceSet.getResources()) {
			uris.add(each.getURI());
		}
		loaded.put(file, uris);
		ProblemMarkerJob.replaceMarkers(file, diagnostics);
	}

	static boolean isQuartz(IResource resource) {
		return resource instanceof IFile file && "qz".equals(file.getFileExtension());
	}
}
