package org.quartz.lang.ui.workbench.search;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.text.Match;
import org.quartz.lang.ide.navigation.QuartzNavigation.Occurrence;
import org.quartz.lang.ui.workbench.navigation.WorkspaceDeclaration;

/**
 * Find references in the Search view: the uses of the declaration at an offset of a Quartz file
 * in every Quartz file of the workspace, the declaration itself included (as in Java's search).
 */
public class ReferencesQuery implements ISearchQuery {

	private final IFile file;
	private final int offset;
	private final ReferencesResult result = new ReferencesResult(this);
	private String label;

	public ReferencesQuery(IFile file, int offset) {
		this.file = file;
		this.offset = offset;
		this.label = "Quartz references in " + file.getName();
	}

	@Override
	public IStatus run(IProgressMonitor monitor) throws OperationCanceledException {
		result.removeAll();
		try {
			WorkspaceDeclaration found = WorkspaceDeclaration.at(file, offset);
			if (found.declaration() == null) {
				label = "Quartz references: no declaration at the cursor";
				return Status.OK_STATUS;
			}
			label = "'" + found.declaration().getName() + "'";
			for (Occurrence occurrence : WorkspaceDeclaration.navigation().occurrences(found.declaration(),
					found.modules().resources(), true)) {
				IFile where = found.modules().file(occurrence.uri());
				if (where != null) {
					result.addMatch(new Match(where, occurrence.offset(), occurrence.length()));
				}
			}
			return Status.OK_STATUS;
		} catch (CoreException e) {
			return e.getStatus();
		}
	}

	@Override
	public String getLabel() {
		return label;
	}

	@Override
	public boolean canRerun() {
		return true;
	}

	@Override
	public boolean canRunInBackground() {
		return true;
	}

	@Override
	public ISearchResult getSearchResult() {
		return result;
	}
}
