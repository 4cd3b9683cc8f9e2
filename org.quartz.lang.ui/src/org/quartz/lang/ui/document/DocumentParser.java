package org.quartz.lang.ui.document;

import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.loading.ProgramLoader;

import com.google.inject.Injector;

/**
 * Parses one document's text into an {@link XtextResource} and lends it to the editor's services.
 * The reconciler thread and the UI thread both use it, and EMF models are not thread-safe, so the
 * resource is only touched inside {@link #read}, one caller at a time. The last parse is kept
 * while the text stays the same.
 */
public class DocumentParser {

	private final Injector injector;
	private final URI uri;
	private String lastText;
	private XtextResource lastResource;

	/**
	 * @param uri where the document lives; imports are searched in its folder (a file URI), then
	 *            in the standard library ({@link EditorResourceSets})
	 */
	public DocumentParser(Injector injector, URI uri) {
		this.injector = injector;
		this.uri = uri;
	}

	/** Runs {@code work} on the resource parsed from {@code text}. */
	public synchronized <T> T read(String text, Function<XtextResource, T> work) {
		if (!text.equals(lastText)) {
			lastResource = parse(text);
			lastText = text;
		}
		return work.apply(lastResource);
	}

	private XtextResource parse(String text) {
		ProgramLoader loader = injector.getInstance(ProgramLoader.class);
		return loader.parse(EditorResourceSets.create(injector), uri, text);
	}
}
