package org.quartz.lang.ui.hover;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.quartz.lang.ui.document.DocumentParser;

/** Hover on a Quartz document: the inferred type of what is under the mouse ({@link TypeHoverText}). */
public class QuartzTextHover implements ITextHover {

	private final DocumentParser parser;
	private final TypeHoverText hoverText;

	public QuartzTextHover(DocumentParser parser, TypeHoverText hoverText) {
		this.parser = parser;
		this.hoverText = hoverText;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		String text = viewer.getDocument().get();
		return parser.read(text, resource -> hoverText.at(resource, region.getOffset())).orElse(null);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}
}
