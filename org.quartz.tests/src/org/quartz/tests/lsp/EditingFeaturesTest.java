package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quartz.tests.lsp.LspClient.at;
import static org.quartz.tests.lsp.LspClient.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The editing features an editor offers beyond navigation (completion where a statement starts,
 * rename with its checks, workspace symbols, folding, highlights, inlay hints, code actions), one
 * per test, against a server in this JVM; {@link EditingFeaturesOverStdioTest} runs them against
 * a {@code quartz lsp} process.
 */
class EditingFeaturesTest extends LanguageServerSession {

	@Test
	void completionOfAHalfTypedNameAtTheStartOfAStatement() throws Exception {
		String text = PROGRAM.replace("  c = Color::Red\n", "  c = Color::Red\n  pu\n  if c == Color::Red\n    to\n  end\n");
		String uri = client.open(workspace.resolve("start.qz"), text);
		client.open(workspace.resolve("util.qz"), UTIL);
		Set<String> statement = labels(uri, at(text, "  pu\n", 0, 4));
		assertTrue(statement.contains("puts"), "a built-in at the start of a statement: " + statement);
		assertEquals(Set.of(), statement.stream().filter(label -> !label.toLowerCase().startsWith("pu")).collect(Collectors.toSet()),
				"only what continues the name: no operators or names glued to it");
		Set<String> nested = labels(uri, at(text, "    to\n", 0, 6));
		assertTrue(nested.containsAll(Set.of("to_s", "total")), "a built-in and a local at the start of a nested statement: " + nested);
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
}
