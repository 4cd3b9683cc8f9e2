package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quartz.tests.lsp.LspClient.at;
import static org.quartz.tests.lsp.LspClient.document;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** The language server driven through LSP as an editor drives it, one feature per test. */
class LanguageServerTest extends LanguageServerSession {

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
	void referencesIncludeMemberCallsAndUsesInOtherFiles() throws Exception {
		String uri = openProgram();
		List<? extends Location> norm = client.server.getTextDocumentService().references(new ReferenceParams(
				document(uri), at(PROGRAM, "norm(p: Point)", 0, 1), new ReferenceContext(true))).get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(List.of(at(PROGRAM, "norm(p: Point)", 0, 0), at(PROGRAM, "norm()", 0, 0)),
				norm.stream().map(l -> l.getRange().getStart()).sorted(POSITIONS).toList(), "the declaration and `p.norm()`");

		String util = workspace.resolve("util.qz").toUri().toString();
		List<? extends Location> helper = client.server.getTextDocumentService().references(new ReferenceParams(
				document(uri), at(PROGRAM, "helper(3)", 0, 1), new ReferenceContext(true))).get(TIMEOUT, TimeUnit.SECONDS);
		assertEquals(List.of(uri + " " + at(PROGRAM, "helper(3)", 0, 0), util + " " + new Position(0, 4)),
				helper.stream().map(l -> l.getUri() + " " + l.getRange().getStart()).sorted().toList());
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
