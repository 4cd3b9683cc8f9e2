package org.quartz.lang.ui.highlighting;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

/** The grammar's word keywords (`def`, `end`, `match` ...), taken from the grammar itself so the two never drift. */
public final class QuartzKeywords {

	private QuartzKeywords() {
	}

	public static Set<String> of(IGrammarAccess grammarAccess) {
		Set<String> words = new TreeSet<>();
		for (String keyword : GrammarUtil.getAllKeywords(grammarAccess.getGrammar())) {
			if (keyword.matches("[A-Za-z_][A-Za-z0-9_]*[?!]?")) {
				words.add(keyword);
			}
		}
		return words;
	}
}
