package org.quartz.lang.ui.workbench.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** The Quartz nature: its projects have the {@link QuartzBuilder}. */
public class QuartzNature implements IProjectNature {

	public static final String ID = "org.quartz.lang.ui.workbench.nature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		if (Arrays.stream(description.getBuildSpec()).anyMatch(command -> QuartzBuilder.ID.equals(command.getBuilderName()))) {
			return;
		}
		List<ICommand> commands = new ArrayList<>(List.of(description.getBuildSpec()));
		ICommand command = description.newCommand();
		command.setBuilderName(QuartzBuilder.ID);
		commands.add(command);
		description.setBuildSpec(commands.toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(Arrays.stream(description.getBuildSpec())
				.filter(command -> !QuartzBuilder.ID.equals(command.getBuilderName())).toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
