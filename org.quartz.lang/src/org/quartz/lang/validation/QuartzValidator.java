package org.quartz.lang.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The validator Xtext runs on every Quartz resource: it composes one validator per concern.
 * A file with syntax errors is not validated (see {@link QuartzResourceValidator}).
 */
@ComposedChecks(validators = { NameValidator.class, DeclarationValidator.class, MutabilityValidator.class, ControlFlowValidator.class,
		PatternValidator.class, ConcurrencyValidator.class, EntryPointValidator.class, TypeValidator.class,
		TraitValidator.class })
public class QuartzValidator extends AbstractQuartzValidator {
}
