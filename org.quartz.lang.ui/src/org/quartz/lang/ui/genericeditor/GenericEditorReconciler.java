package org.quartz.lang.ui.genericeditor;

import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.SharedDocumentParsers;
import org.quartz.lang.ui.validation.DocumentValidator;
import org.quartz.lang.ui.validation.ValidationReconciler;
import org.quartz.lang.ui.workspace.DocumentFiles;

/**
 * Diagnostics for Eclipse's generic editor, which creates its contributions without arguments
 * (plugin.xml): annotations, and problem markers on the document's workspace file if it has one.
 */
public class GenericEditorReconciler extends ValidationReconciler {

	public GenericEditorReconciler() {
		super(SharedDocumentParsers.INSTANCE, QuartzInjector.get().getInstance(DocumentValidator.class),
				DocumentFiles::updateMarkers);
	}
}
