package org.quartz.lang.ide.formatting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * Re-indents Quartz source: two spaces per open block (`def`, `if`, `while`, `for`, `loop`,
 * `match`, `select`, `actor`, `struct`, `enum`, `trait`, `impl`, `do` ... `end`; a trait's
 * methods are signatures, without `end`), per open bracket, and for a match or select arm
 * whose body starts on the next line; removes trailing whitespace. Works on tokens, so it
 * formats files with syntax errors too and never touches string contents.
 */
public class QuartzFormatter {

	private static final String INDENT = "  ";
	private static final Set<String> BLOCK_OPENERS = Set.of("'def'", "'if'", "'while'", "'for'", "'loop'", "'match'",
			"'select'", "'actor'", "'struct'", "'enum'", "'trait'", "'impl'", "'do'");
	private static final Set<String> BRACKET_OPENERS = Set.of("'('", "'['", "'{'");
	private static final Set<String> CLOSERS = Set.of("'end'", "')'", "']'", "'}'");
	/** Lines starting with these sit at the level of the block they continue. */
	private static final Set<String> CONTINUATIONS = Set.of("'else'", "'elsif'");

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexerProvider;

	@Inject
	private ITokenDefProvider tokenDefs;

	/** An open block or bracket; {@code armBody} when a match/select arm's body continues below its `=>`. */
	private static final class Open {
		final String opener;
		boolean armBody;

		Open(String opener) {
			this.opener = opener;
		}

		int indent() {
			return armBody ? 2 : 1;
		}

		boolean hasArms() {
			return opener.equals("'match'") || opener.equals("'select'");
		}
	}

	/** The edits that turn the document into its formatted form: one per changed line. */
	public List<TextEdit> edits(Document document) {
		String text = document.getContents();
		String[] lines = text.split("\r?\n", -1);
		String[] formatted = format(text).split("\n", -1);
		List<TextEdit> edits = new ArrayList<>();
		for (int line = 0; line < lines.length && line < formatted.length; line++) {
			if (!lines[line].equals(formatted[line])) {
				Range range = new Range(new Position(line, 0), new Position(line, lines[line].length()));
				edits.add(new TextEdit(range, formatted[line]));
			}
		}
		return edits;
	}

	/** The formatted text, lines joined with "\n" (one line per line of the input). */
	public String format(String text) {
		String[] lines = text.split("\r?\n", -1);
		List<List<String>> tokensByLine = new ArrayList<>();
		boolean[] insideToken = new boolean[lines.length];
		for (int i = 0; i < lines.length; i++) {
			tokensByLine.add(new ArrayList<>());
		}
		tokenize(text, tokensByLine, insideToken);

		Deque<Open> open = new ArrayDeque<>();
		StringBuilder result = new StringBuilder();
		for (int line = 0; line < lines.length; line++) {
			if (line > 0) {
				result.append('\n');
			}
			if (insideToken[line]) {
				result.append(lines[line]); // the middle of a multi-line string: its text is data
				continue;
			}
			String content = lines[line].strip();
			List<String> tokens = tokensByLine.get(line);
			if (content.isEmpty()) {
				continue;
			}
			String first = tokens.isEmpty() ? "" : tokens.get(0);
			Open top = open.peek();
			boolean armLine = top != null && top.hasArms() && contains(tokens, "'=>'") && !CLOSERS.contains(first);
			if (armLine) {
				top.armBody = false; // a new arm ends the previous arm's body
			}
			int indent = open.stream().mapToInt(Open::indent).sum();
			if (top != null && (CLOSERS.contains(first) || CONTINUATIONS.contains(first))) {
				indent -= top.indent();
			}
			result.append(INDENT.repeat(Math.max(0, indent))).append(content);
			update(open, tokens);
			if (armLine && open.peek() == top && last(tokens).equals("'=>'")) {
				top.armBody = true;
			}
		}
		return result.toString();
	}

	private static void update(Deque<Open> open, List<String> tokens) {
		boolean externLine = !tokens.isEmpty() && tokens.get(0).equals("'extern'");
		boolean implLine = !tokens.isEmpty() && tokens.get(0).equals("'impl'");
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (token.equals("'def'") && (externLine || isOneLineDefinition(tokens, i) || isTraitMethod(open))) {
				continue;
			}
			if (token.equals("'for'") && implLine) {
				continue;   // `impl Shape for Circle`: no loop
			}
			if (BLOCK_OPENERS.contains(token) || BRACKET_OPENERS.contains(token)) {
				open.push(new Open(token));
			} else if (CLOSERS.contains(token) && !open.isEmpty()) {
				open.pop();
			}
		}
	}

	/** A `def` directly in a trait: a signature, without a body or `end`. */
	private static boolean isTraitMethod(Deque<Open> open) {
		return !open.isEmpty() && open.peek().opener.equals("'trait'");
	}

	/** `def f(x: Int): Int = x + 1`: a `=` after the signature, outside brackets. */
	private static boolean isOneLineDefinition(List<String> tokens, int def) {
		int depth = 0;
		for (int i = def + 1; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (BRACKET_OPENERS.contains(token)) {
				depth++;
			} else if (token.equals("')'") || token.equals("']'") || token.equals("'}'")) {
				depth--;
			} else if (depth == 0 && token.equals("'='")) {
				return true;
			}
		}
		return false;
	}

	/** Fills each line's significant token names and marks lines that start inside a multi-line token. */
	private void tokenize(String text, List<List<String>> tokensByLine, boolean[] insideToken) {
		Map<Integer, String> names = tokenDefs.getTokenDefMap();
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			String name = names.getOrDefault(token.getType(), "");
			int line = token.getLine() - 1;
			if (token.getText() != null) {
				int newlines = (int) token.getText().chars().filter(c -> c == '\n').count();
				if (!name.equals("RULE_NL")) {
					for (int inner = line + 1; inner <= line + newlines && inner < insideToken.length; inner++) {
						insideToken[inner] = true;
					}
				}
			}
			if (line < 0 || line >= tokensByLine.size() || name.equals("RULE_WS") || name.equals("RULE_NL")
					|| name.equals("RULE_SL_COMMENT")) {
				continue;
			}
			tokensByLine.get(line).add(name.startsWith("'") ? name : name.isEmpty() ? "?" : name);
		}
	}

	private static boolean contains(List<String> tokens, String name) {
		return tokens.contains(name);
	}

	private static String last(List<String> tokens) {
		return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
	}
}
