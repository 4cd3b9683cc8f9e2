package org.quartz.lang.validation;

import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.DefaultArm;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.GoExpression;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * The shape of `select`: at least one arm, at most one `default`; what `go` can start (a call
 * or a block; a built-in call is not compiled yet, QZ0604); an actor method may not be named
 * `stop` (QZ0606), which every actor has. (`new` is a keyword, so no method can take it.)
 */
public class ConcurrencyValidator extends ComposedValidator {

	@Inject
	private TypeChecker types;

	@Check
	public void checkTask(GoExpression go) {
		Expression task = go.getTask();
		CallTarget target = task instanceof Lambda ? null : types.typing(task).callTarget(task);
		boolean call = target instanceof CallTarget.Function || target instanceof CallTarget.Closure
				|| (target instanceof CallTarget.FieldRead && task instanceof MemberAccess access
						&& (access.isExplicitArguments() || access.getBlock() != null));
		if (target instanceof CallTarget.ActorMessage) {
			errorAtKeyword("'go' of an actor message: the actor already handles it in its own task and the message's "
					+ "value is a Task; drop 'go'", go, "go", QuartzIssueCodes.GO_NEEDS_CALL);
		} else if (!(task instanceof Lambda) && !call) {
			errorAtKeyword("'go' needs a call or a block: go f(x), go do ... end", go, "go",
					QuartzIssueCodes.GO_NEEDS_CALL);
		} else if (target instanceof CallTarget.Function function && function.function().isExtern()) {
			errorAtKeyword("'go' of a built-in is not compiled yet; wrap it: go do -> ... end", go, "go",
					QuartzIssueCodes.CONCURRENCY_NOT_COMPILED_YET);
		}
	}

	@Check
	public void checkActor(ActorDecl actor) {
		for (FunctionDecl method : actor.getMethods()) {
			if (CallTarget.ActorStop.MEMBER.equals(method.getName())) {
				error("an actor cannot define 'stop': every actor has it, and it ends the actor", method,
						Q.getNamedElement_Name(), QuartzIssueCodes.ACTOR_RESERVED_METHOD);
			}
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
