package org.quartz.lang.parser;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * Lexes string literals for a generated lexer, since a regular lexer rule cannot: in
 * {@code "a #{f("x")} b"} the quote inside the interpolation does not end the string, and the
 * brace that closes the interpolation resumes it. A stack holds, per open interpolation, how
 * many {@code {}} braces (struct literals) are open inside it, so only the matching brace
 * resumes the string.
 *
 * Tokens: {@code "abc"} STRING, {@code "abc#{} STRING_START, {@code }abc#{} STRING_MIDDLE,
 * {@code }abc"} STRING_END. A string may span lines: its newlines are part of the token, so they
 * never end a statement, and the character stream still counts them for the line numbers of
 * later tokens. A string not closed before the end of the input becomes one ANY_OTHER token,
 * which the parser reports as a syntax error (`unterminated string`) where it starts.
 */
public final class StringLiterals {

	/** Token type numbers of the generated lexer. */
	public record TokenTypes(int string, int start, int middle, int end, int anyOther) {
	}

	private final TokenTypes types;
	private final Deque<int[]> openBraces = new ArrayDeque<>();

	public StringLiterals(TokenTypes types) {
		this.types = types;
	}

	public void reset() {
		openBraces.clear();
	}

	/** The string token starting at the stream's position, or null when none starts there. */
	public Token lexStringAt(CharStream input) {
		int next = input.LA(1);
		if (next == '"') {
			return lexString(input, false);
		}
		if (next == '}' && !openBraces.isEmpty() && openBraces.peek()[0] == 0) {
			openBraces.pop();
			return lexString(input, true);
		}
		return null;
	}

	/** Counts braces of a token the generated lexer produced. */
	public void track(Token token) {
		if (openBraces.isEmpty() || token.getType() == Token.EOF) {
			return;
		}
		String text = token.getText();
		if ("{".equals(text)) {
			openBraces.peek()[0]++;
		} else if ("}".equals(text)) {
			openBraces.peek()[0]--;
		}
	}

	private Token lexString(CharStream input, boolean continuation) {
		int start = input.index();
		int line = input.getLine();
		int column = input.getCharPositionInLine();
		input.consume();
		int type;
		while (true) {
			int c = input.LA(1);
			if (c == CharStream.EOF) {
				type = types.anyOther();
				break;
			}
			input.consume();
			if (c == '\\') {
				if (input.LA(1) != CharStream.EOF) {
					input.consume();
				}
			} else if (c == '"') {
				type = continuation ? types.end() : types.string();
				break;
			} else if (c == '#' && input.LA(1) == '{') {
				input.consume();
				openBraces.push(new int[] { 0 });
				type = continuation ? types.middle() : types.start();
				break;
			}
		}
		CommonToken token = new CommonToken(input, type, Token.DEFAULT_CHANNEL, start, input.index() - 1);
		token.setLine(line);
		token.setCharPositionInLine(column);
		return token;
	}
}
