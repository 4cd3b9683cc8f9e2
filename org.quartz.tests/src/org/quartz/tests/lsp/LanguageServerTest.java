package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quartz.tests.lsp.LspClient.at;
import static org.quartz.tests.lsp.LspClient.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server driven through LSP as an editor drives it, one feature per test. */
class LanguageServerTest {

	private static final long TIMEOUT = 60;

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

	private InProcessServer server;
	private LspClient client;

	@BeforeEach
	void start() throws Exception {
		server = new InProcessServer();
		client = server.client;
		client.initialize(workspace);
	}

	@AfterEach
	void stop() throws Exception {
		client.shutdown();
		assertEquals(0, server.exitCode.get(TIMEOUT, TimeUnit.SECONDS), "exit code after shutdown + exit");
		server.close();
	}

	private String openProgram() throws Exception {
		client.open(workspace.resolve("util.qz"), UTIL);
		String uri = client.open(workspace.resolve("main.qz"), PROGRAM);
		assertEquals(List.of(), client.diagnostics(uri), "the program (with its imports) has no errors");
		return uri;
	}

	@Test
	void diagnosticsCarryTheCompilersCodeAndRangeAndFollowEdits() throws Exception {
		String text = "def main()\n  puts(undefined_name)\nend\n";
		String uri = client.open(workspace.resolve("bad.qz"), text);
		List<Diagnostic> diagnostics = client.diagnostics(uri);
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		Diagnostic diagnostic = diagnostics.get(0);
		assertEquals("QZ0101", diagnostic.getCode().getLeft());
		assertEquals(DiagnosticSeverity.Error, diagnostic.getSeverity());
		assertEquals(new Range(new Position(1, 7), new Position(1, 21)), diagnostic.getRange());

		client.change(uri, 2, "def main()\n  puts(\"fixed\")\nend\n");
		assertEquals(List.of(), client.diagnostics(uri));
	}

	@Test
	void importsOfWorkspaceModulesAndTheStdlibResolve() throws Exception {
		String uri = openProgram();
		List<? extends Location> definition = client.server.getTextDocumentService()
				.definition(new DefinitionParams(document(uri), at(PROGRAM, "helper(3)", 0, 1))).get(TIMEOUT, TimeUnit.SECONDS)
				.getLeft();
		assertEquals(1, definition.size());
		assertEquals(workspace.resolve("util.qz").toUri().toString(), definition.get(0).getUri());
		assertEquals(0, definition.get(0).getRange().getStart().getLine());
	}

	@Test
	void completionProposesLocalsFunctionsAndBuiltins() throws Exception {
		String uri = openProgram();
		assertTrue(labels(uri, at(PROGRAM, "total +", 0, 3)).contains("total"), "a local");
		assertTrue(labels(uri, at(PROGRAM, "add(1, 2)", 0, 2)).contains("add"), "a function");
		assertTrue(labels(uri, at(PROGRAM, "to_s(total", 0, 2)).contains("to_s"), "a built-in from the prelude");
		assertTrue(labels(uri, at(PROGRAM, "Color::Red", 0, 8)).contains("Red"), "an enum variant");
	}

	@Test
	void completionAfterADotProposesFieldsAndUfcsFunctions() throws Exception {
		String text = PROGRAM.replace("  c = Color::Red\n", "  c = Color::Red\n  p.\n");
		String uri = client.open(workspace.resolve("dot.qz"), text);
		client.open(workspace.resolve("util.qz"), UTIL);
		Set<String> labels = labels(uri, at(text, "  p.\n", 0, 4));
		assertTrue(labels.containsAll(Set.of("x", "y")), "struct fields: " + labels);
		assertTrue(labels.contains("norm"), "a function taking a Point first (UFCS): " + labels);
		assertFalse(labels.contains("add"), "add takes an Int first: " + labels);
	}

	@Test
	void completionAfterEnumNameProposesItsVariants() throws Exception {
		String text = PROGRAM.replace("  c = Color::Red\n", "  c = Color::\n");
		String uri = client.open(workspace.resolve("variants.qz"), text);
		Set<String> labels = labels(uri, at(text, "Color::\n", 0, 7));
		assertTrue(labels.containsAll(Set.of("Red", "Green")), labels.toString());
	}

