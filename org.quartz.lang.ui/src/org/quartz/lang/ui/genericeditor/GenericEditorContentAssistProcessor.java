package org.quartz.lang.ui.genericeditor;

import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.contentassist.CompletionEntries;
import org.quartz.lang.ui.contentassist.QuartzCompletionProcessor;
import org.quartz.lang.ui.document.SharedDocumentParsers;

/** Completion for Eclipse's generic editor, which creates its contributions without arguments (plugin.xml). */
public class GenericEditorContentAssistProcessor extends QuartzCompletionProcessor {

	public GenericEditorContentAssistProcessor() {
		super(SharedDocumentParsers.INSTANCE, QuartzInjector.get().getInstance(CompletionEntries.class));
	}
}
