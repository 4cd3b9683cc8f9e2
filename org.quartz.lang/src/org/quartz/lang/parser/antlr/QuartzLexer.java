package org.quartz.lang.parser.antlr;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.quartz.lang.parser.NameEndings;
import org.quartz.lang.parser.NumberLiterals;
import org.quartz.lang.parser.StringLiterals;
import org.quartz.lang.parser.antlr.lexer.InternalQuartzLexer;

/**
 * The generated runtime lexer, with string literals lexed by {@link StringLiterals}, `a!=b` split by
 * {@link NameEndings} and Float literals made by {@link NumberLiterals}.
 */
public class QuartzLexer extends InternalQuartzLexer {

	private final StringLiterals strings = new StringLiterals(new StringLiterals.TokenTypes(RULE_STRING,
			RULE_STRING_START, RULE_STRING_MIDDLE, RULE_STRING_END, RULE_ANY_OTHER));

	public QuartzLexer() {
	}

	public QuartzLexer(CharStream input) {
		super(input);
	}

	@Override
	public void setCharStream(CharStream input) {
		strings.reset();
		super.setCharStream(input);
	}

	@Override
	public Token nextToken() {
		Token string = strings.lexStringAt(input);
		if (string != null) {
			return withText(string);
		}
		Token token = NumberLiterals.extendFloat(NameEndings.splitBangEquals(super.nextToken(), RULE_ID, input), RULE_INT,
				RULE_FLOAT, input);
		strings.track(token);
		return withText(token);
	}

	/**
	 * The token with its text cut from the input once and kept: the newline filter and the parser
	 * ask for it several times, and a token without its own text cuts a new copy at each ask.
	 */
	private static Token withText(Token token) {
		if (token instanceof CommonToken common && token.getType() != Token.EOF) {
			common.setText(common.getText());
		}
		return token;
	}
}
