package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** A language client as an editor is one: talks JSON-RPC to a server over two streams. */
public final class LspClient implements LanguageClient, AutoCloseable {

	private static final long TIMEOUT_SECONDS = 60;

	/** The latest diagnostics per document URI, and waiters for the next ones. */
	private final Map<String, CompletableFuture<List<Diagnostic>>> next = new ConcurrentHashMap<>();
	private final Future<Void> listening;
	final LanguageServer server;
	InitializeResult initializeResult;

	LspClient(InputStream fromServer, OutputStream toServer) {
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, fromServer, toServer);
		listening = launcher.startListening();
		server = launcher.getRemoteProxy();
	}

	/** initialize + initialized with {@code root} as the workspace. */
	public void initialize(Path root) throws Exception {
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		ClientCapabilities capabilities = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setFoldingRange(new FoldingRangeCapabilities());
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		initializeResult = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	/** Writes the file (so the workspace index sees it), opens it, and returns its URI. */
	public String open(Path file, String text) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		expectDiagnostics(uri);
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "quartz", 1, text)));
		return uri;
	}

	/** Replaces the whole text of an open document. */
	void change(String uri, int version, String text) {
		expectDiagnostics(uri);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
	}

	/** Arms a waiter for the document's next diagnostics (before the request that causes them). */
	private void expectDiagnostics(String uri) {
		next.put(uri, new CompletableFuture<>());
	}

	/** The diagnostics published after the last open or change of {@code uri}. */
	public List<Diagnostic> diagnostics(String uri) throws Exception {
		CompletableFuture<List<Diagnostic>> future = next.get(uri);
		if (future == null) {
			fail("no document " + uri + " was opened or changed");
		}
		return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	static TextDocumentIdentifier document(String uri) {
		return new TextDocumentIdentifier(uri);
	}

	/** The position of the {@code occurrence}-th (0-based) {@code text} in {@code source}, plus {@code shift} characters. */
	static Position at(String source, String text, int occurrence, int shift) {
		int offset = -1;
		for (int i = 0; i <= occurrence; i++) {
			offset = source.indexOf(text, offset + 1);
			if (offset < 0) {
				throw new IllegalArgumentException("'" + text + "' occurs fewer than " + (occurrence + 1) + " times");
			}
		}
		offset += shift;
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (source.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}

	/** shutdown + exit. */
	public void shutdown() throws Exception {
		server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		server.exit();
	}

	@Override
	public void close() {
		listening.cancel(true);
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		// Diagnostics of a document arrive in the order the server built its versions.
		next.computeIfAbsent(params.getUri(), uri -> new CompletableFuture<>()).complete(params.getDiagnostics());
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public void showMessage(MessageParams messageParams) {
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
	}
}
