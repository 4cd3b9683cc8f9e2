package org.quartz.lang.validation;

import org.eclipse.xtext.validation.Check;
import org.quartz.lang.quartz.DefaultArm;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;

/** The shape of `select`: at least one arm, at most one `default`. */
public class ConcurrencyValidator extends ComposedValidator {

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
