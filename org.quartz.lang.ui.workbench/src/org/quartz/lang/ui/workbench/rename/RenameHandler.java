package org.quartz.lang.ui.workbench.rename;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.quartz.lang.ui.workbench.navigation.EditorPositions;

/** Rename (Alt+Shift+R in a Quartz editor): asks for the new name, checking it as it is typed. */
public class RenameHandler extends AbstractHandler {

	/** The dialog's title, by which tests find it. */
	public static final String TITLE = "Rename Quartz Element";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) || EditorPositions.file(editor) == null) {
			return null;
		}
		Shell shell = HandlerUtil.getActiveShell(event);
		IFile file = EditorPositions.file(editor);
		try {
			QuartzRename rename = QuartzRename.at(file, EditorPositions.caret(editor));
			if (rename == null) {
				MessageDialog.openInformation(shell, TITLE, "Put the cursor on a name declared in Quartz source to rename it.");
				return null;
			}
			InputDialog dialog = new InputDialog(shell, TITLE, "New name:", rename.currentName(),
					name -> name.equals(rename.currentName()) ? "" : rename.problem(name));
			if (dialog.open() != Window.OK) {
				return null;
			}
			String problem = rename.apply(dialog.getValue());
			if (problem != null) {
				MessageDialog.openError(shell, TITLE, problem);
			}
		} catch (CoreException e) {
			throw new ExecutionException("cannot rename in " + file.getFullPath(), e);
		}
		return null;
	}
}
