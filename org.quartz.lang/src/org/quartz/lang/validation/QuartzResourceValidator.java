package org.quartz.lang.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.quartz.lang.issues.QuartzIssueCodes;

/**
 * Keeps a syntax mistake to one diagnostic. The parser recovers from an error by skipping or
 * inventing tokens, which often yields further errors for the same mistake (a stray `)` also
 * leaves an `end` without its block), and a model with holes gives undefined names and type
 * errors that are not the user's. So: when a file has syntax errors, only they are reported,
 * and of those only the first in each top-level chunk, a chunk starting at every line that
 * begins at column 1 (a declaration, or a statement of a script). Invalid literals (QZ0002)
 * leave the parse intact, so each of them is reported.
 */
public class QuartzResourceValidator extends ResourceValidatorImpl {

	@Override
	protected void collectResourceDiagnostics(Resource resource, CancelIndicator monitor, IAcceptor<Issue> acceptor) {
		List<Diagnostic> syntaxErrors = firstSyntaxErrorPerChunk(resource);
		if (syntaxErrors.isEmpty()) {
			super.collectResourceDiagnostics(resource, monitor, acceptor);
			return;
		}
		List<ILeafNode> elseIfs = elseIfs(resource);
		String text = sourceText(resource);
		ChunkScanner errorChunks = new ChunkScanner(text);
		ChunkScanner elseIfChunks = new ChunkScanner(text);
		int after = 0;   // elseIfs before index `after` come before the error at hand
		for (Diagnostic error : syntaxErrors) {   // in offset order
			ILeafNode elseIf = null;
			if (error instanceof XtextSyntaxDiagnostic syntax && error.getMessage() != null
					&& error.getMessage().contains("expected 'end'")) {
				while (after < elseIfs.size() && elseIfs.get(after).getOffset() < syntax.getOffset()) {
					after++;
				}
				// The nearest `else if` before a missing `end`, in the same chunk, most likely caused it.
				ILeafNode candidate = after == 0 ? null : elseIfs.get(after - 1);
				if (candidate != null && elseIfChunks.chunkStart(candidate.getOffset()) == errorChunks.chunkStart(syntax.getOffset())) {
					elseIf = candidate;
				}
			}
			if (elseIf != null) {
				acceptor.accept(elseIfIssue(elseIf, resource));
			} else {
				try {
					issueFromXtextResourceDiagnostic(error, Severity.ERROR, acceptor);
				} catch (RuntimeException e) {
					// Xtext finds no line for an error at the end of a text ending in a lone '\r'.
					acceptor.accept(syntaxIssue(error, resource, text));
				}
			}
		}
	}

