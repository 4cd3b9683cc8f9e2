package org.quartz.lang.ui.workbench.builder;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * Gives the Quartz nature, and so the {@link QuartzBuilder}, to every open project that holds a
 * .qz file: those there when the workbench starts and those that get one later. So markers
 * appear on every Quartz file without a "configure" step, as Java's do in a Java project.
 */
public class NatureAssigner implements IStartup, IResourceChangeListener {

	@Override
	public void earlyStartup() {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		workspace.addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		Set<IProject> projects = new LinkedHashSet<>();
		for (IProject project : workspace.getRoot().getProjects()) {
			try {
				if (project.isOpen() && holdsQuartz(project)) {
					projects.add(project);
				}
			} catch (CoreException e) {
				// a project that cannot be read is left alone
			}
		}
		addNature(projects);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		Set<IProject> projects = new LinkedHashSet<>();
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (QuartzBuilder.isQuartz(resource) && (delta.getKind() & (IResourceDelta.ADDED | IResourceDelta.CHANGED)) != 0) {
					projects.add(resource.getProject());
				}
				return true;
			});
		} catch (CoreException e) {
			return;
		}
		addNature(projects);
	}

	private static boolean holdsQuartz(IProject project) throws CoreException {
		boolean[] found = { false };
		project.accept(resource -> {
			found[0] |= QuartzBuilder.isQuartz(resource);
			return !found[0];
		});
		return found[0];
	}

	private static void addNature(Set<IProject> projects) {
		projects.removeIf(project -> {
			try {
				return !project.isOpen() || project.hasNature(QuartzNature.ID);
			} catch (CoreException e) {
				return true;
			}
		});
		if (projects.isEmpty()) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Adding the Quartz builder") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				for (IProject project : projects) {
					if (project.isOpen() && !project.hasNature(QuartzNature.ID)) {
						IProjectDescription description = project.getDescription();
						String[] natures = description.getNatureIds();
						String[] more = java.util.Arrays.copyOf(natures, natures.length + 1);
						more[natures.length] = QuartzNature.ID;
						description.setNatureIds(more);
						project.setDescription(description, monitor);
					}
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.setSystem(true);
		job.schedule();
	}
}
