package org.quartz.lang.ui.workbench.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.statushandlers.StatusManager;

/** Run As > Quartz program, on a .qz file or its editor: launches the file's configuration, made on first use. */
public class QuartzLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof IAdaptable element) {
			launch(element.getAdapter(IFile.class), mode);
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		launch(editor.getEditorInput().getAdapter(IFile.class), mode);
	}

	private static void launch(IFile file, String mode) {
		if (file == null) {
			return;
		}
		try {
			DebugUITools.launch(configuration(file), mode);
		} catch (CoreException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
		}
	}

	/** The launch configuration that runs {@code file}: an existing one, else a new one named after it. */
	public static ILaunchConfiguration configuration(IFile file) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(QuartzLaunchDelegate.TYPE);
		String path = file.getFullPath().toPortableString();
		for (ILaunchConfiguration configuration : manager.getLaunchConfigurations(type)) {
			if (path.equals(configuration.getAttribute(QuartzLaunchDelegate.FILE, ""))) {
				return configuration;
			}
		}
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(file.getName()));
		copy.setAttribute(QuartzLaunchDelegate.FILE, path);
		copy.setMappedResources(new org.eclipse.core.resources.IResource[] { file });
		return copy.doSave();
	}
}
