package org.quartz.lang.ui.genericeditor;

import org.quartz.lang.ide.hover.QuartzHoverService;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.SharedDocumentParsers;
import org.quartz.lang.ui.hover.QuartzTextHover;

/** Hovers for Eclipse's generic editor, which creates its contributions without arguments (plugin.xml). */
public class GenericEditorTextHover extends QuartzTextHover {

	public GenericEditorTextHover() {
		super(SharedDocumentParsers.INSTANCE, QuartzInjector.get().getInstance(QuartzHoverService.class));
	}
}
