package org.quartz.lang.ui.workspace;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.quartz.lang.loading.QuartzDiagnostic;

/**
 * The file behind an editor's document, when the Eclipse workspace and file buffers are there
 * (optional dependencies): its URI for the Quartz services (so imports resolve) and its problem
 * markers. Without them (an SWT application, the bare tests) every answer is "no file", and no
 * class of those bundles is ever loaded: {@link WorkspaceFiles} is only touched when they are.
 */
public final class DocumentFiles {

	private static final boolean AVAILABLE = available();

	private DocumentFiles() {
	}

	/** The file URI of the document's file, or null when it has none (or the workspace is absent). */
	public static URI fileUri(IDocument document) {
		if (!AVAILABLE) {
			return null;
		}
		try {
			return WorkspaceFiles.fileUri(document);
		} catch (RuntimeException | LinkageError e) {
			return null; // no running workspace: the document is treated as in-memory
		}
	}

	/** Replaces the problem markers of the document's workspace file, if it has one, by {@code diagnostics}. */
	public static void updateMarkers(IDocument document, List<QuartzDiagnostic> diagnostics) {
		if (!AVAILABLE) {
			return;
		}
		try {
			WorkspaceFiles.updateMarkers(document, diagnostics);
		} catch (RuntimeException | LinkageError e) {
			// no running workspace: annotations only
		}
	}

	private static boolean available() {
		ClassLoader loader = DocumentFiles.class.getClassLoader();
		try {
			Class.forName("org.eclipse.core.resources.ResourcesPlugin", false, loader);
			Class.forName("org.eclipse.core.filebuffers.FileBuffers", false, loader);
			return true;
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
	}
}
