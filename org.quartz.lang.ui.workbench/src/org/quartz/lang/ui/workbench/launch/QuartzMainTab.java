package org.quartz.lang.ui.workbench.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The Main tab of a Quartz program's launch configuration: the main file (a workspace path) and the program's arguments. */
public class QuartzMainTab extends AbstractLaunchConfigurationTab {

	private Text file;
	private Text arguments;

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(composite);
		file = field(composite, "Main file (workspace path):");
		arguments = field(composite, "Program arguments:");
		setControl(composite);
	}

	private Text field(Composite composite, String label) {
		new Label(composite, SWT.NONE).setText(label);
		Text text = new Text(composite, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
		text.addModifyListener(event -> updateLaunchConfigurationDialog());
		return text;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(QuartzLaunchDelegate.FILE, "");
		configuration.setAttribute(QuartzLaunchDelegate.ARGUMENTS, "");
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			file.setText(configuration.getAttribute(QuartzLaunchDelegate.FILE, ""));
			arguments.setText(configuration.getAttribute(QuartzLaunchDelegate.ARGUMENTS, ""));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(QuartzLaunchDelegate.FILE, file.getText().trim());
		configuration.setAttribute(QuartzLaunchDelegate.ARGUMENTS, arguments.getText());
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		String path = file.getText().trim();
		IFile main = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(path));
		setErrorMessage(main != null && main.exists() ? null : "Choose an existing .qz file of the workspace");
		return getErrorMessage() == null;
	}

	@Override
	public String getName() {
		return "Main";
	}
}
