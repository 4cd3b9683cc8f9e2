package org.quartz.tests.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiler crashes that are known and being fixed elsewhere (issue 11). A failing fuzz input
 * that shows one of these constructs is counted under the issue's name and printed, not failed;
 * the generator never produces them. Remove an entry once its fix is merged (docs/fuzzing.md
 * lists them too).
 */
final class KnownIssues {

	/** A known crash and a rough test for inputs that contain its construct. */
	record KnownIssue(String name, Predicate<String> appearsIn) {
	}

	private static final String KEYWORDS = "def|end|if|elsif|else|then|while|for|in|loop|match|select|do|go|await|return|break|"
			+ "continue|defer|var|const|struct|enum|actor|type|import|extern|recv|send|as|not|and|or|nil|true|false|new|Fn";

	static final List<KnownIssue> ALL = List.of(
			new KnownIssue("type-alias-cycle", KnownIssues::hasAliasOfAlias),
			new KnownIssue("parenthesized-assignment-target", find("(?m)^\\s*\\(.*\\)\\s*(=|\\+=|-=|\\*=|/=|%=)(?![=>])")),
			new KnownIssue("deep-parentheses", source -> nesting(source) > 1000),
			new KnownIssue("or-pattern-binding-names-unevenly", find("(?m)^[^#\\n]*\\|[^|\\n]*=>")),
			new KnownIssue("constant-defined-from-constants", find("(?m)^\\s*const\\s+\\w+\\s*(:[^=]*)?=[^\\n]*\\b[A-Z][A-Z0-9_]*\\b")),
			new KnownIssue("constant-in-match-pattern", find("(?m)^\\s*[A-Z][A-Z0-9_]+\\s*(\\||=>)")),
			new KnownIssue("else-if", find("\\belse\\s+if\\b")),
			new KnownIssue("keyword-as-name", find("(\\b(def|var|const|struct|enum|actor|type|for|as)\\s+|\\.|\\(|,\\s*|^\\s*)(" + KEYWORDS
					+ ")\\s*[:=(<]|\\.(" + KEYWORDS + ")\\b|(?m)^\\s*(" + KEYWORDS + ")\\s*=[^=>]")),
			new KnownIssue("try-in-lambda", source -> source.contains("do") && find("[\\w)\\]]\\?(?![\\w(])").test(source)));

	private KnownIssues() {
	}

	/** The first known issue whose construct appears in {@code source}. */
	static Optional<KnownIssue> matching(String source) {
		return ALL.stream().filter(issue -> issue.appearsIn().test(source)).findFirst();
	}

	private static Predicate<String> find(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return source -> pattern.matcher(source).find();
	}

	private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*type\\s+(\\w+)[^=\\n]*=([^\\n]*)");

	private static boolean hasAliasOfAlias(String source) {
		Matcher matcher = ALIAS.matcher(source);
		List<String[]> aliases = new java.util.ArrayList<>();
		while (matcher.find()) {
			aliases.add(new String[] { matcher.group(1), matcher.group(2) });
		}
		return aliases.stream().anyMatch(alias -> aliases.stream()
				.anyMatch(other -> Pattern.compile("\\b" + Pattern.quote(other[0]) + "\\b").matcher(alias[1]).find()));
	}

	private static int nesting(String source) {
		int depth = 0;
		int deepest = 0;
		for (int i = 0; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				deepest = Math.max(deepest, ++depth);
			} else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
				depth--;
			}
		}
		return deepest;
	}
}