	@Test
	void completionOfAHalfTypedNameAtTheStartOfAStatement() throws Exception {
		String text = PROGRAM.replace("  c = Color::Red\n", "  c = Color::Red\n  pu\n  if c == Color::Red\n    to\n  end\n");
		String uri = client.open(workspace.resolve("start.qz"), text);
		client.open(workspace.resolve("util.qz"), UTIL);
		Set<String> statement = labels(uri, at(text, "  pu\n", 0, 4));
		assertTrue(statement.contains("puts"), "a built-in at the start of a statement: " + statement);
		Set<String> nested = labels(uri, at(text, "    to\n", 0, 6));
		assertTrue(nested.containsAll(Set.of("to_s", "total")), "a built-in and a local at the start of a nested statement: " + nested);
	}

	private Set<String> labels(String uri, Position position) throws Exception {
		List<CompletionItem> items = client.server.getTextDocumentService()
				.completion(new CompletionParams(document(uri), position)).get(TIMEOUT, TimeUnit.SECONDS).getRight()
				.getItems();
		return items.stream().map(CompletionItem::getLabel).collect(Collectors.toSet());
	}

	@Test
	void hoverShowsTheInferredType() throws Exception {
		String uri = openProgram();
		assertTrue(hover(uri, at(PROGRAM, "total = add", 0, 1)).contains("total: Int"));
		assertTrue(hover(uri, at(PROGRAM, "p = Point", 0, 0)).contains("p: Point"));
		assertTrue(hover(uri, at(PROGRAM, "c = Color", 0, 0)).contains("c: Color"));
		assertTrue(hover(uri, at(PROGRAM, "add(1, 2)", 0, 1)).contains("def add(a: Int, b: Int): Int"));
		assertTrue(hover(uri, at(PROGRAM, "p.x * p.x", 0, 2)).contains("x: Int"));
	}

	/** Floats and the bit operators (reference §11) in the editor: types, diagnostics, completion, tokens. */
	@Test
	void floatsAndBitOperators() throws Exception {
		String text = """
				def area(r: Float): Float = PI * r * r

				def main()
				  radius = 1.5
				  a = area(radius)
				  mask = 6 & 3 | 1 << 4
				  puts("#{a.sqrt} #{mask}")
				end
				""";
		String uri = client.open(workspace.resolve("floats.qz"), text);
		assertEquals(List.of(), client.diagnostics(uri));
		assertTrue(hover(uri, at(text, "a = area", 0, 0)).contains("a: Float"));
		assertTrue(hover(uri, at(text, "mask =", 0, 0)).contains("mask: Int"));
		assertTrue(hover(uri, at(text, "area(radius)", 0, 1)).contains("def area(r: Float): Float"));

		String unfinished = text.replace("  puts(", "  radius.\n  puts(");
		client.change(uri, 2, unfinished);
		client.diagnostics(uri);
		Set<String> members = labels(uri, at(unfinished, "  radius.\n", 0, 9));
		assertTrue(members.containsAll(Set.of("sqrt", "to_i", "floor", "format_float")), "Float functions in method form: " + members);
		assertFalse(members.contains("str_size"), "a String function is not offered on a Float: " + members);

		String mixed = text.replace("  puts(", "  bad = 2 * radius\n  puts(");
		client.change(uri, 3, mixed);
		List<Diagnostic> diagnostics = client.diagnostics(uri);
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		assertEquals("QZ0315", diagnostics.get(0).getCode().getLeft());
		assertEquals(at(mixed, "2 * radius", 0, 0), diagnostics.get(0).getRange().getStart());

		SemanticTokens tokens = client.server.getTextDocumentService()
				.semanticTokensFull(new SemanticTokensParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS);
		List<String> legend = client.initializeResult.getCapabilities().getSemanticTokensProvider().getLegend()
				.getTokenTypes();
		Map<Position, String> types = decode(tokens.getData(), legend);
		assertEquals("type", types.get(at(mixed, "Float)", 0, 0)));
		assertTrue(Set.of("function", "method").contains(types.get(at(mixed, "sqrt}", 0, 0))), "a prelude function: " + types);
	}

	private String hover(String uri, Position position) throws Exception {
		Hover hover = client.server.getTextDocumentService().hover(new HoverParams(document(uri), position))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertNotNull(hover);
		return hover.getContents().getRight().getValue();
	}

	@Test
	void definitionOfACallIsTheFunction() throws Exception {
		String uri = openProgram();
		List<? extends Location> locations = client.server.getTextDocumentService()
				.definition(new DefinitionParams(document(uri), at(PROGRAM, "add(1, 2)", 0, 1))).get(TIMEOUT, TimeUnit.SECONDS)
				.getLeft();
		assertEquals(1, locations.size());
		assertEquals(uri, locations.get(0).getUri());
		assertEquals(at(PROGRAM, "add(a: Int", 0, 0), locations.get(0).getRange().getStart());
	}

