package org.quartz.lang.ide.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.ide.navigation.QuartzNavigation;
import com.google.inject.Inject;
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
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.quartz.lang.ide.formatting.QuartzFormatter;
import org.quartz.lang.ide.highlighting.QuartzSemanticTokens;
import org.quartz.lang.ide.inlay.QuartzInlayHints;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.quartz.NamedElement;

/**
 * Xtext's language server with Quartz's own document symbols, semantic tokens, formatting,
 * inlay hints, definition, references and rename (through {@link QuartzNavigation}, as in
 * Eclipse), and diagnostics coded as on the command line.
 */
public class QuartzLanguageServer extends LanguageServerImpl {

	@Inject
	private UriExtensions uriExtensions;

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
		return read(params.getTextDocument(), QuartzDocumentSymbols.class, Collections.emptyList(),
				(service, document, resource) -> service.symbols(document, resource));
	}

	@Override
	protected List<? extends Location> definition(CancelIndicator cancelIndicator, DefinitionParams params) {
		return read(params.getTextDocument(), QuartzNavigation.class, List.of(), (navigation, document, resource) -> {
			NamedElement target = navigation.declarationAt(resource, document.getOffSet(params.getPosition()));
			return target == null ? List.of() : locations(List.of(navigation.nameOf(target)), document, resource);
		});
	}

	@Override
	protected List<? extends Location> references(ReferenceParams params, CancelIndicator cancelIndicator) {
		return read(params.getTextDocument(), QuartzNavigation.class, List.of(), (navigation, document, resource) -> {
			NamedElement target = navigation.declarationAt(resource, document.getOffSet(params.getPosition()));
			if (target == null) {
				return List.of();
			}
			boolean includeDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
			return locations(navigation.occurrences(target, referrers(target, resource), includeDeclaration), document, resource);
		});
	}

	/**
	 * Renames the declaration and every occurrence ({@link QuartzNavigation}, which sees locals,
	 * unlike Xtext's serializer-based rename). A new name that is not an identifier, or that
	 * clashes (see {@link org.quartz.lang.ide.rename.QuartzRenameCheck}), is refused with an error.
	 */
	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancelIndicator) {
		WorkspaceEdit edit = new WorkspaceEdit(new LinkedHashMap<>());
		return read(params.getTextDocument(), QuartzNavigation.class, edit, (navigation, document, resource) -> {
			NamedElement target = navigation.declarationAt(resource, document.getOffSet(params.getPosition()));
			if (target == null) {
				return edit;
			}
			QuartzNavigation.RenameEdits rename = navigation.rename(target, params.getNewName(), referrers(target, resource));
			if (rename.problem() != null) {
				throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, rename.problem(), null));
			}
			for (Location location : locations(rename.edits().values().stream().flatMap(List::stream).toList(), document, resource)) {
				edit.getChanges().computeIfAbsent(location.getUri(), key -> new ArrayList<>())
						.add(new TextEdit(location.getRange(), params.getNewName()));
			}
			return edit;
		});
	}

	/**
	 * The resources that may refer to {@code target}: the one at hand and those the index records
	 * references to it from, loaded into the same resource set.
	 */
	private List<Resource> referrers(NamedElement target, XtextResource resource) {
		List<Resource> resources = new ArrayList<>(List.of(resource));
		URI targetUri = EcoreUtil.getURI(target);
		for (IResourceDescription description : getWorkspaceManager().getIndex().getAllResourceDescriptions()) {
			for (IReferenceDescription reference : description.getReferenceDescriptions()) {
				if (targetUri.equals(reference.getTargetEObjectUri())) {
					resources.add(resource.getResourceSet().getResource(description.getURI(), true));
					break;
				}
			}
		}
		return resources;
	}

	/** The occurrences as protocol locations; offsets in resources other than {@code resource} map through their text. */
	private List<Location> locations(List<QuartzNavigation.Occurrence> occurrences, Document document, XtextResource resource) {
		Map<URI, Document> documents = new HashMap<>();
		documents.put(resource.getURI(), document);
		List<Location> found = new ArrayList<>();
		for (QuartzNavigation.Occurrence occurrence : occurrences) {
			Document text = documents.computeIfAbsent(occurrence.uri(), key -> textOf(resource, key));
			if (text != null) {
				found.add(new Location(uriExtensions.toUriString(occurrence.uri()), new Range(text.getPosition(occurrence.offset()),
						text.getPosition(occurrence.offset() + occurrence.length()))));
			}
		}
		return found;
	}

	private static Document textOf(XtextResource near, URI uri) {
		Resource other = near.getResourceSet().getResource(uri, false);
		return other instanceof XtextResource xtext && xtext.getParseResult() != null
				? new Document(0, xtext.getParseResult().getRootNode().getText())
				: null;
	}

	/** Inlay hints, which Xtext's server does not offer: the inferred types of bindings (see {@link QuartzInlayHints}). */
	@Override
	public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
		return getRequestManager().runRead(cancelIndicator -> read(params.getTextDocument(), QuartzInlayHints.class,
				List.of(), (service, document, resource) -> service.hints(document, resource, params.getRange())));
	}

	@Override
	protected SemanticTokens semanticTokensFull(SemanticTokensParams params, CancelIndicator cancelIndicator) {
		return read(params.getTextDocument(), QuartzSemanticTokens.class, new SemanticTokens(List.of()),
				(service, document, resource) -> service.tokens(document, resource));
	}

	@Override
	protected List<? extends TextEdit> formatting(DocumentFormattingParams params, CancelIndicator cancelIndicator) {
		return read(params.getTextDocument(), QuartzFormatter.class, List.of(),
				(formatter, document, resource) -> formatter.edits(document));
	}

	@Override
	protected List<? extends TextEdit> rangeFormatting(DocumentRangeFormattingParams params,
			CancelIndicator cancelIndicator) {
		return List.of(); // not offered: indentation depends on the whole file
	}

	/** What the language's {@code service} makes of a document's resource; {@code none} for a file of another language. */
	private <S, T> T read(TextDocumentIdentifier textDocument, Class<S> service, T none, ServiceRead<S, T> work) {
		URI uri = getURI(textDocument);
		S found = getService(uri, service);
		if (found == null) {
			return none;
		}
		return getWorkspaceManager().doRead(uri, (document, resource) -> work.apply(found, document, resource));
	}

	@FunctionalInterface
	private interface ServiceRead<S, T> {
		T apply(S service, Document document, XtextResource resource);
	}
}
