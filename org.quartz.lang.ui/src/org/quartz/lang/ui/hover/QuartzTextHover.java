package org.quartz.lang.ui.hover;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.quartz.lang.ui.document.DocumentParsers;

/** Hover on a Quartz document: the inferred type of what is under the mouse ({@link TypeHoverText}). */
public class QuartzTextHover implements ITextHover {

	private final DocumentParsers parsers;
	private final TypeHoverText hoverText;

	public QuartzTextHover(DocumentParsers parsers, TypeHoverText hoverText) {
		this.parsers = parsers;
		this.hoverText = hoverText;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		String text = viewer.getDocument().get();
		return parsers.of(viewer.getDocument()).read(text, resource -> hoverText.at(resource, region.getOffset())).orElse(null);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}
}
