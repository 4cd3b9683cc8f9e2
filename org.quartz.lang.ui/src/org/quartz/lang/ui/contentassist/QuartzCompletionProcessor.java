package org.quartz.lang.ui.contentassist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

	/**
	 * What Xtext proposes at the caret, and, after a half-typed name ({@code pu|}), what it
	 * proposes where that name starts, kept when it starts with the typed part (which applying
	 * the proposal replaces): Xtext's content assist finds no name context inside a partial
	 * identifier with Quartz's content-assist parser.
	 */
	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		String typed = identifierBefore(text, offset);
		int start = offset - typed.length();
		List<ICompletionProposal> proposals = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		parsers.of(viewer.getDocument()).read(text, resource -> {
			if (!typed.isEmpty()) {
				for (ContentAssistEntry entry : completions.at(resource, text, start)) {
					String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
					if (prefix.isEmpty() && entry.getProposal() != null && entry.getProposal().startsWith(typed)
							&& !entry.getProposal().equals(typed) && seen.add(entry.getProposal())) {
						proposals.add(toProposal(entry, start, typed.length()));
					}
				}
			}
			for (ContentAssistEntry entry : completions.at(resource, text, offset)) {
				String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
				if (prefix.isEmpty() || seen.add(entry.getProposal())) {
					proposals.add(toProposal(entry, offset - prefix.length(), prefix.length()));
				}
			}
			return null;
		});
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** The identifier characters just before {@code offset} (empty unless they start like a name). */
	static String identifierBefore(String text, int offset) {
		int start = offset;
		while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
			start--;
		}
		while (start < offset && Character.isDigit(text.charAt(start))) {
			start++; // a name does not start with a digit
		}
		return text.substring(start, offset);
	}

	private static ICompletionProposal toProposal(ContentAssistEntry entry, int replaceFrom, int replaceLength) {
		String replacement = entry.getProposal();
		String label = entry.getLabel() != null ? entry.getLabel() : replacement;
		String display = entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
		return new CompletionProposal(replacement, replaceFrom, replaceLength, replacement.length(),
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
