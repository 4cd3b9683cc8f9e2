package org.quartz.lang.ui.outline;

import org.eclipse.jface.viewers.LabelProvider;

/** Labels of outline nodes ({@link OutlineNode#label()}). */
public class OutlineLabelProvider extends LabelProvider {

	@Override
	public String getText(Object element) {
		return element instanceof OutlineNode node ? node.label() : super.getText(element);
	}
}
