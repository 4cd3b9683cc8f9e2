package org.quartz.lang.ui.workspace;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.quartz.lang.loading.QuartzDiagnostic;

/**
 * Replaces the Quartz problem markers of one file by the last validation's diagnostics, in the
 * background (one job per file, so runs never overlap and the last diagnostics win).
 */
public final class ProblemMarkerJob extends WorkspaceJob {

	/** Our marker type (plugin.xml): a problem marker, not persistent (validation re-creates it). */
	public static final String MARKER_TYPE = "org.quartz.lang.ui.problem";
	/** The attribute with the diagnostic's code (`QZ0101`). */
	public static final String CODE = "code";

	private final IFile file;
	private final AtomicReference<List<QuartzDiagnostic>> pending = new AtomicReference<>();

	ProblemMarkerJob(IFile file) {
		super("Quartz problems of " + file.getFullPath());
		this.file = file;
		setSystem(true);
		setRule(file.getWorkspace().getRuleFactory().markerRule(file));
	}

	void update(List<QuartzDiagnostic> diagnostics) {
		pending.set(List.copyOf(diagnostics));
		schedule(); // while it runs, this makes it run once more afterwards
	}

	@Override
	public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
		List<QuartzDiagnostic> diagnostics = pending.getAndSet(null);
		if (diagnostics == null || !file.exists()) {
			return Status.OK_STATUS;
		}
		replaceMarkers(file, diagnostics);
		return Status.OK_STATUS;
	}

	/** Replaces the file's Quartz problem markers by {@code diagnostics} (in the caller's workspace operation). */
	public static void replaceMarkers(IFile file, List<QuartzDiagnostic> diagnostics) throws CoreException {
		file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		for (QuartzDiagnostic diagnostic : diagnostics) {
			IMarker marker = file.createMarker(MARKER_TYPE);
			int start = diagnostic.offset();
			int length = diagnostic.length();
			String message = diagnostic.message() + " [" + diagnostic.code() + "]";
			marker.setAttributes(
					new String[] { IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LINE_NUMBER, IMarker.CHAR_START,
							IMarker.CHAR_END, CODE, IMarker.SOURCE_ID },
					new Object[] { diagnostic.severity() == QuartzDiagnostic.Severity.ERROR ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING,
							message, Math.max(diagnostic.line(), 1), start, start + length,
							diagnostic.code(), "Quartz" });
		}
	}
}
