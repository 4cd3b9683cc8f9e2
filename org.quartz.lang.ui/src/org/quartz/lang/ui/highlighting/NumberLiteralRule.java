package org.quartz.lang.ui.highlighting;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A number literal as one token, the shapes the compiler's lexer reads (reference §1.4): `42`,
 * `1_000`, `0xff`, and Floats `1.5`, `2.5e-3`, `1e9`. A `.` is part of the number only when a
 * digit follows it, so `1..5` and `1.to_s` colour just the `1`.
 */
final class NumberLiteralRule implements IRule {

	private final IToken token;

	NumberLiteralRule(IToken token) {
		this.token = token;
	}

	@Override
	public IToken evaluate(ICharacterScanner scanner) {
		int c = scanner.read();
		if (!isDigit(c)) {
			scanner.unread();
			return Token.UNDEFINED;
		}
		if (c == '0' && peek(scanner) == 'x') {
			scanner.read();
			while (isHexDigit(peek(scanner)) || peek(scanner) == '_') {
				scanner.read();
			}
			return token;
		}
		readDigits(scanner);
		if (peek(scanner) == '.') {
			scanner.read();
			if (isDigit(peek(scanner))) {
				readDigits(scanner);
			} else {
				scanner.unread(); // a range or a member: the `.` is not ours
				return token;
			}
		}
		if (peek(scanner) == 'e' || peek(scanner) == 'E') {
			int read = 1;
			scanner.read();
			if (peek(scanner) == '+' || peek(scanner) == '-') {
				scanner.read();
				read++;
			}
			if (isDigit(peek(scanner))) {
				readDigits(scanner);
			} else {
				for (int i = 0; i < read; i++) {
					scanner.unread();
				}
			}
		}
		return token;
	}

	private static int peek(ICharacterScanner scanner) {
		int c = scanner.read();
		scanner.unread();
		return c;
	}

	private static void readDigits(ICharacterScanner scanner) {
		while (isDigit(peek(scanner)) || peek(scanner) == '_') {
			scanner.read();
		}
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHexDigit(int c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}
}
