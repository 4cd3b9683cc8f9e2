package org.quartz.lang.ui.workbench.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The Search view's page for Quartz references: the files, each with its count and, below it,
 * its references as `line: text` (the flat layout lists the files only). Opening a file or a
 * reference selects it in the file's editor.
 */
public class ReferencesPage extends AbstractTextSearchViewPage {

	private StructuredViewer viewer;
	/** The files' text as last read, for the lines shown; dropped when the result changes. */
	private final Map<IFile, IDocument> texts = new HashMap<>();

	public ReferencesPage() {
		super(FLAG_LAYOUT_TREE | FLAG_LAYOUT_FLAT);
	}

	private class Labels extends LabelProvider {
		@Override
		public String getText(Object element) {
			AbstractTextSearchResult result = getInput();
			if (element instanceof IFile file) {
				int count = result == null ? 0 : result.getMatchCount(file);
				return file.getFullPath().makeRelative() + " (" + count + (count == 1 ? " reference)" : " references)");
			}
			if (element instanceof Match match && match.getElement() instanceof IFile file) {
				return line(file, match.getOffset());
			}
			return super.getText(element);
		}
	}

	private class Contents implements ITreeContentProvider {
		private final boolean withLines;

		Contents(boolean withLines) {
			this.withLines = withLines;
		}

		@Override
		public Object[] getElements(Object input) {
			return input instanceof AbstractTextSearchResult result ? result.getElements() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			AbstractTextSearchResult result = getInput();
			if (!withLines || result == null || !(parent instanceof IFile)) {
				return new Object[0];
			}
			Match[] matches = result.getMatches(parent);
			Arrays.sort(matches, Comparator.comparingInt(Match::getOffset));
			return matches;
		}

		@Override
		public Object getParent(Object element) {
			return element instanceof Match match ? match.getElement() : null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return getChildren(element).length > 0;
		}
	}

	/** `12: the line's text`. */
	private String line(IFile file, int offset) {
		IDocument text = texts.computeIfAbsent(file, ReferencesPage::read);
		try {
			int line = text.getLineOfOffset(offset);
			int start = text.getLineOffset(line);
			return (line + 1) + ": " + text.get(start, text.getLineLength(line)).strip();
		} catch (BadLocationException e) {
			return "offset " + offset;
		}
	}

	private static IDocument read(IFile file) {
		try (InputStream in = file.getContents(true)) {
			return new Document(new String(in.readAllBytes(), file.getCharset()));
		} catch (CoreException | IOException e) {
			return new Document();
		}
	}

	/** A reference's own match, so opening it selects it. */
	@Override
	public Match[] getDisplayedMatches(Object element) {
		return element instanceof Match match ? new Match[] { match } : super.getDisplayedMatches(element);
	}

	@Override
	public int getDisplayedMatchCount(Object element) {
		return element instanceof Match ? 1 : super.getDisplayedMatchCount(element);
	}

	@Override
	protected void elementsChanged(Object[] objects) {
		refresh();
	}

	@Override
	protected void clear() {
		refresh();
	}

	private void refresh() {
		texts.clear();
		if (viewer != null) {
			viewer.refresh();
			if (viewer instanceof TreeViewer tree) {
				tree.expandAll(); // files found after the first refresh are shown open too
			}
		}
	}

	@Override
	protected void configureTreeViewer(TreeViewer tree) {
		viewer = tree;
		tree.setContentProvider(new Contents(true));
		tree.setLabelProvider(new Labels());
		tree.setAutoExpandLevel(AbstractTreeViewer.ALL_LEVELS);
	}

	@Override
	protected void configureTableViewer(TableViewer table) {
		viewer = table;
		table.setContentProvider(new Contents(false));
		table.setLabelProvider(new Labels());
	}

	@Override
	protected void showMatch(Match match, int offset, int length, boolean activate) throws PartInitException {
		if (match.getElement() instanceof IFile file) {
			IEditorPart editor = IDE.openEditor(getSite().getPage(), file, activate);
			if (editor instanceof ITextEditor text) {
				text.selectAndReveal(offset, length);
			}
		}
	}
}
