package org.quartz.lang.ui.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.ISearchResultViewPart;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.lang.ide.rename.QuartzRenameCheck;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.EditorResourceSets;
import org.quartz.lang.ui.workbench.builder.QuartzNature;
import org.quartz.lang.ui.workbench.launch.QuartzLaunchDelegate;
import org.quartz.lang.ui.workbench.launch.QuartzLaunchShortcut;
import org.quartz.lang.ui.workbench.rename.QuartzRename;
import org.quartz.lang.ui.workbench.rename.RenameHandler;
import org.quartz.lang.ui.workbench.search.ReferencesResult;
import org.quartz.lang.ui.workspace.ProblemMarkerJob;

/**
 * The IDE features of org.quartz.lang.ui.workbench in a real Eclipse workbench, driven the way a
 * user drives them: F3 (the generic editor's Open Hyperlink), Find References (its command, into
 * the Search view), Rename (the command and its dialog), the builder's markers on files never
 * opened, the standard library's modules, and Run As > Quartz program into the Console view.
 */
class QuartzIdeWorkbenchTest {

	private static final String UTIL = """
			def twice(n: Int): Int = n * 2
			""";
	private static final String MAIN = """
			import util
			import math

			def main()
			  a = twice(20)
			  puts("#{twice(a)} #{max(a, 3)}")
			end
			""";
	private static final long TIMEOUT = 120_000;

	private IProject project;
	private IWorkbenchPage page;
	private Display display;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("quartz-ide-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		page = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
		display = Display.getCurrent();
	}

