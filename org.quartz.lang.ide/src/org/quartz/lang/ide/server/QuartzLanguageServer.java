package org.quartz.lang.ide.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.validation.Issue;
import org.quartz.lang.ide.formatting.QuartzFormatter;
import org.quartz.lang.ide.highlighting.QuartzSemanticTokens;
import org.quartz.lang.ide.inlay.QuartzInlayHints;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.ide.rename.QuartzRenameCheck;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.NamedElement;

/**
 * Xtext's language server with Quartz's own document symbols, semantic tokens, formatting and
 * inlay hints, and diagnostics coded as on the command line.
 */
public class QuartzLanguageServer extends LanguageServerImpl {

	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ServerCapabilities capabilities = super.createServerCapabilities(params);
		SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
				new SemanticTokensLegend(QuartzSemanticTokens.TOKEN_TYPES, QuartzSemanticTokens.TOKEN_MODIFIERS));
		tokens.setFull(true);
		tokens.setRange(false);
		capabilities.setSemanticTokensProvider(tokens);
		capabilities.setDocumentRangeFormattingProvider(false);
		capabilities.setInlayHintProvider(true);
		return capabilities;
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		String code = QuartzDiagnostic.codeOf(issue); // as the command line prints it
		diagnostic.setCode(code);
		diagnostic.setSource("quartz");
		// What a Quartz check attached for its quick fix (QZ0501: the missing patterns); not Xtext's own data.
		diagnostic.setData(code.equals(issue.getCode()) && issue.getData() != null && issue.getData().length > 0
				? List.of(issue.getData()) : null);
		return diagnostic;
	}

	@Override
	protected List<DocumentSymbol> documentSymbol(DocumentSymbolParams params, CancelIndicator cancelIndicator) {
		URI uri = getURI(params.getTextDocument());
		QuartzDocumentSymbols service = getService(uri, QuartzDocumentSymbols.class);
		if (service == null) {
			return Collections.emptyList();
		}
		return getWorkspaceManager().doRead(uri, (document, resource) -> service.symbols(document, resource));
	}

	/**
	 * Renames through the references finder (which sees locals, unlike Xtext's serializer-based
	 * rename): the declaration's name and every reference become the new name. A new name that
	 * is not an identifier, or that clashes (see {@link QuartzRenameCheck}), is refused with an error.
	 */
	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancelIndicator) {
		URI uri = getURI(params.getTextDocument());
		DocumentSymbolService symbols = getService(uri, DocumentSymbolService.class);
		WorkspaceEdit edit = new WorkspaceEdit(new LinkedHashMap<>());
		if (symbols == null) {
			return edit;
		}
		QuartzRenameCheck check = getService(uri, QuartzRenameCheck.class);
		ILocationInFileProvider locationInFile = getService(uri, ILocationInFileProvider.class);
		// Checks the name and renames the `x = e` that assign to the binding (no references: they
		// parse as bindings); the references are then looked up from the binding's own name.
		Position declaration = getWorkspaceManager().doRead(uri, (document, resource) -> {
			NamedElement target = SourceElements.declarationOf(SourceElements.elementOf(
					SourceElements.tokenAt(resource, document.getOffSet(params.getPosition()))));
			if (target == null) {
				return params.getPosition();
			}
			String problem = check.problem(target, params.getNewName());
			if (problem != null) {
				throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, problem, null));
			}
			for (LetDecl assignment : SourceElements.assignmentsTo(target, EcoreUtil2.getRootContainer(target))) {
				if (assignment.eResource() == resource) {
					edit.getChanges().computeIfAbsent(params.getTextDocument().getUri(), key -> new ArrayList<>())
							.add(new TextEdit(range(document, locationInFile.getSignificantTextRegion(assignment)), params.getNewName()));
				}
			}
			return target.eResource() == resource
					? document.getPosition(locationInFile.getSignificantTextRegion(target).getOffset())
					: params.getPosition();
		});
		ReferenceParams references = new ReferenceParams(params.getTextDocument(), declaration, new ReferenceContext(true));
		List<? extends Location> locations = getWorkspaceManager().doRead(uri,
				(document, resource) -> symbols.getReferences(document, resource, references,
						getWorkspaceResourceAccess(), getWorkspaceManager().getIndex(), cancelIndicator));
		for (Location location : locations) {
			edit.getChanges().computeIfAbsent(location.getUri(), key -> new ArrayList<>())
					.add(new TextEdit(location.getRange(), params.getNewName()));
		}
		return edit;
	}

	private static Range range(Document document, ITextRegion region) {
		return new Range(document.getPosition(region.getOffset()), document.getPosition(region.getOffset() + region.getLength()));
	}

	/** Inlay hints, which Xtext's server does not offer: the inferred types of bindings (see {@link QuartzInlayHints}). */
	@Override
	public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
		return getRequestManager().runRead(cancelIndicator -> {
			URI uri = getURI(params.getTextDocument());
			QuartzInlayHints service = getService(uri, QuartzInlayHints.class);
			if (service == null) {
				return List.of();
			}
			return getWorkspaceManager().doRead(uri, (document, resource) -> service.hints(document, resource, params.getRange()));
		});
	}

	@Override
	protected SemanticTokens semanticTokensFull(SemanticTokensParams params, CancelIndicator cancelIndicator) {
		URI uri = getURI(params.getTextDocument());
		QuartzSemanticTokens service = getService(uri, QuartzSemanticTokens.class);
		if (service == null) {
			return new SemanticTokens(List.of());
		}
		return getWorkspaceManager().doRead(uri, (document, resource) -> service.tokens(document, resource));
	}

	@Override
	protected List<? extends TextEdit> formatting(DocumentFormattingParams params, CancelIndicator cancelIndicator) {
		URI uri = getURI(params.getTextDocument());
		QuartzFormatter formatter = getService(uri, QuartzFormatter.class);
		if (formatter == null) {
			return List.of();
		}
		return getWorkspaceManager().doRead(uri, (document, resource) -> formatter.edits(document));
	}

	@Override
	protected List<? extends TextEdit> rangeFormatting(DocumentRangeFormattingParams params,
			CancelIndicator cancelIndicator) {
		return List.of(); // not offered: indentation depends on the whole file
	}
}
