package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quartz.tests.lsp.LspClient.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A language server and a client talking to it as an editor does, with a small workspace; for the language-server tests. */
abstract class LanguageServerSession {

	static final long TIMEOUT = 60;

	static final String PROGRAM = """
			import util
			import math

			struct Point
			  x: Int
			  y: Int
			end

			enum Color
			  Red
			  Green
			end

			def add(a: Int, b: Int): Int
			  a + b
			end

			def norm(p: Point): Int
			  p.x * p.x + p.y * p.y
			end

			def main()
			  total = add(1, 2)
			  p = Point { x: 1, y: 2 }
			  c = Color::Red
			  puts(to_s(total + p.norm() + helper(3)))
			end
			""";

	static final String UTIL = """
			def helper(n: Int): Int
			  n * 2
			end
			""";

	@TempDir
	Path workspace;

	private ServerUnderTest server;
	LspClient client;

	/** The server the tests talk to: one on a thread of this JVM unless a subclass says otherwise. */
	ServerUnderTest startServer() throws Exception {
		return new InProcessServer();
	}

	@BeforeEach
	void start() throws Exception {
		server = startServer();
		client = server.client();
		client.initialize(workspace);
	}

	@AfterEach
	void stop() throws Exception {
		try {
			client.shutdown();
			assertEquals(0, server.exitCode.get(TIMEOUT, TimeUnit.SECONDS), "exit code after shutdown + exit; " + server.log());
		} finally {
			server.close();
		}
	}

	String openProgram() throws Exception {
		client.open(workspace.resolve("util.qz"), UTIL);
		String uri = client.open(workspace.resolve("main.qz"), PROGRAM);
		assertEquals(List.of(), client.diagnostics(uri), "the program (with its imports) has no errors");
		return uri;
	}

	Set<String> labels(String uri, Position position) throws Exception {
		List<CompletionItem> items = client.server.getTextDocumentService()
				.completion(new CompletionParams(document(uri), position)).get(TIMEOUT, TimeUnit.SECONDS).getRight()
				.getItems();
		return items.stream().map(CompletionItem::getLabel).collect(Collectors.toSet());
	}

	String hover(String uri, Position position) throws Exception {
		Hover hover = client.server.getTextDocumentService().hover(new HoverParams(document(uri), position))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertNotNull(hover);
		return hover.getContents().getRight().getValue();
	}

	static final Comparator<Position> POSITIONS = Comparator.comparingInt(Position::getLine)
			.thenComparingInt(Position::getCharacter);

	static List<TextEdit> edits(WorkspaceEdit edit, String uri) {
		List<TextEdit> edits = new ArrayList<>();
		if (edit.getChanges() != null && edit.getChanges().get(uri) != null) {
			edits.addAll(edit.getChanges().get(uri));
		}
		if (edit.getDocumentChanges() != null) {
			edit.getDocumentChanges().stream().filter(change -> change.isLeft()).map(change -> change.getLeft())
					.filter(change -> change.getTextDocument().getUri().equals(uri))
					.forEach(change -> change.getEdits().forEach(e -> edits.add(textEdit(e))));
		}
		return edits;
	}

	static TextEdit textEdit(Object edit) {
		return edit instanceof TextEdit text ? text : (TextEdit) ((org.eclipse.lsp4j.jsonrpc.messages.Either<?, ?>) edit).getLeft();
	}

	static List<String> newTexts(List<CodeAction> actions, String uri) {
		return actions.stream().flatMap(action -> action.getEdit().getChanges().get(uri).stream()).map(TextEdit::getNewText).toList();
	}

	List<CodeAction> codeActions(String uri, Diagnostic diagnostic) throws Exception {
		return client.server.getTextDocumentService()
				.codeAction(new CodeActionParams(document(uri), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
				.get(TIMEOUT, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
	}

	/** Applies edits of any extent (from the last to the first, as a client does). */
	static String applyOffsets(String text, List<TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart(), POSITIONS).reversed());
		for (TextEdit edit : sorted) {
			text = text.substring(0, offset(text, edit.getRange().getStart())) + edit.getNewText()
					+ text.substring(offset(text, edit.getRange().getEnd()));
		}
		return text;
	}

	static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	/** Applies line-range edits (as a client would: from the last to the first). */
	static String apply(String text, List<? extends TextEdit> edits) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart(), POSITIONS).reversed());
		for (TextEdit edit : sorted) {
			Range range = edit.getRange();
			assertEquals(range.getStart().getLine(), range.getEnd().getLine(), "a one-line edit");
			int line = range.getStart().getLine();
			String old = lines.get(line);
			lines.set(line, old.substring(0, range.getStart().getCharacter()) + edit.getNewText()
					+ old.substring(range.getEnd().getCharacter()));
		}
		return String.join("\n", lines);
	}

	/** The start of each token to its type's name. */
	static Map<Position, String> decode(List<Integer> data, List<String> legend) {
		Map<Position, String> types = new HashMap<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i + 5 <= data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			types.put(new Position(line, character), legend.get(data.get(i + 3)));
		}
		return types;
	}

	static final String TRAITS = """
			trait Shape
			  def area(self): Int
			  def scale(self, by: Int): Int
			end

			struct Circle
			  r: Int
			end

			impl Shape for Circle
			  def area(self): Int = 3 * self.r * self.r
			  def scale(self, by: Int): Int = self.area * by
			end

			def largest<T: Ord>(v: Vec<T>): T
			  var best = v[0]
			  for x in v
			    if x > best
			      best = x
			    end
			  end
			  best
			end

			def describe<T: Shape>(s: T): Int
			  s.area + s.scale(2)
			end

			def main()
			  c = Circle { r: 1 }
			  puts("#{describe(c)} #{c.area} #{largest([3, 1])}")
			end
			""";

	String openTraits() throws Exception {
		String uri = client.open(workspace.resolve("traits.qz"), TRAITS);
		assertEquals(List.of(), client.diagnostics(uri), "the traits program has no errors");
		return uri;
	}
}
