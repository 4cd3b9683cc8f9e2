package org.quartz.lang.ui.workbench;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols.Symbol;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.ReconcileListeners;
import org.quartz.lang.ui.document.SharedDocumentParsers;
import org.quartz.lang.ui.outline.OutlineContentProvider;
import org.quartz.lang.ui.outline.OutlineLabelProvider;

/**
 * The Outline view's page for a Quartz file in the generic editor: the module's declarations
 * (the language server's document symbols, {@link QuartzDocumentSymbols}), rebuilt after each validation of the document, and selecting one
 * selects its name in the editor.
 */
public class QuartzOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private final IDocument document;
	private final Runnable refresher = this::refreshLater;

	public QuartzOutlinePage(ITextEditor editor, IDocument document) {
		this.editor = editor;
		this.document = document;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new OutlineContentProvider());
		viewer.setLabelProvider(new OutlineLabelProvider());
		viewer.setAutoExpandLevel(AbstractTreeViewer.ALL_LEVELS);
		viewer.setInput(declarations());
		ReconcileListeners.add(document, refresher);
	}

	/** Rebuilds the tree from the document's current text (on the UI thread). */
	public void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(declarations());
		}
	}

	private void refreshLater() {
		Control control = getControl();
		if (control != null && !control.isDisposed()) {
			control.getDisplay().asyncExec(this::refresh);
		}
	}

	private List<Symbol> declarations() {
		String text = document.get();
		QuartzDocumentSymbols symbols = QuartzInjector.get().getInstance(QuartzDocumentSymbols.class);
		return SharedDocumentParsers.INSTANCE.of(document).read(text, symbols::symbols);
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof Symbol symbol) {
			editor.selectAndReveal(symbol.nameOffset(), symbol.nameEndOffset() - symbol.nameOffset());
		}
	}

	@Override
	public void dispose() {
		ReconcileListeners.remove(document, refresher);
		super.dispose();
	}
}
