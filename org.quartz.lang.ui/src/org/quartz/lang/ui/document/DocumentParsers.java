package org.quartz.lang.ui.document;

import org.eclipse.jface.text.IDocument;

/** The parser of a document, so services that see only the viewer share one parse per document. */
@FunctionalInterface
public interface DocumentParsers {

	DocumentParser of(IDocument document);
}
