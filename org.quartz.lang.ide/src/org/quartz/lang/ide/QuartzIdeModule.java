package org.quartz.lang.ide;

import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.internal.Lexer;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;
import org.eclipse.xtext.ide.server.signatureHelp.ISignatureHelpService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.quartz.lang.ide.contentassist.QuartzContentProposalProvider;
import org.quartz.lang.ide.contentassist.antlr.QuartzContentAssistLexer;
import org.quartz.lang.ide.folding.QuartzFoldingRanges;
import org.quartz.lang.ide.hover.QuartzHoverService;
import org.quartz.lang.ide.occurrences.QuartzDocumentHighlights;
import org.quartz.lang.ide.quickfix.QuartzCodeActions;
import org.quartz.lang.ide.signature.QuartzSignatureHelpService;
import org.quartz.lang.ide.symbols.QuartzSymbolService;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Binds Quartz's IDE services (binding only). */
public class QuartzIdeModule extends AbstractQuartzIdeModule {

	@Override
	@SuppressWarnings("restriction") // the name Xtext binds its content assist lexer under is provisional API
	public void configureContentAssistLexer(Binder binder) {
		binder.bind(Lexer.class).annotatedWith(Names.named(LexerIdeBindings.CONTENT_ASSIST))
				.to(QuartzContentAssistLexer.class);
	}

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return QuartzContentProposalProvider.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return QuartzHoverService.class;
	}

	public Class<? extends ISignatureHelpService> bindISignatureHelpService() {
		return QuartzSignatureHelpService.class;
	}

	public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
		return QuartzSymbolService.class;
	}

	public Class<? extends FoldingRangeService> bindFoldingRangeService() {
		return QuartzFoldingRanges.class;
	}

	@SuppressWarnings("restriction") // Xtext's code action service is its language server's provisional API
	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return QuartzCodeActions.class;
	}

	public Class<? extends IDocumentHighlightService> bindIDocumentHighlightService() {
		return QuartzDocumentHighlights.class;
	}
}
