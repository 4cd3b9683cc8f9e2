package org.quartz.lang.ui.genericeditor;

import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.SharedDocumentParsers;
import org.quartz.lang.ui.validation.DocumentValidator;
import org.quartz.lang.ui.validation.ValidationReconciler;

/** Diagnostics for Eclipse's generic editor, which creates its contributions without arguments (plugin.xml). */
public class GenericEditorReconciler extends ValidationReconciler {

	public GenericEditorReconciler() {
		super(SharedDocumentParsers.INSTANCE, QuartzInjector.get().getInstance(DocumentValidator.class));
	}
}
