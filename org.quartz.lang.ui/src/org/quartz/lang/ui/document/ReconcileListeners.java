package org.quartz.lang.ui.document;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.text.IDocument;

/** Who wants to know when a document has been validated again (an outline page), per document. */
public final class ReconcileListeners {

	private static final Map<IDocument, List<Runnable>> LISTENERS = new WeakHashMap<>();

	private ReconcileListeners() {
	}

	public static synchronized void add(IDocument document, Runnable listener) {
		LISTENERS.computeIfAbsent(document, d -> new CopyOnWriteArrayList<>()).add(listener);
	}

	public static synchronized void remove(IDocument document, Runnable listener) {
		List<Runnable> listeners = LISTENERS.get(document);
		if (listeners != null) {
			listeners.remove(listener);
		}
	}

	/** Called on the reconciler's thread after each validation of {@code document}. */
	public static void reconciled(IDocument document) {
		List<Runnable> listeners;
		synchronized (ReconcileListeners.class) {
			listeners = LISTENERS.get(document);
		}
		if (listeners != null) {
			listeners.forEach(Runnable::run);
		}
	}
}