	@AfterEach
	void deleteProject() throws CoreException {
		page.closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void openDeclarationGoesToTheDeclarationInAnotherFileAndInTheStandardLibrary() throws Exception {
		create("util.qz", UTIL);
		ITextEditor main = open(create("main.qz", MAIN));

		caret(main, MAIN.indexOf("twice(20)") + 2);
		execute("org.eclipse.ui.edit.text.open.hyperlink"); // F3 in the generic editor
		ITextEditor util = assertInstanceOf(ITextEditor.class, page.getActiveEditor());
		assertEquals("util.qz", util.getEditorInput().getName());
		assertEquals(UTIL.indexOf("twice"), selection(util).getOffset());
		assertEquals("twice".length(), selection(util).getLength());

		page.activate(main);
		caret(main, MAIN.indexOf("max(a") + 1);
		execute("org.eclipse.ui.edit.text.open.hyperlink");
		ITextEditor math = assertInstanceOf(ITextEditor.class, page.getActiveEditor());
		assertEquals("math.qz", math.getEditorInput().getName(), "the standard library's module");
		IDocument stdlib = math.getDocumentProvider().getDocument(math.getEditorInput());
		assertEquals("max", stdlib.get(selection(math).getOffset(), selection(math).getLength()));
		assertTrue(stdlib.get().startsWith("def max", stdlib.getLineOffset(stdlib.getLineOfOffset(selection(math).getOffset()))));
	}

	@Test
	void findReferencesListsEveryUseInTheSearchView() throws Exception {
		IFile util = create("util.qz", UTIL);
		IFile mainFile = create("main.qz", MAIN);
		ITextEditor main = open(mainFile);

		caret(main, MAIN.indexOf("twice(a)") + 1);
		execute("org.eclipse.ui.genericeditor.findReferences"); // Ctrl+Shift+G
		assertTrue(waitFor(() -> searchResult() instanceof ReferencesResult result && result.getMatchCount() == 3
				&& !NewSearchUI.isQueryRunning(result.getQuery()), TIMEOUT), "no references in the Search view");
		AbstractTextSearchResult result = (AbstractTextSearchResult) searchResult();
		assertEquals(List.of(UTIL.indexOf("twice")), offsets(result.getMatches(util)), "the declaration");
		assertEquals(List.of(MAIN.indexOf("twice(20)"), MAIN.indexOf("twice(a)")), offsets(result.getMatches(mainFile)));
		assertTrue(result.getLabel().startsWith("'twice' - 3 references"), result.getLabel());

		// As the view shows them: each file, and under it each reference's line.
		AbstractTextSearchViewPage shown = (AbstractTextSearchViewPage) NewSearchUI.getSearchResultView().getActivePage();
		shown.setLayout(AbstractTextSearchViewPage.FLAG_LAYOUT_TREE);
		Tree tree = find(shown.getControl(), Tree.class);
		List<String> expected = List.of("quartz-ide-test/main.qz (2 references)", "5: a = twice(20)",
				"6: puts(\"#{twice(a)} #{max(a, 3)}\")", "quartz-ide-test/util.qz (1 reference)",
				"1: def twice(n: Int): Int = n * 2");
		assertTrue(waitFor(() -> labels(tree.getItems()).containsAll(expected), TIMEOUT), () -> labels(tree.getItems()).toString());
	}

	@Test
	void renameAsksForTheNameAndChangesEveryFile() throws Exception {
		IFile util = create("util.qz", UTIL);
		IFile mainFile = create("main.qz", MAIN);
		ITextEditor main = open(mainFile);
		int use = MAIN.indexOf("twice(a)") + 1;

		// Refused as the language server refuses it: not a name, a reserved word, a clash.
		QuartzRename rename = QuartzRename.at(mainFile, use);
		QuartzRenameCheck check = QuartzInjector.get().getInstance(QuartzRenameCheck.class);
		QuartzRename local = QuartzRename.at(mainFile, MAIN.indexOf("a = twice"));
		assertEquals("a", local.currentName());
		for (String bad : List.of("9lives", "two words", "end", "while")) {
			assertNotNull(rename.problem(bad), bad);
			assertEquals(check.problem(local.declaration(), bad), local.problem(bad), bad);
		}
		assertNotNull(rename.problem("main"), "`main` is visible where main.qz calls `twice`");
		assertNotNull(local.problem("twice"), "a local hiding the function it calls");
		assertNull(rename.problem("double"));
		assertEquals(local.problem("twice"), local.apply("twice"), "refused when applied too");
		assertEquals(MAIN, document(main).get(), "nothing changed");

		caret(main, use);
		answerRenameDialog("double");
		execute("org.quartz.lang.ui.workbench.rename");
		assertEquals(UTIL.replace("twice", "double"), read(util), "the declaration's file, saved");
		assertEquals(MAIN.replace("twice", "double"), document(main).get(), "the open file");
		assertEquals(MAIN.replace("twice", "double"), read(mainFile), "saved, as it had no unsaved change");
	}

	@Test
	void theBuilderMarksFilesThatWereNeverOpenedAndFollowsTheirImports() throws Exception {
		IFile lib = create("lib.qz", "def helper(): Int = 1\n");
		IFile user = create("user.qz", """
				import lib
				import math

				def main()
				  puts("#{twice(helper())} #{min(1, 2)}")
				end
				""");
		assertTrue(waitFor(() -> markers(user).length == 1, TIMEOUT), () -> "markers: " + describe(markers(user)));
		assertTrue(project.hasNature(QuartzNature.ID), "the nature was added by itself");
		IMarker marker = markers(user)[0];
		assertEquals("QZ0101", marker.getAttribute(ProblemMarkerJob.CODE), "`twice` is not declared (math resolves)");
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(5, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(0, markers(lib).length);

		// Declaring it in the imported module (never opened either) clears the importer's marker.
		lib.setContents(new ByteArrayInputStream("def helper(): Int = 1\ndef twice(n: Int): Int = n * 2\n"
				.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		assertTrue(waitFor(() -> markers(user).length == 0, TIMEOUT), () -> "markers: " + describe(markers(user)));
		// And breaking the module marks it.
		lib.setContents(new ByteArrayInputStream("def helper(): Int = nothing\n".getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		assertTrue(waitFor(() -> markers(lib).length == 1 && markers(user).length == 1, TIMEOUT),
				() -> "markers: " + describe(markers(lib)) + " / " + describe(markers(user)));
	}

	@Test
	void theStandardLibraryIsExtractedOnceForTheEditor() throws Exception {
		Path stdlib = EditorResourceSets.stdlib();
		assertTrue(stdlib.resolve("math.qz").toFile().isFile(), stdlib.toString());
		assertTrue(stdlib.resolve("qspec/matchers.qz").toFile().isFile(), stdlib.toString());
		assertEquals(stdlib, EditorResourceSets.stdlib(), "the same fingerprinted folder");
	}

	@Test
	void runAsQuartzProgramShowsTheOutputInTheConsole() throws Exception {
		IFile hello = create("hello.qz", """
				def main()
				  a = args()
				  puts("hello from #{21 * 2}, #{a.size} arguments")
				  for i in 0..a.size
				    puts(a[i])
				  end
				end
				""");
		// The program's arguments, as the configuration's Main tab sets them.
		ILaunchConfigurationWorkingCopy configuration = QuartzLaunchShortcut.configuration(hello).getWorkingCopy();
		configuration.setAttribute(QuartzLaunchDelegate.ARGUMENTS, "one  two");
		configuration.doSave();
		runAs(hello);
		assertTrue(waitFor(() -> process(hello) != null && process(hello).isTerminated(), TIMEOUT), "the program did not run");
		IProcess process = process(hello);
		assertEquals(0, process.getExitValue());
		assertTrue(waitFor(() -> DebugUITools.getConsole(process) != null, TIMEOUT), "the process has no console");
		TextConsole text = assertInstanceOf(TextConsole.class, DebugUITools.getConsole(process), "the process's console");
		assertTrue(waitFor(() -> text.getDocument().get().contains("hello from 42, 2 arguments\none\ntwo\n"), TIMEOUT), text.getDocument().get());

		IFile broken = create("broken.qz", """
				def main()
				  puts(missing)
				end
				""");
		runAs(broken);
		TextConsole build = QuartzLaunchDelegate.buildConsole();
		assertTrue(waitFor(() -> build.getDocument().get().contains("was not run"), TIMEOUT), build.getDocument().get());
		assertTrue(build.getDocument().get().contains("error[QZ0101]"), build.getDocument().get());
		assertNull(process(broken), "a program that does not build is not run");
	}

	/**
	 * What Run As > Quartz program does on a selected file: the shortcut the extension registry
	 * has, offered when its enablement holds for the selection, launches it.
	 */
	private static void runAs(IFile file) throws CoreException {
		IConfigurationElement shortcut = Arrays.stream(Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
				.filter(element -> "org.quartz.lang.ui.workbench.launchShortcut".equals(element.getAttribute("id")))
				.findFirst().orElseThrow();
		IConfigurationElement enablement = shortcut.getChildren("contextualLaunch")[0].getChildren("enablement")[0];
		EvaluationContext context = new EvaluationContext(null, List.of(file));
		context.addVariable("selection", List.of(file));
		assertEquals(EvaluationResult.TRUE, ExpressionConverter.getDefault().perform(enablement).evaluate(context),
				"Run As > Quartz program is not offered for " + file);
		ILaunchShortcut launcher = (ILaunchShortcut) shortcut.createExecutableExtension("class");
		launcher.launch(new StructuredSelection(file), "run");
	}

	private static ISearchResult searchResult() {
		ISearchResultViewPart view = NewSearchUI.getSearchResultView();
		return view != null && view.getActivePage() instanceof AbstractTextSearchViewPage page ? page.getInput() : null;
	}

	/** The labels of a tree's items and of their children, depth first. */
	private static List<String> labels(TreeItem[] items) {
		java.util.ArrayList<String> labels = new java.util.ArrayList<>();
		for (TreeItem item : items) {
			labels.add(item.getText());
			labels.addAll(labels(item.getItems()));
		}
		return labels;
	}

	private static List<Integer> offsets(Match[] matches) {
		return Arrays.stream(matches).map(Match::getOffset).sorted().toList();
	}

	/** The process of the last launch of {@code file}'s configuration; null while there is none. */
	private static IProcess process(IFile file) {
		ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
		for (int i = launches.length - 1; i >= 0; i--) {
			try {
				if (launches[i].getLaunchConfiguration() != null && file.getFullPath().toPortableString()
						.equals(launches[i].getLaunchConfiguration().getAttribute(QuartzLaunchDelegate.FILE, ""))) {
					return launches[i].getProcesses().length == 0 ? null : launches[i].getProcesses()[0];
				}
			} catch (CoreException e) {
				throw new IllegalStateException(e);
			}
		}
		return null;
	}

	/** Types {@code name} into the rename dialog when it opens, and presses OK. */
	private void answerRenameDialog(String name) {
		display.timerExec(200, new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (shell.isVisible() && RenameHandler.TITLE.equals(shell.getText())) {
						find(shell, Text.class).setText(name);
						for (Button button : all(shell, Button.class)) {
							if (button.getText().replace("&", "").equals("OK")) {
								assertTrue(button.isEnabled(), "OK is disabled for " + name);
								button.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
								return;
							}
						}
					}
				}
				display.timerExec(200, this);
			}
		});
	}

	private static <T extends Control> T find(Control root, Class<T> type) {
		return all(root, type).get(0);
	}

	private static <T extends Control> List<T> all(Control root, Class<T> type) {
		java.util.ArrayList<T> found = new java.util.ArrayList<>();
		if (type.isInstance(root)) {
			found.add(type.cast(root));
		}
		if (root instanceof org.eclipse.swt.widgets.Composite composite) {
			for (Control child : composite.getChildren()) {
				found.addAll(all(child, type));
			}
		}
		return found;
	}

	private IFile create(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		return file;
	}

	private ITextEditor open(IFile file) throws CoreException {
		IEditorPart editor = IDE.openEditor(page, file);
		return assertInstanceOf(ITextEditor.class, editor);
	}

	private static IDocument document(ITextEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private static String read(IFile file) throws CoreException, IOException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void caret(ITextEditor editor, int offset) {
		editor.selectAndReveal(offset, 0);
	}

	private static ITextSelection selection(ITextEditor editor) {
		return (ITextSelection) editor.getSelectionProvider().getSelection();
	}

	private void execute(String command) throws Exception {
		IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand(command, null);
		waitFor(() -> false, 300); // let the UI settle (editors opening, selections)
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ProblemMarkerJob.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(IMarker[] markers) {
		return Arrays.stream(markers).map(marker -> marker.getAttribute(IMarker.MESSAGE, "")).toList().toString();
	}

	private boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
		return EventLoop.runUntil(display, condition, millis);
	}
}
