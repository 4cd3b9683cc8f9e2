package org.quartz.lang.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

/**
 * Decides which newlines end a statement, between lexer and parser.
 *
 * <ul>
 * <li>{@code ;} becomes NL.</li>
 * <li>A newline is dropped (re-typed as whitespace, so the node model keeps its text) at the
 * start of input, after another statement end, after a token that continues the line (a
 * binary operator, {@code ,}, an open bracket, {@code =}, the {@code #{} opening an interpolation),
 * and before a token that cannot start a statement ({@code )}, {@code ]}, {@code }}, a leading
 * {@code .}, {@code and}, {@code or}, the {@code }} closing an interpolation). A string literal's
 * own newlines are inside its token and never reach this filter.
 * A {@code >} that closes type arguments ({@code Vec<Int>}) does not continue the line: a
 * {@code <} written right after a capitalised name opens type arguments, a comparison does not.</li>
 * <li>Brackets nest at most {@link #MAX_NESTING} deep, and so do blocks (a keyword that opens one,
 * {@code if}, {@code do}, {@code while}, ..., against {@code end}): the bracket or keyword past it
 * is handed out as an unknown character (the syntax error says why) and the input ends there, so
 * nothing later in the compiler recurses deeper, or resolves names through more scopes, than
 * the language allows.</li>
 * <li>A newline that stays and is followed by a line holding {@code =>} outside brackets becomes
 * ARM: the grammar starts a match or select arm there, so an arm body ends where the next
 * {@code pattern =>} begins without any lookahead in the parser.</li>
 * </ul>
 */
public class NewlineFilter implements TokenSource {

	/** Token type numbers of the generated lexer this filter reads from ({@code greater}: the keyword {@code >}). */
	public record TokenTypes(int newline, int arm, int whitespace, int comment, int anyOther, int greater) {
	}

	/** Tokens after which a line continues; `>` only as a comparison (see {@link #trackTypeArguments}). */
	private static final Set<String> CONTINUES_LINE = Set.of(
			"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "..", "..=",
			"and", "or", "&&", "||", "not", "!", "=", "+=", "-=", "*=", "/=", "%=",
			",", "(", "[", "{", ".", "::", "|", "&", "^", "~", "<<", ">>", ">>>");

	private static final Set<String> CANNOT_START_LINE = Set.of(
			")", "]", "}", ".", "and", "or", "&&", "||");

	/** How far ahead a line is searched for the `=>` of a match or select arm, in tokens. */
	private static final int ARM_SCAN_LIMIT = 4096;

	/** The deepest bracket nesting the language allows, and the deepest block nesting. */
	public static final int MAX_NESTING = 256;

	/**
	 * Keywords that open a block closed by {@code end}. Not {@code def}: `def f() = e` and
	 * extern functions have no `end`, and a def's own `end` only makes the count smaller.
	 */
	public static final Set<String> OPENS_BLOCK = Set.of(
			"struct", "enum", "actor", "while", "for", "loop", "if", "match", "select", "do");

	private final TokenSource delegate;
	private final TokenTypes types;
	/** Tokens read from the delegate but not yet handed out, from index {@code next} on. */
	private final List<Token> lookahead = new ArrayList<>();
	private int next;
	/** The last token handed out that was not hidden; null at the start. */
	private Token lastSignificant;
	/** The last token handed out, hidden or not; null at the start. */
	private Token previous;
	/** Type argument lists ({@code Vec<}) open on the current line. */
	private int openTypeArguments;
	/** Whether {@link #lastSignificant} is the {@code >} closing a type argument list. */
	private boolean lastClosesTypeArguments;
	/** Brackets open before the next token. */
	private int nesting;
	/** Blocks open before the next token. */
	private int blockNesting;
	/** The bracket or block past {@link #MAX_NESTING} was handed out: only EOF follows. */
	private boolean tooDeep;

	public NewlineFilter(TokenSource delegate, TokenTypes types) {
		this.delegate = delegate;
		this.types = types;
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}

	@Override
	public Token nextToken() {
		if (tooDeep) {
			return new CommonToken(Token.EOF, "");
		}
		Token token = take();
		if (limitNesting(token)) {
			return handOut(token);
		}
		if (isStatementEnd(token)) {
			token.setType(types.newline());
			if (lastSignificant == null || lastSignificant.getType() == types.newline()
					|| lastSignificant.getType() == types.arm()
					|| (continuesLine(lastSignificant.getText()) && !lastClosesTypeArguments)
					|| cannotStartLine(peekSignificant())) {
				token.setType(types.whitespace());
				return handOut(token);
			}
			openTypeArguments = 0;
			if (nextLineIsArm()) {
				token.setType(types.arm());
			}
		}
		return handOut(token);
	}

	/** Counts brackets and blocks; true when this token opens one too deep (it is now an unknown character). */
	private boolean limitNesting(Token token) {
		String text = token.getText() == null || token.getType() == types.anyOther() ? "" : token.getText();
		switch (text) {
			case "(", "[", "{" -> {
				return tooDeep(token, ++nesting);
			}
			case ")", "]", "}" -> nesting = Math.max(0, nesting - 1);
			case "end" -> blockNesting = Math.max(0, blockNesting - 1);
			default -> {
				if (OPENS_BLOCK.contains(text)) {
					return tooDeep(token, ++blockNesting);
				}
			}
		}
		return false;
	}

	private boolean tooDeep(Token token, int depth) {
		if (depth <= MAX_NESTING) {
			return false;
		}
		token.setType(types.anyOther());
		tooDeep = true;
		return true;
	}

