package org.quartz.lang.ui.document;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.quartz.lang.ui.QuartzInjector;

/**
 * One parser per open document, for contributions that are created without knowing their
 * document (the generic editor's extensions). The file behind the document is unknown here,
 * so its URI is in-memory: imports do not resolve.
 */
public final class SharedDocumentParsers implements DocumentParsers {

	public static final SharedDocumentParsers INSTANCE = new SharedDocumentParsers();

	private final Map<IDocument, DocumentParser> parsers = new WeakHashMap<>();
	private final AtomicInteger documents = new AtomicInteger();

	private SharedDocumentParsers() {
	}

	@Override
	public synchronized DocumentParser of(IDocument document) {
		return parsers.computeIfAbsent(document, d -> new DocumentParser(QuartzInjector.get(),
				URI.createURI("inmemory:/document" + documents.incrementAndGet() + ".qz")));
	}
}
