package org.quartz.lang.ui.workbench.rename;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.quartz.lang.ide.navigation.QuartzNavigation.Occurrence;
import org.quartz.lang.ide.navigation.QuartzNavigation.RenameEdits;
import org.quartz.lang.ide.rename.QuartzRenameCheck;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.workbench.navigation.WorkspaceDeclaration;

/**
 * Rename in the workbench: the declaration at an offset of a Quartz file and every occurrence
 * in the workspace's Quartz files take the new name, refused as the language server refuses it
 * ({@link QuartzRenameCheck}). Each file changes through its file buffer: an open editor shows
 * the change, and a file that had no unsaved changes is saved.
 */
public final class QuartzRename {

	private final WorkspaceDeclaration target;

	private QuartzRename(WorkspaceDeclaration target) {
		this.target = target;
	}

	/** The rename of what is declared or used at {@code offset} of {@code file}; null when nothing is. */
	public static QuartzRename at(IFile file, int offset) throws CoreException {
		WorkspaceDeclaration found = WorkspaceDeclaration.at(file, offset);
		return found.declaration() == null ? null : new QuartzRename(found);
	}

	/** What is renamed. */
	public NamedElement declaration() {
		return target.declaration();
	}

	public String currentName() {
		return target.declaration().getName();
	}

	/** Why {@code newName} is refused; null when it is fine. */
	public String problem(String newName) {
		return QuartzInjector.get().getInstance(QuartzRenameCheck.class).problem(target.declaration(), newName,
				target.modules().resources());
	}

	/** Renames; returns why the name was refused (nothing is changed then), or null. */
	public String apply(String newName) throws CoreException {
		NamedElement declaration = target.declaration();
		RenameEdits edits = WorkspaceDeclaration.navigation().rename(declaration, newName, target.modules().resources());
		if (edits.problem() != null) {
			return edits.problem();
		}
		for (URI uri : edits.edits().keySet()) {
			if (target.modules().file(uri) == null) {
				return "'" + declaration.getName() + "' is used in " + uri.lastSegment() + ", outside the workspace";
			}
		}
		for (Map.Entry<URI, List<Occurrence>> entry : edits.edits().entrySet()) {
			change(target.modules().file(entry.getKey()), entry.getValue(), newName);
		}
		return null;
	}

	private static void change(IFile file, List<Occurrence> occurrences, String newName) throws CoreException {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		buffers.connect(path, LocationKind.IFILE, null);
		try {
			ITextFileBuffer buffer = buffers.getTextFileBuffer(path, LocationKind.IFILE);
			boolean saved = !buffer.isDirty();
			IDocument document = buffer.getDocument();
			// From the end, so earlier offsets stay valid.
			for (Occurrence occurrence : occurrences.stream().sorted(Comparator.comparingInt(Occurrence::offset).reversed()).toList()) {
				document.replace(occurrence.offset(), occurrence.length(), newName);
			}
			if (saved) {
				buffer.commit(null, false);
			}
		} catch (BadLocationException e) {
			throw new CoreException(Status.error("the text of " + path + " changed during the rename", e));
		} finally {
			buffers.disconnect(path, LocationKind.IFILE, null);
		}
	}
}
