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
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.lang.ui.validation.ProblemAnnotation;

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
		assertTrue(waitFor(display, () -> !problems(sourceViewer).isEmpty(), 30_000),
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

	/** Runs the UI's event loop until {@code condition} holds or {@code millis} have passed. */
	private static boolean waitFor(Display display, BooleanSupplier condition, long millis) throws InterruptedException {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				return false;
			}
			while (display.readAndDispatch()) {
				// drain pending events (the reconciler's annotation updates among them)
			}
			Thread.sleep(20);
		}
		return true;
	}
}
