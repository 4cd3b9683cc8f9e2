package org.quartz.lang.ui.outline;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols.Symbol;

/**
 * Feeds a JFace tree (an outline view) from a list of {@link Symbol}s, the tree's input: the
 * language server's document symbols ({@link org.quartz.lang.ide.symbols.QuartzDocumentSymbols}).
 */
public class OutlineContentProvider implements ITreeContentProvider {

	@Override
	public Object[] getElements(Object input) {
		return input instanceof List<?> symbols ? symbols.toArray() : new Object[0];
	}

	@Override
	public Object[] getChildren(Object parent) {
		return parent instanceof Symbol symbol ? symbol.children().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null; // symbols do not know their parent; JFace then reveals by walking from the root
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof Symbol symbol && !symbol.children().isEmpty();
	}
}
