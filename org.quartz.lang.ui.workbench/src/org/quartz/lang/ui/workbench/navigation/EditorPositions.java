package org.quartz.lang.ui.workbench.navigation;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.quartz.lang.ide.navigation.QuartzNavigation.Occurrence;

/** What the workbench features need of editors: an editor's file and caret, and opening a place. */
public final class EditorPositions {

	private EditorPositions() {
	}

	/** The workspace file the editor shows; null for another input. */
	public static IFile file(ITextEditor editor) {
		return editor.getEditorInput().getAdapter(IFile.class);
	}

	/** Where the caret (or the selection's start) stands. */
	public static int caret(ITextEditor editor) {
		return editor.getSelectionProvider().getSelection() instanceof ITextSelection selection ? selection.getOffset() : 0;
	}

	/**
	 * Opens the file of {@code place} (a workspace file, or a file outside the workspace such as
	 * the standard library's) and selects the span; a place in no file is selected in {@code current}.
	 */
	public static void open(IWorkbenchPage page, ITextEditor current, Occurrence place) throws CoreException {
		IEditorPart editor;
		if (!place.uri().isFile()) {
			editor = current;
		} else {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
					.findFilesForLocationURI(java.net.URI.create(place.uri().toString()));
			editor = files.length > 0 ? IDE.openEditor(page, files[0])
					: IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(IPath.fromOSString(place.uri().toFileString())));
		}
		if (editor instanceof ITextEditor text) {
			text.selectAndReveal(place.offset(), place.length());
		}
	}
}
