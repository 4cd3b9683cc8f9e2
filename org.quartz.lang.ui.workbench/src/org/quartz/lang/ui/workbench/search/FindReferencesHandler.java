package org.quartz.lang.ui.workbench.search;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.quartz.lang.ui.workbench.navigation.EditorPositions;

/** The generic editor's "Find References" for Quartz files: the workspace's references in the Search view. */
public class FindReferencesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) {
			IFile file = EditorPositions.file(editor);
			if (file != null) {
				NewSearchUI.runQueryInBackground(new ReferencesQuery(file, EditorPositions.caret(editor)));
			}
		}
		return null;
	}
}
