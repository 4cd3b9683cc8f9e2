package org.quartz.lang.ui.document;

import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.workspace.DocumentFiles;

/**
 * One parser per open document, for contributions that are created without knowing their
 * document (the generic editor's extensions). When the document is a file's (an Eclipse file
 * buffer, {@link DocumentFiles}), the parser has the file's URI, so imports of sibling modules
 * resolve; otherwise its URI is in-memory and imports do not resolve.
 */
public final class SharedDocumentParsers implements DocumentParsers {

	public static final SharedDocumentParsers INSTANCE = new SharedDocumentParsers();

	private record Entry(URI file, DocumentParser parser) {
	}

	private final Map<IDocument, Entry> parsers = new WeakHashMap<>();
	private final Map<IDocument, URI> inMemory = new WeakHashMap<>();
	private final AtomicInteger documents = new AtomicInteger();

	private SharedDocumentParsers() {
	}

	@Override
	public synchronized DocumentParser of(IDocument document) {
		URI file = DocumentFiles.fileUri(document);
		Entry entry = parsers.get(document);
		if (entry == null || !Objects.equals(entry.file(), file)) {
			URI uri = file != null ? file
					: inMemory.computeIfAbsent(document,
							d -> URI.createURI("inmemory:/document" + documents.incrementAndGet() + ".qz"));
			entry = new Entry(file, new DocumentParser(QuartzInjector.get(), uri));
			parsers.put(document, entry);
		}
		return entry.parser();
	}
}
