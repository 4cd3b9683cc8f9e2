package org.quartz.lang.ui.genericeditor;

import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.SharedDocumentParsers;
import org.quartz.lang.ui.hover.QuartzTextHover;
import org.quartz.lang.ui.hover.TypeHoverText;

/** Type hovers for Eclipse's generic editor, which creates its contributions without arguments (plugin.xml). */
public class GenericEditorTextHover extends QuartzTextHover {

	public GenericEditorTextHover() {
		super(SharedDocumentParsers.INSTANCE, QuartzInjector.get().getInstance(TypeHoverText.class));
	}
}
