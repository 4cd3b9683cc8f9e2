package org.quartz.lang.ui.highlighting;

import java.util.Set;

import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.WordRule;

/**
 * Splits Quartz text into keywords, strings, comments and numbers for syntax colouring. Lexical
 * only (no parse), so it stays fast on every keystroke; an interpolated string is coloured whole,
 * and a string may span lines (an unclosed one runs to the end).
 */
public class QuartzTokenScanner extends RuleBasedScanner {

	public QuartzTokenScanner(Set<String> keywords, TokenStyles styles) {
		WordRule words = new WordRule(new IdentifierDetector(), styles.other);
		keywords.forEach(keyword -> words.addWord(keyword, styles.keyword));
		setRules(new IRule[] {
				new EndOfLineRule("#", styles.comment),
				new MultiLineRule("\"", "\"", styles.string, '\\', true),
				new NumberLiteralRule(styles.number),
				words });
		setDefaultReturnToken(styles.other);
	}

	/** Quartz identifiers: letters, digits, `_`, and a final `?` or `!` (`empty?`). */
	private static final class IdentifierDetector implements IWordDetector {
		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '?' || c == '!';
		}
	}
}
