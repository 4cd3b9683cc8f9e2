package org.quartz.lang.ui.contentassist;

import java.util.List;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.quartz.lang.ui.document.DocumentParsers;

/** JFace content assist for Quartz: turns {@link CompletionEntries} into proposals replacing the typed prefix. */
public class QuartzCompletionProcessor implements IContentAssistProcessor {

	private final DocumentParsers parsers;
	private final CompletionEntries completions;

	public QuartzCompletionProcessor(DocumentParsers parsers, CompletionEntries completions) {
		this.parsers = parsers;
		this.completions = completions;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		List<ContentAssistEntry> entries = parsers.of(viewer.getDocument()).read(text, resource -> completions.at(resource, text, offset));
		return entries.stream().map(entry -> toProposal(entry, offset)).toArray(ICompletionProposal[]::new);
	}

	private static ICompletionProposal toProposal(ContentAssistEntry entry, int offset) {
		String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
		String replacement = entry.getProposal();
		String label = entry.getLabel() != null ? entry.getLabel() : replacement;
		String display = entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
		return new CompletionProposal(replacement, offset - prefix.length(), prefix.length(), replacement.length(),
				null, display, null, entry.getDocumentation());
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '.' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