	private Token handOut(Token token) {
		if (!isHidden(token)) {
			trackTypeArguments(token);
			lastSignificant = token;
		}
		previous = token;
		return token;
	}

	/** A `<` right after a capitalised name opens type arguments (`Vec<Int>`); its `>` ends no comparison. */
	private void trackTypeArguments(Token token) {
		lastClosesTypeArguments = false;
		if ("<".equals(token.getText()) && previous != null && isCapitalisedName(previous.getText())) {
			openTypeArguments++;
		} else if (">".equals(token.getText()) && openTypeArguments > 0) {
			openTypeArguments--;
			lastClosesTypeArguments = true;
		}
	}

	private static boolean isCapitalisedName(String text) {
		return text != null && !text.isEmpty() && Character.isUpperCase(text.charAt(0))
				&& text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
	}

	private Token take() {
		Token token;
		if (next < lookahead.size()) {
			token = lookahead.get(next++);
		} else {
			lookahead.clear();
			next = 0;
			token = delegate.nextToken();
		}
		return openTypeArguments > 0 ? splitShift(token) : token;
	}

	/**
	 * Inside type arguments, {@code >>} and {@code >>>} close two or three lists
	 * ({@code Vec<Vec<Int>>}): the lexer's longest match made them one shift operator.
	 */
	private Token splitShift(Token token) {
		if (!(token instanceof CommonToken shift) || !(">>".equals(token.getText()) || ">>>".equals(token.getText()))) {
			return token;
		}
		int start = shift.getStartIndex();
		List<Token> closers = new ArrayList<>();
		for (int i = 0; i < token.getText().length(); i++) {
			CommonToken closer = new CommonToken(shift.getInputStream(), types.greater(), shift.getChannel(), start + i, start + i);
			closer.setLine(shift.getLine());
			closer.setCharPositionInLine(shift.getCharPositionInLine() + i);
			closers.add(closer);
		}
		lookahead.addAll(next, closers.subList(1, closers.size()));
		return closers.get(0);
	}

	/** The i-th token ahead (0-based), reading from the delegate as needed; EOF repeats at the end. */
	private Token peek(int i) {
		while (lookahead.size() - next <= i) {
			Token last = lookahead.isEmpty() ? null : lookahead.get(lookahead.size() - 1);
			if (last != null && last.getType() == Token.EOF) {
				return last;
			}
			lookahead.add(delegate.nextToken());
		}
		return lookahead.get(next + i);
	}

	private Token peekSignificant() {
		for (int i = 0;; i++) {
			Token t = peek(i);
			if (t.getType() == Token.EOF || (!isHidden(t) && !isStatementEnd(t))) {
				return t;
			}
		}
	}

	private boolean cannotStartLine(Token token) {
		if (token.getType() == Token.EOF) {
			return dropsNewlineAtEnd();
		}
		return CANNOT_START_LINE.contains(token.getText()) || resumesString(token.getText());
	}

	/**
	 * Whether a newline right before the end of input is dropped (it ends no statement there).
	 * Content assist keeps it: its input ends at the cursor, where a new statement starts.
	 */
	protected boolean dropsNewlineAtEnd() {
		return true;
	}

	/** After an operator, `,`, an open bracket, or the `#{` of an interpolation. */
	private static boolean continuesLine(String text) {
		return CONTINUES_LINE.contains(text) || opensInterpolation(text);
	}

	/** `"a #{` and `}b #{`: string pieces (the lexer's) that open an interpolation. */
	private static boolean opensInterpolation(String text) {
		return text != null && text.length() >= 3 && text.endsWith("#{") && (text.startsWith("\"") || text.startsWith("}"));
	}

	/** `}b"` and `}b #{`: string pieces that close an interpolation and go on with the string. */
	private static boolean resumesString(String text) {
		return text != null && text.length() >= 2 && text.startsWith("}");
	}

	/**
	 * True when the next non-blank line holds `=>` outside brackets within its first
	 * {@link #ARM_SCAN_LIMIT} tokens. The limit keeps a line with an unclosed bracket (which runs
	 * on to the end of the file) from being scanned again at every newline: quadratic time.
	 */
	private boolean nextLineIsArm() {
		int start = 0;
		while (peek(start).getType() != Token.EOF && (isHidden(peek(start)) || isStatementEnd(peek(start)))) {
			start++;
		}
		int depth = 0;
		for (int i = start;; i++) {
			Token t = peek(i);
			if (t.getType() == Token.EOF || i - start > ARM_SCAN_LIMIT
					|| (depth == 0 && isStatementEnd(t) && !continuesLine(i))) {
				return false;
			}
			if (isHidden(t)) {
				continue;
			}
			switch (t.getText()) {
				case "(", "[", "{" -> depth++;
				case ")", "]", "}" -> depth = Math.max(0, depth - 1);
				case "=>" -> {
					if (depth == 0) {
						return true;
					}
				}
				default -> {
				}
			}
		}
	}

	/** Whether the statement end at lookahead index i will be dropped because its line continues. */
	private boolean continuesLine(int i) {
		for (int j = i - 1; j >= 0; j--) {
			Token t = peek(j);
			if (!isHidden(t)) {
				return continuesLine(t.getText());
			}
		}
		return false;
	}

	private boolean isStatementEnd(Token t) {
		int type = t.getType();
		return type == types.newline()
				|| (type == types.anyOther() && ";".equals(t.getText()));
	}

	private boolean isHidden(Token t) {
		int type = t.getType();
		return type == types.whitespace() || type == types.comment()
				|| t.getChannel() != Token.DEFAULT_CHANNEL;
	}

}
