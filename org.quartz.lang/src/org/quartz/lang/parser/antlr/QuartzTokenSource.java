package org.quartz.lang.parser.antlr;

import org.antlr.runtime.TokenSource;
import org.quartz.lang.parser.NewlineFilter;
import org.quartz.lang.parser.antlr.internal.InternalQuartzParser;

/** The runtime parser's {@link NewlineFilter} (the generated QuartzParser instantiates this class). */
public class QuartzTokenSource extends NewlineFilter {

	static final TokenTypes TYPES = new TokenTypes(InternalQuartzParser.RULE_NL, InternalQuartzParser.RULE_ARM,
			InternalQuartzParser.RULE_WS, InternalQuartzParser.RULE_SL_COMMENT, InternalQuartzParser.RULE_ANY_OTHER,
			InternalQuartzParser.GreaterThanSign);

	public QuartzTokenSource(TokenSource delegate) {
		super(delegate, TYPES);
	}
}
