package org.quartz.lang.ui.outline;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;

/** Feeds a JFace tree (an outline view) from a list of {@link OutlineNode}s, the tree's input. */
public class OutlineContentProvider implements ITreeContentProvider {

	@Override
	public Object[] getElements(Object input) {
		return input instanceof List<?> nodes ? nodes.toArray() : new Object[0];
	}

	@Override
	public Object[] getChildren(Object parent) {
		return parent instanceof OutlineNode node ? node.children().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null; // nodes do not know their parent; JFace then reveals by walking from the root
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof OutlineNode node && !node.children().isEmpty();
	}
}
