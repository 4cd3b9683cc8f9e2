package org.quartz.lang.ui.outline;

import org.eclipse.jface.viewers.LabelProvider;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols.Symbol;

/** Labels of outline entries ({@link Symbol#label()}). */
public class OutlineLabelProvider extends LabelProvider {

	@Override
	public String getText(Object element) {
		return element instanceof Symbol symbol ? symbol.label() : super.getText(element);
	}
}
