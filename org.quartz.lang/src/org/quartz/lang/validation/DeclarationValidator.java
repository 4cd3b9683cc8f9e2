package org.quartz.lang.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.typing.ConstantValues;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Declarations that must be well-founded: a type alias may not expand to itself, and a
 * constant must have a compile-time value (reference §2.3) that does not depend on itself.
 */
public class DeclarationValidator extends ComposedValidator {

	@Inject
	private TypeChecker typeChecker;

	@Check
	public void checkAliasCycle(TypeAlias alias) {
		if (alias.getType() != null && reachesItself(alias)) {
			error("type alias '" + alias.getName() + "' is defined in terms of itself", alias, Q.getNamedElement_Name(),
					QuartzIssueCodes.CYCLIC_TYPE_ALIAS);
		}
	}

	/** Whether expanding the aliases in {@code alias}'s type, transitively, meets {@code alias} again. */
	private static boolean reachesItself(TypeAlias alias) {
		Deque<TypeAlias> pending = new ArrayDeque<>();
		Set<TypeAlias> seen = new HashSet<>();
		pending.push(alias);
		while (!pending.isEmpty()) {
			TypeAlias current = pending.pop();
			if (current.getType() == null) {
				continue;
			}
			for (NamedTypeRef ref : namedRefs(current)) {
				if (ref.getType() instanceof TypeAlias next && !next.eIsProxy()) {
					if (next == alias) {
						return true;
					}
					if (seen.add(next)) {
						pending.push(next);
					}
				}
			}
		}
		return false;
	}

	/** The named types in an alias's right side, its own outermost one included. */
	private static Iterable<NamedTypeRef> namedRefs(TypeAlias alias) {
		List<NamedTypeRef> refs = new ArrayList<>(EcoreUtil2.eAllOfType(alias.getType(), NamedTypeRef.class));
		if (alias.getType() instanceof NamedTypeRef named) {
			refs.add(named);
		}
		return refs;
	}

	@Check
	public void checkConstantValue(ConstDecl constant) {
		ConstantValues.Result result = typeChecker.constants(constant.eResource()).of(constant);
		if (result.problem() == null) {
			return;
		}
		switch (result.problem()) {
			case CYCLE -> error("constant '" + constant.getName() + "' is defined in terms of itself", constant,
					Q.getNamedElement_Name(), QuartzIssueCodes.CYCLIC_CONSTANT);
			case NOT_COMPILE_TIME -> error("a constant's value must be known at compile time: Int, Float, Bool and String"
					+ " literals, other constants, and operators on them", result.problemAt(), null,
					QuartzIssueCodes.CONSTANT_NOT_COMPILE_TIME);
			case OVERFLOW -> error("constant overflows Int", result.problemAt(), null, QuartzIssueCodes.CONSTANT_ARITHMETIC);
			case DIVISION_BY_ZERO -> error("division by zero in a constant", result.problemAt(), null,
					QuartzIssueCodes.CONSTANT_ARITHMETIC);
		}
	}
}
