package org.quartz.lang.ui.highlighting;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** The look of each kind of token. Colors made without a device need no disposing. */
public final class TokenStyles {

	public static final Color KEYWORD_COLOR = new Color(127, 0, 85);
	public static final Color STRING_COLOR = new Color(42, 0, 255);
	public static final Color COMMENT_COLOR = new Color(63, 127, 95);
	public static final Color NUMBER_COLOR = new Color(125, 125, 125);

	public final IToken keyword = new Token(new TextAttribute(KEYWORD_COLOR, null, SWT.BOLD));
	public final IToken string = new Token(new TextAttribute(STRING_COLOR));
	public final IToken comment = new Token(new TextAttribute(COMMENT_COLOR, null, SWT.ITALIC));
	public final IToken number = new Token(new TextAttribute(NUMBER_COLOR));
	/** No style: RuleBasedScanner wants a token with data, so a TextAttribute without colours. */
	public final IToken other = new Token(new TextAttribute(null));
}
