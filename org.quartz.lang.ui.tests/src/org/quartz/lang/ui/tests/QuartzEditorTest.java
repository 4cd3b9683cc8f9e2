package org.quartz.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols;
import org.quartz.lang.ide.symbols.QuartzDocumentSymbols.Symbol;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.QuartzSourceViewerConfiguration;
import org.quartz.lang.ui.QuartzSourceViewers;
import org.quartz.lang.ui.highlighting.TokenStyles;
import org.quartz.lang.ui.outline.OutlineContentProvider;
import org.quartz.lang.ui.outline.OutlineLabelProvider;
import org.quartz.lang.ui.validation.ProblemAnnotation;

/**
 * The Quartz editor in a real SWT runtime (under the build's Xvfb): a source viewer with the
 * Quartz configuration in a shell, checked the way a user would see it.
 */
class QuartzEditorTest {

	private static final String SOURCE = """
			# shapes and a counter
			struct Point
			  x: Int
			  y: Int
			end

			enum Shape
			  Circle(r: Int)
			  Square(side: Int)
			end

			actor Counter
			  var count: Int = 0
			  def get(): Int = count
			end

			def add(a: Int, b: Int): Int = a + b

			def main()
			  total = add(40, 2)
			  puts("#{total}")
			  puts(greeting)
			end
			""";

	private Display display;
	private Shell shell;

	@BeforeEach
	void openShell() {
		shell = TestDisplay.newShell();
		display = shell.getDisplay();
	}

	@AfterEach
	void closeShell() {
		shell.dispose();
	}

	private SourceViewer open(QuartzSourceViewerConfiguration configuration, String text) {
		SourceViewer viewer = QuartzSourceViewers.create(shell, configuration, new Document(text));
		shell.layout();
		shell.open();
		return viewer;
	}

	private static QuartzSourceViewerConfiguration configuration() {
		return QuartzSourceViewerConfiguration.forDocument(URI.createURI("inmemory:/editor_test.qz"));
	}

	@Test
	void errorAppearsAsAnnotationWithCodeAndPosition() {
		SourceViewer viewer = open(configuration(), SOURCE);
		IAnnotationModel model = viewer.getAnnotationModel();

		assertTrue(TestDisplay.waitFor(display, () -> !problems(model).isEmpty(), 20_000),
				"the reconciler showed no diagnostic");

		List<ProblemAnnotation> problems = problems(model);
		assertEquals(1, problems.size(), () -> "diagnostics: " + problems.stream().map(Annotation::getText).toList());
		ProblemAnnotation problem = problems.get(0);
		assertEquals("QZ0101", problem.getCode());
		assertTrue(problem.isError());
		assertEquals(SOURCE.indexOf("greeting"), model.getPosition(problem).getOffset());
		assertEquals("greeting".length(), model.getPosition(problem).getLength());
	}

	@Test
	void fixingTheErrorRemovesItsAnnotation() {
		SourceViewer viewer = open(configuration(), SOURCE);
		IAnnotationModel model = viewer.getAnnotationModel();
		assertTrue(TestDisplay.waitFor(display, () -> !problems(model).isEmpty(), 20_000));

		IDocument document = viewer.getDocument();
		document.set(SOURCE.replace("puts(greeting)", "puts(\"hi\")"));

		assertTrue(TestDisplay.waitFor(display, () -> problems(model).isEmpty(), 20_000),
				() -> "still shown: " + problems(model).stream().map(Annotation::getText).toList());
	}

	@Test
	void keywordsCommentsAndStringsAreColoured() {
		SourceViewer viewer = open(configuration(), SOURCE);
		display.readAndDispatch();

		StyleRange keyword = viewer.getTextWidget().getStyleRangeAtOffset(SOURCE.indexOf("def add"));
		assertNotNull(keyword, "no style on 'def'");
		assertEquals(TokenStyles.KEYWORD_COLOR, keyword.foreground);
		assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD);

		StyleRange comment = viewer.getTextWidget().getStyleRangeAtOffset(SOURCE.indexOf("shapes"));
		assertNotNull(comment, "no style on the comment");
		assertEquals(TokenStyles.COMMENT_COLOR, comment.foreground);

