package org.quartz.lang.ide;

import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.contentassist.antlr.internal.Lexer;
import org.quartz.lang.ide.contentassist.antlr.QuartzContentAssistLexer;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Binds Quartz's IDE services (binding only). */
public class QuartzIdeModule extends AbstractQuartzIdeModule {

	@Override
	public void configureContentAssistLexer(Binder binder) {
		binder.bind(Lexer.class).annotatedWith(Names.named(LexerIdeBindings.CONTENT_ASSIST))
				.to(QuartzContentAssistLexer.class);
	}
}
