package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.typing.TypeChecker;
import org.quartz.lang.typing.TypeIssue;

import com.google.inject.Inject;

/** Reports the type errors {@link TypeChecker} finds, once per unit (function, constant, actor field, script). */
public class TypeValidator extends AbstractDeclarativeValidator {

	@Inject
	private TypeChecker typeChecker;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// Composed into QuartzValidator; not registered on its own.
	}

	@Check
	public void checkFunction(FunctionDecl function) {
		if (!function.isExtern()) {
			report(function);
		}
	}

	@Check
	public void checkConstant(ConstDecl constant) {
		report(constant);
	}

	@Check
	public void checkActorField(ActorField field) {
		if (field.getValue() != null) {
			report(field);
		}
	}

	@Check
	public void checkGlobal(VarDecl var) {
		if (Globals.isGlobal(var)) {
			report(var);
		}
	}

	@Check
	public void checkScript(Module module) {
		report(module);
	}

	private void report(EObject unit) {
		if (Prelude.isPrelude(unit.eResource())) {
			return;
		}
		for (TypeIssue issue : typeChecker.typing(unit).issues()) {
			error(issue.message(), issue.source(), issue.feature(), issue.code());
		}
	}
}