	/** `else if` on one line: an `if` nested in the else branch, which needs an `end` of its own. */
	private static List<ILeafNode> elseIfs(Resource resource) {
		List<ILeafNode> result = new ArrayList<>();
		if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null) {
			return result;
		}
		ILeafNode previous = null;
		for (ILeafNode leaf : xtext.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.isHidden()) {
				continue;
			}
			if (previous != null && "else".equals(previous.getText()) && "if".equals(leaf.getText())
					&& previous.getStartLine() == leaf.getStartLine()) {
				result.add(previous);
			}
			previous = leaf;
		}
		return result;
	}

	private static Issue elseIfIssue(ILeafNode elseLeaf, Resource resource) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSyntaxError(true);
		issue.setSeverity(Severity.ERROR);
		issue.setType(CheckType.FAST);
		issue.setCode(QuartzIssueCodes.SYNTAX_ERROR);
		issue.setMessage("'else if' starts an 'if' inside the 'else', which needs its own 'end'; write 'elsif'");
		issue.setOffset(elseLeaf.getOffset());
		issue.setLength(elseLeaf.getLength());
		issue.setLineNumber(elseLeaf.getStartLine());
		issue.setColumn(NodeModelUtils.getLineAndColumn(elseLeaf, elseLeaf.getOffset()).getColumn());
		issue.setUriToProblem(resource.getURI());
		return issue;
	}

	/** A syntax error as an issue, placed by counting lines in the text itself. */
	private static Issue syntaxIssue(Diagnostic error, Resource resource, String text) {
		int offset = error instanceof XtextSyntaxDiagnostic syntax ? Math.min(Math.max(syntax.getOffset(), 0), text.length()) : 0;
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSyntaxError(true);
		issue.setSeverity(Severity.ERROR);
		issue.setType(CheckType.FAST);
		issue.setCode(QuartzIssueCodes.SYNTAX_ERROR);
		issue.setMessage(error.getMessage());
		issue.setOffset(offset);
		issue.setLength(0);
		issue.setLineNumber((int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1);
		issue.setColumn(offset - lineStart + 1);
		issue.setUriToProblem(resource.getURI());
		return issue;
	}

	/**
	 * Drops an issue with the code and place of one already reported: two checks may find the
	 * same mistake (a variant pattern's arity is both a pattern and a typing question).
	 */
	@Override
	protected IAcceptor<Issue> createAcceptor(List<Issue> result) {
		IAcceptor<Issue> all = super.createAcceptor(result);
		Set<List<Object>> reported = new HashSet<>();
		return issue -> {
			if (issue != null && reported.add(Arrays.asList(issue.getCode(), issue.getOffset(), issue.getLength()))) {
				all.accept(issue);
			}
		};
	}

	@Override
	protected void validate(Resource resource, CheckMode mode, CancelIndicator monitor, IAcceptor<Issue> acceptor) {
		if (!hasSyntaxErrors(resource)) {
			super.validate(resource, mode, monitor, acceptor);
		}
	}

	private static boolean hasSyntaxErrors(Resource resource) {
		return resource.getErrors().stream().anyMatch(XtextSyntaxDiagnostic.class::isInstance);
	}

	private static List<Diagnostic> firstSyntaxErrorPerChunk(Resource resource) {
		List<Diagnostic> kept = new ArrayList<>();
		String text = sourceText(resource);
		int lastChunk = -1;
		List<XtextSyntaxDiagnostic> errors = new ArrayList<>();
		for (Diagnostic error : resource.getErrors()) {
			if (error instanceof XtextSyntaxDiagnostic syntax) {
				errors.add(syntax);
			}
		}
		errors.sort(Comparator.comparingInt(XtextSyntaxDiagnostic::getOffset));
		ChunkScanner chunks = new ChunkScanner(text);
		for (XtextSyntaxDiagnostic error : errors) {
			if (QuartzIssueCodes.INVALID_LITERAL.equals(error.getCode())) {
				kept.add(error);
				continue;
			}
			int chunk = chunks.chunkStart(error.getOffset());
			if (chunk != lastChunk) {
				kept.add(error);
				lastChunk = chunk;
			}
		}
		return kept;
	}

	private static String sourceText(Resource resource) {
		if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
			ICompositeNode root = xtext.getParseResult().getRootNode();
			return root == null ? "" : root.getText();
		}
		return "";
	}

	/**
	 * The offset of the line that starts the chunk holding an offset: the nearest line at or
	 * before it that begins with a character other than blank, `#`, `end`, `else`, `elsif` or a
	 * closing bracket (those continue the chunk above them). Asked for increasing offsets, it
	 * reads the text once: scanning back from each of many errors in one chunk was quadratic.
	 */
	private static final class ChunkScanner {

		private final String text;
		private int nextLine;
		private int chunk;

		ChunkScanner(String text) {
			this.text = text;
		}

		int chunkStart(int offset) {
			int lineStart = text.lastIndexOf('\n', Math.min(Math.max(offset, 0), text.length()) - 1) + 1;
			while (nextLine >= 0 && nextLine <= lineStart) {
				if (startsChunk(text, nextLine)) {
					chunk = nextLine;
				}
				int end = text.indexOf('\n', nextLine);
				nextLine = end < 0 ? -1 : end + 1;
			}
			return chunk;
		}
	}

	private static boolean startsChunk(String text, int lineStart) {
		if (lineStart >= text.length()) {
			return false;
		}
		char first = text.charAt(lineStart);
		if (Character.isWhitespace(first) || first == '#' || first == ')' || first == ']' || first == '}') {
			return false;
		}
		String line = text.substring(lineStart, Math.min(text.length(), lineStart + 6));
		return !(startsWithWord(line, "end") || startsWithWord(line, "else") || startsWithWord(line, "elsif"));
	}

	private static boolean startsWithWord(String line, String word) {
		if (!line.startsWith(word)) {
			return false;
		}
		if (line.length() == word.length()) {
			return true;
		}
		char next = line.charAt(word.length());
		return !(Character.isLetterOrDigit(next) || next == '_' || next == '?' || next == '!');
	}
}
