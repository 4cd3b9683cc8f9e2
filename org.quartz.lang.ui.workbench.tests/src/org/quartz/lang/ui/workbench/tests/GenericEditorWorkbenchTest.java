package org.quartz.lang.ui.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.lang.ui.validation.ProblemAnnotation;
import org.quartz.lang.ui.workspace.ProblemMarkerJob;

/**
 * Quartz in a real Eclipse workbench (the IDE application, run by Tycho's UI harness): a .qz file
 * of a workspace project opens in the generic editor, which shows the validator's diagnostic and
 * offers Quartz completions, all through the contributions of org.quartz.lang.ui's plugin.xml.
 */
class GenericEditorWorkbenchTest {

	private static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
	private static final String CONTENT_TYPE = "org.quartz.lang.ui.source";
	private static final String SOURCE = """
			def main()
			  total = 40 + 2
			  puts("#{total}")
			  puts(greeting)
			end
			""";

	private IProject project;
	private IWorkbenchPage page;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("quartz-workbench-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
		page = window.getActivePage();
		assertNotNull(page, "the workbench window has no page");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void aQzFileOpensInTheGenericEditorWithItsDiagnosticAndCompletions() throws Exception {
		IFile file = project.getFile("broken.qz");
		file.create(new ByteArrayInputStream(SOURCE.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		IContentType contentType = file.getContentDescription().getContentType();
		assertEquals(CONTENT_TYPE, contentType.getId());

		IEditorPart editor = IDE.openEditor(page, file);
		assertEquals(GENERIC_EDITOR, editor.getSite().getId());
		ITextEditor textEditor = assertInstanceOf(ITextEditor.class, editor);
		ITextViewer viewer = textEditor.getAdapter(ITextViewer.class);
		ISourceViewer sourceViewer = assertInstanceOf(ISourceViewer.class, viewer, "the editor's viewer");
		assertEquals(SOURCE, sourceViewer.getDocument().get());

		// The contributed reconciler validates the opened document: one error on `greeting`.
		Display display = Display.getCurrent();
		assertTrue(EventLoop.runUntil(display, () -> !problems(sourceViewer).isEmpty(), 30_000),
				"no Quartz diagnostic appeared in the editor");
		List<ProblemAnnotation> problems = problems(sourceViewer);
		assertEquals(List.of("QZ0101"), problems.stream().map(ProblemAnnotation::getCode).toList());
		assertTrue(problems.get(0).isError());
		IAnnotationModel model = sourceViewer.getAnnotationModel();
		assertEquals(SOURCE.indexOf("greeting"), model.getPosition(problems.get(0)).getOffset());
		assertEquals("greeting".length(), model.getPosition(problems.get(0)).getLength());

		// Completion where `greeting` stands offers the local `total` and the built-in `puts`.
		int offset = SOURCE.indexOf("greeting");
		ICompletionProposal[] proposals = contributedCompletionProcessor().computeCompletionProposals(viewer, offset);
		List<String> shown = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(shown.stream().anyMatch(s -> s.startsWith("total")), shown::toString);
		assertTrue(shown.stream().anyMatch(s -> s.startsWith("puts")), shown::toString);
	}

	@Test
	void theDiagnosticIsAProblemMarkerOnTheFileUntilTheTextIsFixed() throws Exception {
		IFile file = project.getFile("broken.qz");
		file.create(new ByteArrayInputStream(SOURCE.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, IDE.openEditor(page, file));
		Display display = Display.getCurrent();

		assertTrue(EventLoop.runUntil(display, () -> markers(file).length > 0, 30_000), "no Quartz problem marker on " + file);
		IMarker[] markers = markers(file);
		assertEquals(1, markers.length);
		IMarker marker = markers[0];
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "a problem marker (Problems view)");
		assertEquals("QZ0101", marker.getAttribute(ProblemMarkerJob.CODE));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(4, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		int start = SOURCE.indexOf("greeting");
		assertEquals(start, marker.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(start + "greeting".length(), marker.getAttribute(IMarker.CHAR_END, -1));
		String message = marker.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.endsWith("[QZ0101]") && message.contains("greeting"), message);

		// Defining the name in the editor (unsaved) removes the marker at the next validation.
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		document.replace(SOURCE.indexOf("  puts(greeting)"), 0, "  greeting = \"hi\"\n");
		assertTrue(EventLoop.runUntil(display, () -> markers(file).length == 0, 30_000),
				"the marker stayed after the fix: " + Arrays.toString(markers(file)));
	}

	@Test
	void anImportOfASiblingModuleResolvesInTheEditor() throws Exception {
		IFile util = project.getFile("util.qz");
		util.create(new ByteArrayInputStream("def twice(n: Int): Int = n * 2\n".getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		String main = """
				import util

				def main()
				  puts("#{twice(21)}")
				  puts(missing)
				end
				""";
		IFile file = project.getFile("main.qz");
		file.create(new ByteArrayInputStream(main.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, IDE.openEditor(page, file));
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);

		// `missing` is there so that a finished validation shows: its QZ0101 is the only problem,
		// no QZ0103 for the import and no QZ0101 for the imported `twice`.
		Display display = Display.getCurrent();
		assertTrue(EventLoop.runUntil(display, () -> !problems(viewer).isEmpty(), 30_000), "no Quartz diagnostic appeared");
		List<ProblemAnnotation> problems = problems(viewer);
		assertEquals(List.of("QZ0101"), problems.stream().map(ProblemAnnotation::getCode).toList(),
				problems.stream().map(Annotation::getText).toList()::toString);
		assertEquals(main.indexOf("missing"), viewer.getAnnotationModel().getPosition(problems.get(0)).getOffset());
		assertTrue(EventLoop.runUntil(display, () -> markers(file).length == 1, 30_000), Arrays.toString(markers(file)));
		assertEquals("QZ0101", markers(file)[0].getAttribute(ProblemMarkerJob.CODE));
	}

	@Test
	void theEditorHasAnOutlinePageListingTheDeclarations() throws Exception {
		String source = """
				struct Point
				  x: Int
				  y: Int
				end

				def add(a: Int, b: Int): Int = a + b

				def main()
				  puts("#{add(1, 2)}")
				end
				""";
		IFile file = project.getFile("outline.qz");
		file.create(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, IDE.openEditor(page, file));

		IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
		assertNotNull(outline, "the generic editor gives no outline page for a .qz file");
		Shell shell = new Shell(Display.getCurrent());
		try {
			outline.createControl(shell);
			Tree tree = assertInstanceOf(Tree.class, outline.getControl());
			// The language server's document symbols (QuartzDocumentSymbols), labelled.
			assertEquals(List.of("struct Point", "def add(a: Int, b: Int): Int", "def main()"), labels(tree.getItems()));
			assertEquals(List.of("x: Int", "y: Int"), labels(tree.getItem(0).getItems()));

			// An edit shows in the outline after the next validation.
			IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			document.replace(document.getLength(), 0, "\ndef later()\nend\n");
			Display display = Display.getCurrent();
			assertTrue(EventLoop.runUntil(display, () -> labels(tree.getItems()).contains("def later()"), 30_000),
					() -> "the outline was not refreshed: " + labels(tree.getItems()));
			assertEquals(List.of("struct Point", "def add(a: Int, b: Int): Int", "def main()", "def later()"),
					labels(tree.getItems()));
		} finally {
			outline.dispose();
			shell.dispose();
		}
	}

	private static List<String> labels(TreeItem[] items) {
		return Arrays.stream(items).map(TreeItem::getText).toList();
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ProblemMarkerJob.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The processor the generic editor gets from the extension registry for Quartz sources. */
	private static IContentAssistProcessor contributedCompletionProcessor() throws CoreException {
		List<IContentAssistProcessor> found = new ArrayList<>();
		for (IConfigurationElement element : Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.ui.genericeditor.contentAssistProcessors")) {
			if (CONTENT_TYPE.equals(element.getAttribute("contentType"))) {
				found.add((IContentAssistProcessor) element.createExecutableExtension("class"));
			}
		}
		assertEquals(1, found.size(), "content assist processors contributed for " + CONTENT_TYPE);
		return found.get(0);
	}

	private static List<ProblemAnnotation> problems(ISourceViewer viewer) {
		List<ProblemAnnotation> problems = new ArrayList<>();
		IAnnotationModel model = viewer.getAnnotationModel();
		if (model == null) {
			return problems;
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ProblemAnnotation problem) {
				problems.add(problem);
			}
		}
		return problems;
	}
}
