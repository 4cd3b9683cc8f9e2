package org.quartz.lang.ui.highlighting;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.xtext.IGrammarAccess;

/** Syntax colouring of Quartz documents ({@link QuartzTokenScanner} over the whole text). */
public class QuartzPresentationReconciler extends PresentationReconciler {

	public QuartzPresentationReconciler(IGrammarAccess grammarAccess) {
		DefaultDamagerRepairer damagerRepairer = new ToTheEnd(
				new QuartzTokenScanner(QuartzKeywords.of(grammarAccess), new TokenStyles()));
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/**
	 * Recolours from the changed line to the end: a string may span lines, so typing a quote
	 * changes the colour of everything after it, not only of its own line.
	 */
	private static final class ToTheEnd extends DefaultDamagerRepairer {
		ToTheEnd(QuartzTokenScanner scanner) {
			super(scanner);
		}

		@Override
		public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
			IRegion lines = super.getDamageRegion(partition, event, documentPartitioningChanged);
			int end = partition.getOffset() + partition.getLength();
			return new Region(lines.getOffset(), Math.max(lines.getOffset(), end) - lines.getOffset());
		}
	}
}