		StyleRange string = viewer.getTextWidget().getStyleRangeAtOffset(SOURCE.indexOf("\"#{total}\""));
		assertNotNull(string, "no style on the string");
		assertEquals(TokenStyles.STRING_COLOR, string.foreground);

		StyleRange name = viewer.getTextWidget().getStyleRangeAtOffset(SOURCE.indexOf("total ="));
		assertTrue(name == null || !TokenStyles.KEYWORD_COLOR.equals(name.foreground), "a local coloured as a keyword");
	}

	@Test
	void floatLiteralsAreColouredWhole() {
		String text = "def main()\n  x = 2.5e-3 + 1.5\n  for i in 1..9\n    puts(i.to_s)\n  end\nend\n";
		SourceViewer viewer = open(configuration(), text);
		display.readAndDispatch();
		for (String number : List.of("2.5e-3", "1.5")) {
			for (int offset = text.indexOf(number); offset < text.indexOf(number) + number.length(); offset++) {
				StyleRange range = viewer.getTextWidget().getStyleRangeAtOffset(offset);
				assertNotNull(range, "no style at " + offset + " of " + number);
				assertEquals(TokenStyles.NUMBER_COLOR, range.foreground, "every character of " + number);
			}
		}
		StyleRange dots = viewer.getTextWidget().getStyleRangeAtOffset(text.indexOf("..9"));
		assertTrue(dots == null || !TokenStyles.NUMBER_COLOR.equals(dots.foreground), "the range's dots are not a number");
	}

	@Test
	void aStringSpanningLinesIsColouredOnEveryLineAndAnEditRecoloursTheLinesAfterIt() throws Exception {
		String text = "def main()\n  s = \"first\nsecond line\n\"\n  puts(s)\nend\n";
		SourceViewer viewer = open(configuration(), text);
		display.readAndDispatch();
		StyleRange inside = viewer.getTextWidget().getStyleRangeAtOffset(text.indexOf("second"));
		assertNotNull(inside, "no style inside the string");
		assertEquals(TokenStyles.STRING_COLOR, inside.foreground);
		StyleRange after = viewer.getTextWidget().getStyleRangeAtOffset(text.indexOf("puts"));
		assertTrue(after == null || !TokenStyles.STRING_COLOR.equals(after.foreground), "code after the string");

		// A quote typed on the first line opens a string that runs on: later lines change colour too.
		viewer.getDocument().replace(text.indexOf("main"), 0, "\"");
		display.readAndDispatch();
		StyleRange end = viewer.getTextWidget().getStyleRangeAtOffset(viewer.getDocument().get().indexOf("  s ="));
		assertNotNull(end, "no style after the new quote");
		assertEquals(TokenStyles.STRING_COLOR, end.foreground);
	}

	@Test
	void completionOfAHalfTypedNameOffersTheNamesStartingWithIt() {
		String text = """
				def main()
				  total = 40 + 2
				  printed = pu
				  puts(to)
				end
				""";
		QuartzSourceViewerConfiguration configuration = configuration();
		SourceViewer viewer = open(configuration, text);
		IContentAssistProcessor processor = configuration.getContentAssistant(viewer)
				.getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE);

		// `pu|` after `=`: `puts`, not `total`, and applying it replaces the typed `pu`.
		int afterPu = text.indexOf("= pu\n") + "= pu".length();
		ICompletionProposal[] proposals = processor.computeCompletionProposals(viewer, afterPu);
		List<String> shown = displayed(proposals);
		assertTrue(shown.stream().anyMatch(p -> p.startsWith("puts")), () -> "proposals: " + shown);
		assertTrue(shown.stream().noneMatch(p -> p.startsWith("total")), () -> "proposals: " + shown);
		ICompletionProposal puts = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("puts"))
				.findFirst().orElseThrow();
		puts.apply(viewer.getDocument());
		String applied = viewer.getDocument().get();
		assertTrue(applied.contains("  printed = puts") && !applied.contains("puputs"), applied);
		assertEquals(afterPu - 2 + "puts".length(), puts.getSelection(viewer.getDocument()).x, applied);

		// `to|` inside a call: the local `total`, the call becomes `puts(total)`.
		viewer.getDocument().set(text);
		int afterTo = text.indexOf("puts(to)") + "puts(to".length();
		ICompletionProposal[] inCall = processor.computeCompletionProposals(viewer, afterTo);
		List<String> shownInCall = displayed(inCall);
		assertTrue(shownInCall.stream().anyMatch(p -> p.startsWith("total")), () -> "proposals: " + shownInCall);
		assertTrue(shownInCall.stream().noneMatch(p -> p.startsWith("puts")), () -> "proposals: " + shownInCall);
		Arrays.stream(inCall).filter(p -> p.getDisplayString().startsWith("total")).findFirst().orElseThrow()
				.apply(viewer.getDocument());
		assertTrue(viewer.getDocument().get().contains("  puts(total)\n"), viewer.getDocument().get());
	}

	@Test
	void completionOffersLocalsAndPreludeFunctions() {
		String text = """
				def main()
				  total = 40 + 2
				  puts()
				end
				""";
		QuartzSourceViewerConfiguration configuration = configuration();
		SourceViewer viewer = open(configuration, text);
		IContentAssistProcessor processor = configuration.getContentAssistant(viewer)
				.getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE);
		int inCall = text.indexOf("puts()") + "puts(".length();

		ICompletionProposal[] proposals = processor.computeCompletionProposals(viewer, inCall);
		List<String> shown = displayed(proposals);
		assertTrue(shown.stream().anyMatch(p -> p.startsWith("total")), () -> "proposals: " + shown);
		assertTrue(shown.stream().anyMatch(p -> p.startsWith("puts")), () -> "proposals: " + shown);

		Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("total")).findFirst().orElseThrow()
				.apply(viewer.getDocument());
		assertTrue(viewer.getDocument().get().contains("  puts(total)\n"), viewer.getDocument().get());
	}

	@Test
	void hoverShowsTheInferredType() {
		QuartzSourceViewerConfiguration configuration = configuration();
		SourceViewer viewer = open(configuration, SOURCE);
		ITextHover hover = configuration.getTextHover(viewer, IDocument.DEFAULT_CONTENT_TYPE);

		int use = SOURCE.indexOf("total}") + 1;
		int function = SOURCE.indexOf("add(40") + 1;
		// QuartzTextHover implements ITextHover's getHoverInfo only (deprecated for ITextHoverExtension2)
		@SuppressWarnings("deprecation")
		String[] texts = { hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, use)),
				hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, function)) };
		assertEquals("total: Int", texts[0]);
		assertEquals("def add(a: Int, b: Int): Int", texts[1]);
	}

	@Test
	void outlineListsTheDeclarations() {
		QuartzSourceViewerConfiguration configuration = configuration();
		open(configuration, SOURCE);
		// The language server's document symbols, labelled for the tree.
		QuartzDocumentSymbols symbols = QuartzInjector.get().getInstance(QuartzDocumentSymbols.class);
		List<Symbol> outline = configuration.getParser().read(SOURCE, symbols::symbols);

		TreeViewer tree = new TreeViewer(shell);
		tree.setContentProvider(new OutlineContentProvider());
		tree.setLabelProvider(new OutlineLabelProvider());
		tree.setInput(outline);
		tree.expandAll();
		shell.layout();

		assertEquals(List.of("struct Point", "enum Shape", "actor Counter", "def add(a: Int, b: Int): Int", "def main()"),
				labels(tree.getTree().getItems()));
		assertEquals(List.of("x: Int", "y: Int"), labels(tree.getTree().getItem(0).getItems()));
		assertEquals(List.of("Circle", "Square"), labels(tree.getTree().getItem(1).getItems()));
		assertEquals(List.of("count: Int", "def get(): Int"), labels(tree.getTree().getItem(2).getItems()));
		assertEquals(SOURCE.indexOf("add("), outline.get(3).nameOffset());
		assertEquals(SOURCE.indexOf("add(") + 3, outline.get(3).nameEndOffset());
	}

	private static List<ProblemAnnotation> problems(IAnnotationModel model) {
		List<ProblemAnnotation> problems = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ProblemAnnotation problem) {
				problems.add(problem);
			}
		}
		return problems;
	}

	private static List<String> displayed(ICompletionProposal[] proposals) {
		return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
	}

	private static List<String> labels(TreeItem[] items) {
		return Arrays.stream(items).map(TreeItem::getText).toList();
	}
}
