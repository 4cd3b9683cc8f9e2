package org.quartz.lang.ui.workbench.navigation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.EditorResourceSets;

/**
 * Every Quartz file of the workspace's open projects parsed into one resource set, for find
 * references and rename: a file open in an editor with its editor's text, the others as saved.
 * Imports of these files resolve to the same resources, so a declaration and its uses in other
 * files are the same objects.
 */
public final class WorkspaceModules {

	private final Map<URI, IFile> files = new LinkedHashMap<>();
	private final XtextResourceSet resourceSet = EditorResourceSets.create(QuartzInjector.get());

	private WorkspaceModules() {
	}

	/** Parses every .qz file of the open projects. */
	public static WorkspaceModules load() throws CoreException {
		WorkspaceModules modules = new WorkspaceModules();
		ResourcesPlugin.getWorkspace().getRoot().accept((IResource resource) -> {
			if (resource instanceof IFile file && "qz".equals(file.getFileExtension()) && file.getLocation() != null) {
				modules.files.put(uriOf(file), file);
			}
			return true;
		}, IResource.DEPTH_INFINITE, IResource.NONE);
		for (Map.Entry<URI, IFile> entry : modules.files.entrySet()) {
			modules.parse(entry.getKey(), entry.getValue());
		}
		return modules;
	}

	/** The URI a workspace file's resource has, and imports of it resolve to. */
	public static URI uriOf(IFile file) {
		return URI.createFileURI(file.getLocation().toOSString());
	}

	/** The resource of a workspace file; null when it is not a Quartz file of an open project. */
	public XtextResource resource(IFile file) {
		return file.getLocation() == null ? null : (XtextResource) resourceSet.getResource(uriOf(file), false);
	}

	/** The workspace file of a resource URI; null for a file outside the workspace (the standard library's). */
	public IFile file(URI uri) {
		return files.get(uri);
	}

	/** The workspace's Quartz resources. */
	public List<Resource> resources() {
		List<Resource> resources = new ArrayList<>();
		files.keySet().forEach(uri -> resources.add(resourceSet.getResource(uri, false)));
		return resources;
	}

	private void parse(URI uri, IFile file) throws CoreException {
		XtextResource resource = (XtextResource) resourceSet.createResource(uri);
		try (InputStream text = new ByteArrayInputStream(textOf(file).getBytes(StandardCharsets.UTF_8))) {
			resource.load(text, Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot parse " + file.getFullPath(), e));
		}
	}

	/** The editor's text of an open file (saved or not), else the file's content. */
	private static String textOf(IFile file) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
				LocationKind.IFILE);
		if (buffer != null) {
			return buffer.getDocument().get();
		}
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), file.getCharset());
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("cannot read " + file.getFullPath(), e));
		}
	}
}
