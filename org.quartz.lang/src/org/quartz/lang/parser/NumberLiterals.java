package org.quartz.lang.parser;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * Float literals: a decimal INT that a fraction (`.` and a digit) or an exponent (`e`, an
 * optional sign and a digit) follows is extended into one FLOAT token. Doing this after ANTLR's
 * INT keeps `1..5` a range and `1.to_s` a call without any lookahead in the generated lexer.
 */
public final class NumberLiterals {

	private NumberLiterals() {
	}

	/** The token, retyped to {@code floatType} and extended when a fraction or exponent follows. */
	public static Token extendFloat(Token token, int intType, int floatType, CharStream input) {
		if (token.getType() != intType || !(token instanceof CommonToken number) || number.getText().startsWith("0x")) {
			return token;
		}
		boolean isFloat = false;
		if (input.LA(1) == '.' && isDigit(input.LA(2))) {
			input.consume();
			consumeDigits(input);
			isFloat = true;
		}
		if ((input.LA(1) == 'e' || input.LA(1) == 'E')
				&& (isDigit(input.LA(2)) || ((input.LA(2) == '+' || input.LA(2) == '-') && isDigit(input.LA(3))))) {
			input.consume();
			if (!isDigit(input.LA(1))) {
				input.consume(); // the sign
			}
			consumeDigits(input);
			isFloat = true;
		}
		if (isFloat) {
			number.setType(floatType);
			number.setStopIndex(input.index() - 1);
			number.setText(null); // read from the input again, now with the fraction and exponent
		}
		return token;
	}

	private static void consumeDigits(CharStream input) {
		while (isDigit(input.LA(1)) || input.LA(1) == '_') {
			input.consume();
		}
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}
}
