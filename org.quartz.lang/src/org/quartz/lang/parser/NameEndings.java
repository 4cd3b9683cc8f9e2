package org.quartz.lang.parser;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * Names may end in `!` (`save!`), but in `a!=b` the `!` belongs to `!=`: the lexer's longest
 * match would make the name `a!`. This gives such a `!` back to the input.
 */
public final class NameEndings {

	private NameEndings() {
	}

	/** Shortens a name token ending in `!` when `=` follows, so `!=` is lexed next. */
	public static Token splitBangEquals(Token token, int nameType, CharStream input) {
		if (token.getType() == nameType && token instanceof CommonToken name && name.getText().endsWith("!")
				&& input.LA(1) == '=') {
			name.setStopIndex(name.getStopIndex() - 1);
			name.setText(null);
			input.seek(input.index() - 1);
			input.setCharPositionInLine(input.getCharPositionInLine() - 1);
		}
		return token;
	}
}
