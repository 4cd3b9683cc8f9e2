package org.quartz.lang.ui.contentassist;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.StreamSupport;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Completions at an offset, from Xtext's IDE content assist (the same services a language
 * server uses): keywords the grammar allows there and names in scope (locals, functions, types).
 */
public class CompletionEntries {

	@Inject
	private Provider<ContentAssistContextFactory> contextFactory;

	@Inject
	private IdeContentProposalProvider proposalProvider;

	@Inject
	private Provider<IdeContentProposalAcceptor> acceptor;

	@Inject
	private ExecutorService pool;

	public List<ContentAssistEntry> at(XtextResource resource, String text, int offset) {
		ContentAssistContextFactory factory = contextFactory.get();
		factory.setPool(pool); // not injected by the factory itself (Xtext's language server sets it too)
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor entries = acceptor.get();
		proposalProvider.createProposals(Arrays.asList(contexts), entries);
		return StreamSupport.stream(entries.getEntries().spliterator(), false).toList();
	}
}
