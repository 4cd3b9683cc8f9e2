package org.quartz.lang.ui.genericeditor;

import org.eclipse.xtext.IGrammarAccess;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.highlighting.QuartzPresentationReconciler;

/** Colouring for Eclipse's generic editor, which creates its contributions without arguments (plugin.xml). */
public class GenericEditorPresentationReconciler extends QuartzPresentationReconciler {

	public GenericEditorPresentationReconciler() {
		super(QuartzInjector.get().getInstance(IGrammarAccess.class));
	}
}