	@Test
	void referencesOfALocal() throws Exception {
		String uri = openProgram();
		ReferenceParams params = new ReferenceParams(document(uri), at(PROGRAM, "total = add", 0, 0),
				new ReferenceContext(false));
		List<? extends Location> references = client.server.getTextDocumentService().references(params)
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(List.of(at(PROGRAM, "total +", 0, 0)),
				references.stream().map(l -> l.getRange().getStart()).toList());
	}

	@Test
	void documentSymbolsOutlineTheModule() throws Exception {
		String uri = openProgram();
		List<DocumentSymbol> symbols = client.server.getTextDocumentService()
				.documentSymbol(new DocumentSymbolParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS).stream()
				.map(either -> either.getRight()).toList();
		assertEquals(List.of("Point", "Color", "add", "norm", "main"), symbols.stream().map(DocumentSymbol::getName).toList());
		assertEquals(List.of(SymbolKind.Struct, SymbolKind.Enum, SymbolKind.Function, SymbolKind.Function,
				SymbolKind.Function), symbols.stream().map(DocumentSymbol::getKind).toList());
		assertEquals(List.of("x", "y"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
		assertEquals(List.of("Red", "Green"), symbols.get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
		assertEquals(at(PROGRAM, "add(a: Int", 0, 0), symbols.get(2).getSelectionRange().getStart());
	}

	@Test
	void renameEditsTheDeclarationAndEveryUse() throws Exception {
		String uri = openProgram();
		WorkspaceEdit edit = client.server.getTextDocumentService()
				.rename(new RenameParams(document(uri), at(PROGRAM, "total +", 0, 1), "sum")).get(TIMEOUT, TimeUnit.SECONDS);
		List<TextEdit> edits = edits(edit, uri);
		assertEquals(List.of(at(PROGRAM, "total = add", 0, 0), at(PROGRAM, "total +", 0, 0)),
				edits.stream().map(e -> e.getRange().getStart()).sorted(POSITIONS).toList());
		assertTrue(edits.stream().allMatch(e -> e.getNewText().equals("sum")));

		String traits = openTraits();
		WorkspaceEdit variable = client.server.getTextDocumentService()
				.rename(new RenameParams(document(traits), at(TRAITS, "x > best", 0, 5), "top")).get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(List.of(traits), List.copyOf(variable.getChanges().keySet()));
		List<Position> occurrences = List.of(at(TRAITS, "best = v", 0, 0), at(TRAITS, "best\n", 0, 0),
				at(TRAITS, "best = x", 0, 0), at(TRAITS, "best\nend", 0, 0));
		assertEquals(occurrences, edits(variable, traits).stream().map(e -> e.getRange().getStart()).sorted(POSITIONS).toList(),
				"the declaration, the uses and the assignment `best = x`");
		WorkspaceEdit fromAssignment = client.server.getTextDocumentService()
				.rename(new RenameParams(document(traits), at(TRAITS, "best = x", 0, 1), "top")).get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(occurrences, edits(fromAssignment, traits).stream().map(e -> e.getRange().getStart()).sorted(POSITIONS).toList(),
				"the same, from the assignment");
	}

	@Test
	void renameRefusesANewNameThatIsNoNameOrClashes() throws Exception {
		String uri = openProgram();
		Position total = at(PROGRAM, "total +", 0, 1);
		for (String bad : List.of("9lives", "two words", "end", "while", "p", "helper", "to_s")) {
			ExecutionException refused = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
					.rename(new RenameParams(document(uri), total, bad)).get(TIMEOUT, TimeUnit.SECONDS), bad);
			assertTrue(refused.getCause() instanceof ResponseErrorException, bad + ": " + refused.getCause());
			assertEquals(ResponseErrorCode.InvalidParams.getValue(),
					((ResponseErrorException) refused.getCause()).getResponseError().getCode(), bad);
		}
		// `c = Color::Red` comes after total's last use, but would become an assignment to it.
		assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
				.rename(new RenameParams(document(uri), total, "c")).get(TIMEOUT, TimeUnit.SECONDS));
		// A prelude function not called where total is seen, and a keyword usable as a name, are fine.
		for (String good : List.of("sum", "timeout")) {
			WorkspaceEdit edit = client.server.getTextDocumentService()
					.rename(new RenameParams(document(uri), total, good)).get(TIMEOUT, TimeUnit.SECONDS);
			assertEquals(2, edits(edit, uri).size(), good);
		}
		WorkspaceEdit parameter = client.server.getTextDocumentService()
				.rename(new RenameParams(document(uri), at(PROGRAM, "a + b", 0, 0), "total")).get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(2, edits(parameter, uri).size(), "a parameter may take the name of another function's local");
	}

	private static final Comparator<Position> POSITIONS = Comparator.comparingInt(Position::getLine)
			.thenComparingInt(Position::getCharacter);

	private static List<TextEdit> edits(WorkspaceEdit edit, String uri) {
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

	private static TextEdit textEdit(Object edit) {
		return edit instanceof TextEdit text ? text : (TextEdit) ((org.eclipse.lsp4j.jsonrpc.messages.Either<?, ?>) edit).getLeft();
	}

	@Test
	void workspaceSymbolsFindDeclarationsOfEveryModule() throws Exception {
		openProgram();
		List<? extends WorkspaceSymbol> helper = client.server.getWorkspaceService()
				.symbol(new WorkspaceSymbolParams("helper")).get(TIMEOUT, TimeUnit.SECONDS).getRight();
		assertEquals(List.of("helper"), helper.stream().map(WorkspaceSymbol::getName).toList());
		assertEquals(SymbolKind.Function, helper.get(0).getKind());
		Location location = helper.get(0).getLocation().getLeft();
		assertEquals(workspace.resolve("util.qz").toUri().toString(), location.getUri());
		assertEquals(new Position(0, 4), location.getRange().getStart());
		List<? extends WorkspaceSymbol> point = client.server.getWorkspaceService()
				.symbol(new WorkspaceSymbolParams("Poi")).get(TIMEOUT, TimeUnit.SECONDS).getRight();
		assertEquals(List.of("Point"), point.stream().map(WorkspaceSymbol::getName).toList());
		assertEquals(SymbolKind.Struct, point.get(0).getKind());
	}

	@Test
	void foldingRangesOfBlocksAndCommentRuns() throws Exception {
		String text = """
				# Two lines
				# of comment.
				struct Point
				  x: Int
				end

				def main()
				  x = 1
				  if x > 0
				    puts("a")
				  elsif x < 0
				    puts("b")
				  end
				  match x
				    1 =>
				      puts("one")
				    _ => puts("other")
				  end
				  [1, 2].each do v ->
				    puts(to_s(v))
				  end
				end
				""";
		String uri = client.open(workspace.resolve("folding.qz"), text);
		assertEquals(Either.forLeft(true), client.initializeResult.getCapabilities().getFoldingRangeProvider());
		List<FoldingRange> ranges = client.server.getTextDocumentService()
				.foldingRange(new FoldingRangeRequestParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS);
		Set<List<Integer>> blocks = ranges.stream().filter(r -> !FoldingRangeKind.Comment.equals(r.getKind()))
				.map(r -> List.of(r.getStartLine(), r.getEndLine())).collect(Collectors.toSet());
		// A block folds up to the line before its `end`, which stays in view; an if's branches fold one by one.
		assertEquals(Set.of(List.of(2, 3), List.of(6, 20), List.of(8, 9), List.of(10, 11), List.of(13, 16), List.of(14, 15),
				List.of(18, 19)),
				blocks);
		assertEquals(List.of(List.of(0, 1)), ranges.stream().filter(r -> FoldingRangeKind.Comment.equals(r.getKind()))
				.map(r -> List.of(r.getStartLine(), r.getEndLine())).toList());
	}

	@Test
	void documentHighlightsMarkWhereABindingIsWritten() throws Exception {
		String uri = openTraits();
		List<? extends DocumentHighlight> highlights = client.server.getTextDocumentService()
				.documentHighlight(new DocumentHighlightParams(document(uri), at(TRAITS, "x > best", 0, 5)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		Map<Position, DocumentHighlightKind> kinds = highlights.stream()
				.collect(Collectors.toMap(h -> h.getRange().getStart(), DocumentHighlight::getKind));
		assertEquals(Map.of(at(TRAITS, "best = v", 0, 0), DocumentHighlightKind.Write,
				at(TRAITS, "best\n", 0, 0), DocumentHighlightKind.Read,
				at(TRAITS, "best = x", 0, 0), DocumentHighlightKind.Write,
				at(TRAITS, "best\nend", 0, 0), DocumentHighlightKind.Read), kinds);
		assertTrue(highlights.stream().allMatch(h -> h.getRange().getEnd().getCharacter() - h.getRange().getStart().getCharacter() == 4));
	}

	@Test
	void inlayHintsShowTheInferredTypesOfBindingsWithoutOne() throws Exception {
		String text = """
				def main()
				  x = 1
				  var name = "a"
				  y: Int = 2
				  name = "b"
				  for i in 0..3
				    puts(to_s(i + y))
				  end
				  [1.5, 2.5].each do v ->
				    puts(to_s(v))
				  end
				  puts(name)
				end
				""";
		String uri = client.open(workspace.resolve("hints.qz"), text);
		assertEquals(List.of(), client.diagnostics(uri));
		assertEquals(Either.forLeft(true), client.initializeResult.getCapabilities().getInlayHintProvider());
		List<InlayHint> hints = client.server.getTextDocumentService()
				.inlayHint(new InlayHintParams(document(uri), new Range(new Position(0, 0), new Position(13, 0))))
				.get(TIMEOUT, TimeUnit.SECONDS);
		Map<Position, String> labels = hints.stream().collect(Collectors.toMap(InlayHint::getPosition, h -> h.getLabel().getLeft()));
		assertEquals(Map.of(at(text, "x = 1", 0, 1), ": Int", at(text, "name = \"a\"", 0, 4), ": String",
				at(text, "i in", 0, 1), ": Int", at(text, "v ->", 0, 1), ": Float"), labels,
				"not for `y: Int`, nor for the assignment `name = \"b\"`");
		assertTrue(hints.stream().allMatch(h -> h.getKind() == InlayHintKind.Type));
		List<InlayHint> firstLines = client.server.getTextDocumentService()
				.inlayHint(new InlayHintParams(document(uri), new Range(new Position(0, 0), new Position(2, 0))))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(List.of(at(text, "x = 1", 0, 1)), firstLines.stream().map(InlayHint::getPosition).toList(), "only in the range");
	}

	@Test
	void codeActionsFixCommonDiagnostics() throws Exception {
		String broken = """
				enum Shape
				  Circle(r: Int)
				  Square(side: Int)
				  Empty
				end

				def main()
				  x = 1
				  x = 2
				  s = Shape::Empty
				  area = match s
				    Shape::Circle(r) => r
				  end
				  puts(to_s(x + area + helper(2) + gcd(4, 6)))
				end
				""";
		client.open(workspace.resolve("util.qz"), UTIL.replace("def helper", "import math\n\ndef helper"));
		String uri = client.open(workspace.resolve("fixes.qz"), broken);
		assertEquals(Either.forLeft(true), client.initializeResult.getCapabilities().getCodeActionProvider());
		List<Diagnostic> diagnostics = client.diagnostics(uri);
		assertEquals(Set.of("QZ0201", "QZ0501", "QZ0101"), diagnostics.stream().map(d -> d.getCode().getLeft()).collect(Collectors.toSet()));
		Map<String, List<CodeAction>> actions = new HashMap<>();
		for (Diagnostic diagnostic : diagnostics) {
			Range range = diagnostic.getRange();
			String line = broken.split("\n")[range.getStart().getLine()];
			actions.put(diagnostic.getCode().getLeft() + " " + line.substring(range.getStart().getCharacter(), range.getEnd().getCharacter()),
					codeActions(uri, diagnostic));
		}
		assertTrue(actions.values().stream().flatMap(List::stream).allMatch(a -> CodeActionKind.QuickFix.equals(a.getKind())));
		// helper is declared by util (in the file's folder), gcd by the stdlib's math.
		assertEquals(List.of("import util\n"), newTexts(actions.get("QZ0101 helper"), uri), actions.keySet().toString());
		assertEquals(List.of("import math\n"), newTexts(actions.get("QZ0101 gcd"), uri));
		assertEquals(List.of("var "), newTexts(actions.get("QZ0201 x"), uri));
		assertEquals(1, actions.get("QZ0501 match").size());
		List<TextEdit> all = actions.values().stream().flatMap(List::stream)
				.flatMap(action -> action.getEdit().getChanges().get(uri).stream()).toList();
		String fixed = applyOffsets(broken, all);
		assertTrue(fixed.contains("  var x = 1\n"), fixed);
		assertTrue(fixed.contains("    Shape::Circle(r) => r\n    Shape::Square(_) => panic("), fixed);
		assertTrue(fixed.contains("    Shape::Empty => panic("), fixed);
		client.change(uri, 2, fixed);
		assertEquals(List.of(), client.diagnostics(uri), "the fixed program:\n" + fixed);
	}

	@Test
	void codeActionReplacesElseIfWithElsif() throws Exception {
		String text = """
				def main()
				  x = 3
				  if x > 5
				    puts("big")
				  else if x > 1
				    puts("medium")
				  else
				    puts("small")
				  end
				end

				def other()
				  puts("x")
				end
				""";
		String uri = client.open(workspace.resolve("elsif.qz"), text);
		List<Diagnostic> diagnostics = client.diagnostics(uri);
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		List<CodeAction> actions = codeActions(uri, diagnostics.get(0));
		assertEquals(1, actions.size(), actions.toString());
		String fixed = applyOffsets(text, actions.get(0).getEdit().getChanges().get(uri));
		assertEquals(text.replace("else if", "elsif"), fixed);
		client.change(uri, 2, fixed);
		assertEquals(List.of(), client.diagnostics(uri));
	}

	private static List<String> newTexts(List<CodeAction> actions, String uri) {
		return actions.stream().flatMap(action -> action.getEdit().getChanges().get(uri).stream()).map(TextEdit::getNewText).toList();
	}

	private List<CodeAction> codeActions(String uri, Diagnostic diagnostic) throws Exception {
		return client.server.getTextDocumentService()
				.codeAction(new CodeActionParams(document(uri), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
				.get(TIMEOUT, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
	}

	/** Applies edits of any extent (from the last to the first, as a client does). */
	private static String applyOffsets(String text, List<TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart(), POSITIONS).reversed());
		for (TextEdit edit : sorted) {
			text = text.substring(0, offset(text, edit.getRange().getStart())) + edit.getNewText()
					+ text.substring(offset(text, edit.getRange().getEnd()));
		}
		return text;
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	@Test
	void formattingIndentsBlocksByTwoSpaces() throws Exception {
		String messy = "def main()\n"
				+ "      x = 1   \n"
				+ "if x > 0\n"
				+ "puts(\"a  b\")\n"
				+ "   else\n"
				+ "       match x\n"
				+ "  1 =>\n"
				+ "puts(\"one\")\n"
				+ "   _ => puts(\"other\")\n"
				+ "end\n"
				+ "  end\n"
				+ "  [1, 2].each do v ->\n"
				+ "puts(to_s(v))\n"
				+ "      end\n"
				+ "end\n";
		String expected = "def main()\n"
				+ "  x = 1\n"
				+ "  if x > 0\n"
				+ "    puts(\"a  b\")\n"
				+ "  else\n"
				+ "    match x\n"
				+ "      1 =>\n"
				+ "        puts(\"one\")\n"
				+ "      _ => puts(\"other\")\n"
				+ "    end\n"
				+ "  end\n"
				+ "  [1, 2].each do v ->\n"
				+ "    puts(to_s(v))\n"
				+ "  end\n"
				+ "end\n";
		String uri = client.open(workspace.resolve("messy.qz"), messy);
		List<? extends TextEdit> edits = client.server.getTextDocumentService()
				.formatting(new DocumentFormattingParams(document(uri), new FormattingOptions(2, true)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(expected, apply(messy, edits));
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

	@Test
	void theTextBuiltInsAndStrBufShowInCompletionHoverAndSignatureHelp() throws Exception {
		String text = """
				def main()
				  b = strbuf_new()
				  b.append("7".rjust(3, "0"))
				  b.
				  puts(b.to_s)
				end
				""";
		String uri = client.open(workspace.resolve("text.qz"), text);
		Set<String> labels = labels(uri, at(text, "  b.\n", 0, 4));
		assertTrue(labels.containsAll(Set.of("strbuf_append", "strbuf_append_byte", "strbuf_size", "strbuf_to_s")),
				"the StrBuf functions after 'b.': " + labels);
		assertFalse(labels.contains("vec_push"), labels.toString());
		assertTrue(hover(uri, at(text, "b = strbuf_new", 0, 0)).contains("b: StrBuf"));
		assertTrue(hover(uri, at(text, "strbuf_new", 0, 1)).contains("def strbuf_new(): StrBuf"));
		assertTrue(hover(uri, at(text, "rjust", 0, 1)).contains("def str_rjust(s: String, width: Int, fill: String = \" \"): String"),
				hover(uri, at(text, "rjust", 0, 1)));
		SignatureHelp help = client.server.getTextDocumentService()
				.signatureHelp(new SignatureHelpParams(document(uri), at(text, "\"0\"))", 0, 1)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals("str_rjust(s: String, width: Int, fill: String = \" \"): String", help.getSignatures().get(0).getLabel());
	}

	@Test
	void semanticTokensClassifyNames() throws Exception {
		String uri = openProgram();
		SemanticTokens tokens = client.server.getTextDocumentService()
				.semanticTokensFull(new SemanticTokensParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS);
		List<String> legend = client.initializeResult.getCapabilities().getSemanticTokensProvider().getLegend()
				.getTokenTypes();
		Map<Position, String> types = decode(tokens.getData(), legend);
		assertEquals("function", types.get(at(PROGRAM, "add(1, 2)", 0, 0)));
		assertEquals("function", types.get(at(PROGRAM, "puts(", 0, 0)));
		assertEquals("parameter", types.get(at(PROGRAM, "a + b", 0, 0)));
		assertEquals("variable", types.get(at(PROGRAM, "total +", 0, 0)));
		assertEquals("property", types.get(at(PROGRAM, "p.x", 0, 2)));
		assertEquals("struct", types.get(at(PROGRAM, "Point {", 0, 0)));
		assertEquals("enum", types.get(at(PROGRAM, "Color::", 0, 0)));
		assertEquals("enumMember", types.get(at(PROGRAM, "Red\n", 1, 0)));
		assertEquals("type", types.get(at(PROGRAM, "Int", 0, 0)));
	}

	/** The start of each token to its type's name. */
	private static Map<Position, String> decode(List<Integer> data, List<String> legend) {
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

	private String openTraits() throws Exception {
		String uri = client.open(workspace.resolve("traits.qz"), TRAITS);
		assertEquals(List.of(), client.diagnostics(uri), "the traits program has no errors");
		return uri;
	}

	@Test
	void hoverOnATypeParameterShowsItsBounds() throws Exception {
		String uri = openTraits();
		assertEquals("type parameter T: Ord", hover(uri, at(TRAITS, "T: Ord", 0, 0)).lines().skip(1).findFirst().get());
		assertTrue(hover(uri, at(TRAITS, "Vec<T>): T", 0, 4)).contains("type parameter T: Ord"));
		assertTrue(hover(uri, at(TRAITS, "s: T)", 0, 3)).contains("type parameter T: Shape"));
	}

	@Test
	void hoverOnACallOfABoundedFunctionShowsItsTypeParametersAndBounds() throws Exception {
		String uri = openTraits();
		assertTrue(hover(uri, at(TRAITS, "largest([3", 0, 1)).contains("def largest<T: Ord>(v: Vec<T>): T"),
				hover(uri, at(TRAITS, "largest([3", 0, 1)));
		assertTrue(hover(uri, at(TRAITS, "describe(c)", 0, 1)).contains("def describe<T: Shape>(s: T): Int"));
	}

	@Test
	void hoverOnATraitMethodCallShowsTheTraitsOrTheImplsMethod() throws Exception {
		String uri = openTraits();
		assertTrue(hover(uri, at(TRAITS, "s.area", 0, 2)).contains("trait Shape\n  def area(self): Int"),
				hover(uri, at(TRAITS, "s.area", 0, 2)));
		assertTrue(hover(uri, at(TRAITS, "s.scale", 0, 2)).contains("trait Shape\n  def scale(self, by: Int): Int"));
		assertTrue(hover(uri, at(TRAITS, "c.area", 0, 2)).contains("impl Shape for Circle\n  def area(self): Int"),
				hover(uri, at(TRAITS, "c.area", 0, 2)));
		assertTrue(hover(uri, at(TRAITS, "x > best", 0, 0)).contains("x: T"));
	}

	@Test
	void completionAfterADotOffersTraitMethods() throws Exception {
		String text = TRAITS.replace("  s.area + s.scale(2)\n", "  s.\n  s.area + s.scale(2)\n")
				.replace("  c = Circle { r: 1 }\n", "  c = Circle { r: 1 }\n  c.\n");
		String uri = client.open(workspace.resolve("complete.qz"), text);
		client.diagnostics(uri);
		Set<String> bounded = labels(uri, at(text, "  s.\n", 0, 4));
		assertTrue(bounded.containsAll(Set.of("area", "scale")), "the methods of T's bound Shape: " + bounded);
		Set<String> concrete = labels(uri, at(text, "  c.\n", 0, 4));
		assertTrue(concrete.containsAll(Set.of("r", "area", "scale")), "a field and the methods of Circle's impl: " + concrete);
		assertFalse(labels(uri, at(text, "  s.\n", 0, 4)).contains("r"), "T has no fields");
	}

	@Test
	void signatureHelpOfATraitMethodAndABoundedFunction() throws Exception {
		String uri = openTraits();
		SignatureHelp method = client.server.getTextDocumentService()
				.signatureHelp(new SignatureHelpParams(document(uri), at(TRAITS, "s.scale(2)", 0, 8)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals("scale(self, by: Int): Int", method.getSignatures().get(0).getLabel());
		assertEquals(1, method.getActiveParameter(), "the receiver is self");
		SignatureHelp bounded = client.server.getTextDocumentService()
				.signatureHelp(new SignatureHelpParams(document(uri), at(TRAITS, "largest([3", 0, 8)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals("largest<T: Ord>(v: Vec<T>): T", bounded.getSignatures().get(0).getLabel());
	}

	@Test
	void semanticTokensOfTraitsImplsAndBounds() throws Exception {
		String uri = openTraits();
		SemanticTokens tokens = client.server.getTextDocumentService()
				.semanticTokensFull(new SemanticTokensParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS);
		List<String> legend = client.initializeResult.getCapabilities().getSemanticTokensProvider().getLegend()
				.getTokenTypes();
		Map<Position, String> types = decode(tokens.getData(), legend);
		assertEquals("interface", types.get(at(TRAITS, "Shape\n", 0, 0)), "a trait's declaration");
		assertEquals("interface", types.get(at(TRAITS, "Shape for", 0, 0)), "the trait an impl names");
		assertEquals("interface", types.get(at(TRAITS, "Ord>", 0, 0)), "a bound");
		assertEquals("method", types.get(at(TRAITS, "area + s", 0, 0)), "a trait method called on a bounded T");
		assertEquals("method", types.get(at(TRAITS, "area} #", 0, 0)), "an impl's method called on a Circle");
		assertEquals("method", types.get(at(TRAITS, "area(self)", 0, 0)), "a trait's method declared");
		assertEquals("typeParameter", types.get(at(TRAITS, "T>): T", 0, 0)));
	}

	@Test
	void outlineAndFormattingOfTraitsAndImpls() throws Exception {
		String messy = TRAITS.replace("  def area(self): Int\n  def scale", "def area(self): Int\n    def scale")
				.replace("  def area(self): Int = 3", "      def area(self): Int = 3");
		String uri = client.open(workspace.resolve("outline.qz"), messy);
		List<? extends TextEdit> edits = client.server.getTextDocumentService()
				.formatting(new DocumentFormattingParams(document(uri), new FormattingOptions(2, true)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(TRAITS, apply(messy, edits));

		List<DocumentSymbol> symbols = client.server.getTextDocumentService()
				.documentSymbol(new DocumentSymbolParams(document(uri))).get(TIMEOUT, TimeUnit.SECONDS).stream()
				.map(either -> either.getRight()).toList();
		assertEquals(List.of("Shape", "Circle", "impl Shape for Circle", "largest", "describe", "main"),
				symbols.stream().map(DocumentSymbol::getName).toList());
		assertEquals(List.of(SymbolKind.Interface, SymbolKind.Struct, SymbolKind.Object), symbols.subList(0, 3).stream()
				.map(DocumentSymbol::getKind).toList());
		assertEquals(List.of("area", "scale"), symbols.get(2).getChildren().stream().map(DocumentSymbol::getName).toList());
		assertEquals("largest<T: Ord>(v: Vec<T>): T", symbols.get(3).getDetail());
	}

	@Test
	void signatureHelpShowsTheParametersAndTheActiveOne() throws Exception {
		String uri = openProgram();
		SignatureHelp help = client.server.getTextDocumentService()
				.signatureHelp(new SignatureHelpParams(document(uri), at(PROGRAM, "add(1, 2)", 0, 7)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(1, help.getSignatures().size());
		assertEquals("add(a: Int, b: Int): Int", help.getSignatures().get(0).getLabel());
		assertEquals(List.of("a: Int", "b: Int"), help.getSignatures().get(0).getParameters().stream()
				.map(p -> p.getLabel().getLeft()).toList());
		assertEquals(1, help.getActiveParameter());

		SignatureHelp first = client.server.getTextDocumentService()
				.signatureHelp(new SignatureHelpParams(document(uri), at(PROGRAM, "add(1, 2)", 0, 4)))
				.get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(0, first.getActiveParameter());
	}
}
