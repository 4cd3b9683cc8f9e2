package org.quartz.lang.ui.workbench;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.texteditor.IDocumentProvider;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * Gives text editors of Quartz files (the generic editor, plugin.xml) an outline page; other
 * editors and files get none from here.
 */
public class OutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor)) {
			return null;
		}
		IEditorInput input = editor.getEditorInput();
		IDocumentProvider provider = editor.getDocumentProvider();
		if (input == null || provider == null || !input.getName().endsWith(".qz")) {
			return null;
		}
		IDocument document = provider.getDocument(input);
		return document == null ? null : adapterType.cast(new QuartzOutlinePage(editor, document));
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
