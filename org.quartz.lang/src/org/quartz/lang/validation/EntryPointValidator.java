package org.quartz.lang.validation;

import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;
import org.quartz.lang.typing.Types;

import com.google.inject.Inject;

/**
 * The program's entry point: `def main` takes no parameters and returns nothing or an Int (the
 * exit code), and a file with it has no top-level statements (a script's statements are its
 * entry point). An extern `main` names a foreign function, not the entry point.
 */
public class EntryPointValidator extends ComposedValidator {

	@Inject
	private TypeChecker typeChecker;

	@Check
	public void checkMainSignature(FunctionDecl function) {
		if (function.isExtern() || !"main".equals(function.getName()) || !(function.eContainer() instanceof Module)) {
			return;
		}
		Type result = typeChecker.resultOf(function);
		if (!function.getParams().isEmpty() || !(Types.is(result, Types.VOID) || Types.is(result, Types.INT))) {
			error("'main' takes no parameters and returns nothing or an Int (the exit code)", function,
					Q.getNamedElement_Name(), QuartzIssueCodes.INVALID_MAIN);
		}
	}

	@Check
	public void checkMainAndStatements(Module module) {
		boolean hasMain = module.getElements().stream()
				.anyMatch(element -> element instanceof FunctionDecl function && "main".equals(function.getName()));
		if (!hasMain) {
			return;
		}
		module.getElements().stream().filter(Globals::isScriptStatement).findFirst()
				.ifPresent(statement -> error("a file with 'def main' cannot also have top-level statements",
						statement, null, QuartzIssueCodes.MAIN_AND_TOP_LEVEL_STATEMENTS));
	}
}
