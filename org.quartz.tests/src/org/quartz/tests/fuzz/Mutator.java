package org.quartz.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of real Quartz programs (the project's test programs): token ranges deleted,
 * duplicated or swapped, keywords and brackets inserted, the text truncated, an expression
 * nested deeply. Works on a rough token split (words, numbers, strings, punctuation, newlines)
 * so mutations keep the surrounding program recognisable.
 */
final class Mutator {

	private static final Pattern TOKEN = Pattern.compile(
			"\"(?:[^\"\\\\\\n]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*[?!]?|0x[0-9a-fA-F_]+|[0-9][0-9_]*|\\n|#[^\\n]*|[ \\t]+|"
					+ "==|!=|<=|>=|=>|->|\\.\\.=|\\.\\.|::|&&|\\|\\||\\+=|-=|\\*=|/=|%=|.",
			Pattern.DOTALL);

	private static final String[] INSERTIONS = { "def", "end", "if", "elsif", "else", "then", "while", "for", "in",
			"loop", "match", "select", "do", "->", "=>", "go", "await", "return", "break", "continue", "defer", "var",
			"const", "struct", "enum", "actor", "type", "import", "extern \"C\"", "recv", "send", "timeout", "default",
			"as", "not", "and", "or", "nil", "true", "(", ")", "[", "]", "{", "}", "\"", "\"#{", "}\"", "::", ".", ",",
			"?", "|", "_", "=", "+=", "..", "\n", ";", "Fn(Int): Int", "<", ">", "Vec<", "Some(", "None", "Ok(", "Err(",
			"0", "-", "9223372036854775808", "0x", "1_", "'", "\\", "@", "$", "\t", "\r", "é", "\u0000", "#" };

	private final Random random;

	Mutator(long seed) {
		random = new Random(seed);
	}

	/** One to three mutations of {@code source}. */
	String mutate(String source) {
		String text = source;
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			text = mutateOnce(text);
		}
		return text;
	}

	private String mutateOnce(String source) {
		List<String> tokens = tokens(source);
		if (tokens.isEmpty()) {
			return source + pick(INSERTIONS);
		}
		int n = tokens.size();
		int from = random.nextInt(n);
		int length = 1 + random.nextInt(Math.min(8, n - from));
		switch (random.nextInt(9)) {
			case 0 -> tokens.subList(from, from + length).clear();
			case 1 -> tokens.addAll(from, new ArrayList<>(tokens.subList(from, from + length)));
			case 2 -> {
				int other = random.nextInt(n);
				String a = tokens.get(from);
				tokens.set(from, tokens.get(other));
				tokens.set(other, a);
			}
			case 3, 4 -> tokens.add(from, (random.nextBoolean() ? " " : "") + pick(INSERTIONS) + " ");
			case 5 -> {
				return String.join("", tokens.subList(0, from));
			}
			case 6 -> tokens.set(from, pick(INSERTIONS));
			case 7 -> {
				// Deep nesting around one token: brackets, unary operators or lambdas.
				int depth = 1 + random.nextInt(random.nextBoolean() ? 40 : 3000);
				String[] wrap = pick(new String[][] { { "(", ")" }, { "[", "]" }, { "-", "" }, { "not ", "" },
						{ "Some(", ")" }, { "do -> ", " end" }, { "f(", ")" }, { "\"#{", "}\"" }, { "if true then ", " else 0 end" } });
				tokens.set(from, wrap[0].repeat(depth) + tokens.get(from) + wrap[1].repeat(depth));
			}
			default -> {
				// A block's lines duplicated many times: long bodies and many bindings.
				int times = 2 + random.nextInt(50);
				List<String> copy = new ArrayList<>(tokens.subList(from, from + length));
				for (int i = 0; i < times; i++) {
					tokens.addAll(from, copy);
				}
			}
		}
		return String.join("", tokens);
	}

	static List<String> tokens(String source) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(source);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	private <T> T pick(T[] choices) {
		return choices[random.nextInt(choices.length)];
	}
}
