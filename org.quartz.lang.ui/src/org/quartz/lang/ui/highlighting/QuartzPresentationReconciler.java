package org.quartz.lang.ui.highlighting;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.xtext.IGrammarAccess;

/** Syntax colouring of Quartz documents ({@link QuartzTokenScanner} over the whole text). */
public class QuartzPresentationReconciler extends PresentationReconciler {

	public QuartzPresentationReconciler(IGrammarAccess grammarAccess) {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(
				new QuartzTokenScanner(QuartzKeywords.of(grammarAccess), new TokenStyles()));
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
