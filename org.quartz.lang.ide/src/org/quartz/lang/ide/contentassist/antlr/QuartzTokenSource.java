package org.quartz.lang.ide.contentassist.antlr;

import org.antlr.runtime.TokenSource;
import org.quartz.lang.ide.contentassist.antlr.internal.InternalQuartzParser;
import org.quartz.lang.parser.NewlineFilter;

/**
 * The content-assist parser's {@link NewlineFilter} (the generated parser instantiates this class): the
 * newline before the cursor ends the statement, so that a name typed after it starts a new one.
 */
public class QuartzTokenSource extends NewlineFilter {

	static final TokenTypes TYPES = new TokenTypes(InternalQuartzParser.RULE_NL, InternalQuartzParser.RULE_ARM,
			InternalQuartzParser.RULE_WS, InternalQuartzParser.RULE_SL_COMMENT, InternalQuartzParser.RULE_ANY_OTHER,
			InternalQuartzParser.GreaterThanSign);

	public QuartzTokenSource(TokenSource delegate) {
		super(delegate, TYPES);
	}

	@Override
	protected boolean dropsNewlineAtEnd() {
		return false;
	}
}
