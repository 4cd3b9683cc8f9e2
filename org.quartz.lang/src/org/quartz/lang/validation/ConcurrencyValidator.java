package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.AwaitExpression;
import org.quartz.lang.quartz.DefaultArm;
import org.quartz.lang.quartz.GoExpression;
import org.quartz.lang.quartz.RecvExpression;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.SendExpression;

/**
 * The shape of `select`: at least one arm, at most one `default`. Until the concurrency
 * release, tasks, channels, select and actors are checked but not compiled: each use is
 * reported once, instead of the code generator failing.
 */
public class ConcurrencyValidator extends ComposedValidator {

	@Check
	public void checkNotCompiledYet(EObject element) {
		String keyword = element instanceof GoExpression ? "go"
				: element instanceof AwaitExpression ? "await"
						: element instanceof SendExpression ? "send"
								: element instanceof RecvExpression ? "recv"
										: element instanceof SelectExpression ? "select"
												: element instanceof ActorDecl ? "actor" : null;
		if (keyword != null) {
			errorAtKeyword("'" + keyword + "' is checked but not compiled yet (concurrency comes in the next release)",
					element, keyword, QuartzIssueCodes.CONCURRENCY_NOT_COMPILED_YET);
		}
	}

	@Check
	public void checkSelect(SelectExpression select) {
		if (select.getArms().isEmpty()) {
			errorAtKeyword("a select needs at least one arm", select, "select", QuartzIssueCodes.SELECT_WITHOUT_ARMS);
			return;
		}
		boolean hasDefault = false;
		for (SelectArm arm : select.getArms()) {
			if (arm instanceof DefaultArm) {
				if (hasDefault) {
					errorAtKeyword("a select can have only one 'default' arm", arm, "default",
							QuartzIssueCodes.SELECT_DUPLICATE_DEFAULT);
				}
				hasDefault = true;
			}
		}
	}
}
