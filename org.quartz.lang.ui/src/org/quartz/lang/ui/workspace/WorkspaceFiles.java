package org.quartz.lang.ui.workspace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.quartz.lang.loading.QuartzDiagnostic;

/** {@link DocumentFiles} with the workspace's and file buffers' types; loaded only when they exist. */
final class WorkspaceFiles {

	private static final Map<IFile, ProblemMarkerJob> JOBS = new ConcurrentHashMap<>();

	private WorkspaceFiles() {
	}

	static URI fileUri(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) {
			return null;
		}
		IFile file = workspaceFile(buffer);
		if (file != null && file.getLocation() != null) {
			return URI.createFileURI(file.getLocation().toOSString());
		}
		IFileStore store = buffer.getFileStore();
		java.net.URI location = store == null ? null : store.toURI();
		return location != null && "file".equals(location.getScheme())
				? URI.createFileURI(new java.io.File(location).getPath())
				: null;
	}

	static void updateMarkers(IDocument document, List<QuartzDiagnostic> diagnostics) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		IFile file = buffer == null ? null : workspaceFile(buffer);
		if (file != null) {
			JOBS.computeIfAbsent(file, ProblemMarkerJob::new).update(diagnostics);
		}
	}

	/** The workspace file of a buffer (whose location is then a workspace path), or null. */
	private static IFile workspaceFile(ITextFileBuffer buffer) {
		IPath location = buffer.getLocation();
		if (location == null || location.segmentCount() < 2) {
			return null;
		}
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		IFile file = root.getFile(location);
		return file.exists() ? file : null;
	}
}
