package org.quartz.lang.validation;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeParams;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Traits and impls (reference §13): a trait's and an impl's methods take `self` first; an impl
 * defines exactly its trait's methods, each with the trait's signature (Self being the
 * implementing type); an impl lives in its trait's module or its type's, once per trait and
 * type (so every module finds the same impl); bounds only on a function's type parameters.
 */
public class TraitValidator extends ComposedValidator {

	@Inject
	private TypeChecker typeChecker;

	@Check
	public void checkParameterType(Param param) {
		if (param.getType() != null) {
			return;
		}
		if (!isReceiver(param)) {
			error("parameter '" + param.getName() + "' needs a type; only a trait's or an impl's method takes 'self' without one",
					param, Q.getNamedElement_Name(), QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
		}
	}

	/** `self`, first parameter of a method of a trait or an impl. */
	private static boolean isReceiver(Param param) {
		return "self".equals(param.getName()) && param.eContainer() instanceof FunctionDecl method
				&& (method.eContainer() instanceof TraitDecl || method.eContainer() instanceof ImplDecl)
				&& method.getParams().indexOf(param) == 0;
	}

	/** Whether a method's first parameter is `self`, without a type. */
	private static boolean hasReceiver(FunctionDecl method) {
		return !method.getParams().isEmpty() && isReceiver(method.getParams().get(0)) && method.getParams().get(0).getType() == null;
	}

	@Check
	public void checkMethod(FunctionDecl method) {
		if (!(method.eContainer() instanceof TraitDecl) && !(method.eContainer() instanceof ImplDecl)) {
			return;
		}
		if (!hasReceiver(method)) {
			error("a method of a trait or an impl takes 'self' (without a type) as its first parameter", method,
					Q.getNamedElement_Name(), QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
		}
		if (!method.getTypeParams().isEmpty()) {
			error("a method of a trait or an impl cannot have type parameters", method.getTypeParams().get(0), null,
					QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
		}
	}

	@Check
	public void checkBounds(TypeParam param) {
		if (!param.getBounds().isEmpty() && !(param.eContainer() instanceof FunctionDecl)) {
			error("only a function's type parameters can have bounds", param, Q.getTypeParam_Bounds(),
					QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
		}
	}

	@Check
	public void checkTraitMethodNames(TraitDecl trait) {
		Set<String> names = new HashSet<>();
		for (FunctionDecl method : trait.getMethods()) {
			if (!names.add(method.getName())) {
				error("trait '" + trait.getName() + "' declares '" + method.getName() + "' twice", method,
						Q.getNamedElement_Name(), QuartzIssueCodes.DUPLICATE_DECLARATION);
			}
		}
	}

	@Check
	public void checkImpl(ImplDecl impl) {
		TraitDecl trait = impl.getTrait();
		NamedElement target = Traits.target(impl);
		if (trait == null || trait.eIsProxy() || target == null) {
			return;   // unresolved names: NameValidator
		}
		if (target instanceof TypeParams generic && !generic.getTypeParams().isEmpty()) {
			error("impls for generic types are not supported yet ('" + target.getName() + "' has type parameters)", impl,
					Q.getImplDecl_Type(), QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
			return;
		}
		if (target instanceof ActorDecl) {
			error("an actor cannot implement a trait (its methods are messages)", impl, Q.getImplDecl_Type(),
					QuartzIssueCodes.INVALID_TRAIT_DECLARATION);
			return;
		}
		checkHome(impl, trait, target);
		Type self = typeChecker.typeOfRef(impl.getType());
		Set<String> defined = new HashSet<>();
		for (FunctionDecl method : impl.getMethods()) {
			if (!defined.add(method.getName())) {
				error("this impl defines '" + method.getName() + "' twice", method, Q.getNamedElement_Name(),
						QuartzIssueCodes.DUPLICATE_DECLARATION);
				continue;
			}
			FunctionDecl declared = Traits.method(trait, method.getName());
			if (declared == null) {
				error("trait '" + trait.getName() + "' has no method '" + method.getName() + "'", method,
						Q.getNamedElement_Name(), QuartzIssueCodes.NOT_A_TRAIT_METHOD);
				continue;
			}
			if (!hasReceiver(method)) {
				continue;   // checkMethod reports it; its signature cannot match
			}
			Type.Fn expected = typeChecker.traitMethodSignature(declared, self);
			Type.Fn actual = typeChecker.signature(method);
			if (!expected.equals(actual)) {
				error("'" + method.getName() + "' must have the signature of " + trait.getName() + "'s: " + describe(expected)
						+ ", not " + describe(actual), method, Q.getNamedElement_Name(),
						QuartzIssueCodes.IMPL_SIGNATURE_MISMATCH);
			}
		}
		for (FunctionDecl declared : trait.getMethods()) {
			if (!defined.contains(declared.getName())) {
				error("impl of " + trait.getName() + " for " + target.getName() + " does not define '" + declared.getName()
						+ "' (" + describe(typeChecker.traitMethodSignature(declared, self)) + ")", impl,
						Q.getImplDecl_Trait(), QuartzIssueCodes.MISSING_TRAIT_METHOD);
			}
		}
	}

	/** `(self: Point, other: Point): Bool`. */
	private static String describe(Type.Fn signature) {
		String text = signature.toString();
		return text.startsWith("Fn") ? text.substring(2) : text;
	}

	private void checkHome(ImplDecl impl, TraitDecl trait, NamedElement target) {
		Module own = (Module) impl.eContainer();
		if (!sameModule(own, trait) && !sameModule(own, target)) {
			error("an impl must be in the module of its trait (" + trait.getName() + ") or of its type (" + target.getName()
					+ "), so that every module sees the same one", impl, Q.getImplDecl_Trait(),
					QuartzIssueCodes.CONFLICTING_IMPL);
			return;
		}
		for (EObject element : own.getElements()) {
			if (element == impl) {
				break;
			}
			if (element instanceof ImplDecl earlier && earlier.getTrait() == trait && Traits.target(earlier) == target) {
				error(target.getName() + " already implements " + trait.getName() + " (line " + lineOf(earlier) + ")", impl,
						Q.getImplDecl_Trait(), QuartzIssueCodes.CONFLICTING_IMPL);
				return;
			}
		}
		Module other = sameModule(own, trait) ? moduleOf(target) : moduleOf(trait);
		if (other != null && other != own) {
			for (EObject element : other.getElements()) {
				if (element instanceof ImplDecl elsewhere && elsewhere.getTrait() == trait && Traits.target(elsewhere) == target) {
					error(target.getName() + " already implements " + trait.getName() + " in another module", impl,
							Q.getImplDecl_Trait(), QuartzIssueCodes.CONFLICTING_IMPL);
					return;
				}
			}
		}
	}

	private static boolean sameModule(Module module, EObject element) {
		return moduleOf(element) == module;
	}

	private static Module moduleOf(EObject element) {
		return element.eResource() == null || element.eResource().getContents().isEmpty()
				|| !(element.eResource().getContents().get(0) instanceof Module m) ? null : m;
	}
}
