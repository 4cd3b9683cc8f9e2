package org.quartz.lang.ui.hover;

import java.util.Optional;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.quartz.lang.ide.hover.QuartzHoverService;
import org.quartz.lang.ide.hover.QuartzHoverService.HoverText;
import org.quartz.lang.ui.document.DocumentParsers;

/** Hover on a Quartz document: the language server's hover text ({@link QuartzHoverService}), as plain text. */
public class QuartzTextHover implements ITextHover {

	private final DocumentParsers parsers;
	private final QuartzHoverService hovers;

	public QuartzTextHover(DocumentParsers parsers, QuartzHoverService hovers) {
		this.parsers = parsers;
		this.hovers = hovers;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hover(viewer, region.getOffset()).map(HoverText::text).orElse(null);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return hover(viewer, offset).map(hover -> (IRegion) new Region(hover.offset(), hover.length()))
				.orElse(new Region(offset, 0));
	}

	private Optional<HoverText> hover(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		return Optional.ofNullable(parsers.of(viewer.getDocument()).read(text, resource -> hovers.at(resource, offset)));
	}
}
