package org.quartz.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.CommandCall;
import org.quartz.lang.quartz.Declaration;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Import;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeArguments;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeParams;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantField;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.quartz.VariantPattern;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.PatternNames;

import com.google.inject.Inject;

/**
 * Names and modules: duplicate declarations (type parameters too), the number of type arguments
 * written at a call, a struct literal or a qualified variant, ambiguous bare variant names,
 * imports that cannot be found or name a program, prelude-only forms, and what a name may be
 * used as: a type, a built-in or a variant with fields is not a value, and only a function or a
 * variant is called without parentheses.
 */
public class NameValidator extends ComposedValidator {

	/** The ABIs an `extern` declaration may name; "builtin" is the prelude's. */
	private static final List<String> ABIS = List.of("C", "builtin");

	@Inject
	private IScopeProvider scopeProvider;

	@Inject
	private ImportUriResolver importUriResolver;

	// ---------------------------------------------------------------- duplicates

	@Check
	public void checkModuleDeclarations(Module module) {
		reportDuplicates(module.getElements().stream().filter(e -> e instanceof Declaration || Globals.isGlobal(e))
				.map(NamedElement.class::cast).toList());
	}

	@Check
	public void checkFields(StructDecl struct) {
		reportDuplicates(struct.getFields());
	}

	@Check
	public void checkVariants(EnumDecl enumDecl) {
		reportDuplicates(enumDecl.getVariants());
	}

	@Check
	public void checkVariantFields(Variant variant) {
		Map<String, VariantField> seen = new HashMap<>();
		for (VariantField field : variant.getFields()) {
			if (field.getName() == null) {
				continue;
			}
			VariantField first = seen.putIfAbsent(field.getName(), field);
			if (first != null) {
				error(duplicateMessage(field.getName(), first), field, Q.getVariantField_Name(),
						QuartzIssueCodes.DUPLICATE_DECLARATION);
			}
		}
	}

	@Check
	public void checkParameters(FunctionDecl function) {
		reportDuplicates(function.getParams());
	}

	/**
	 * A generic declaration's type parameters have distinct names, and none is the name of a
	 * type it can see (`struct Box<Int>` would hide Int inside the struct).
	 */
	@Check
	public void checkTypeParameters(TypeParams declaration) {
		reportDuplicates(declaration.getTypeParams());
		Module module = EcoreUtil2.getContainerOfType(declaration, Module.class);
		if (isPrelude(declaration) || module == null) {
			return;
		}
		for (TypeParam param : declaration.getTypeParams()) {
			if (param.getName() == null) {
				continue;
			}
			// The module's types, as a type position outside any declaration sees them.
			if (scopeProvider.getScope(module, Q.getNamedTypeRef_Type())
					.getSingleElement(QualifiedName.create(param.getName())) != null) {
				error("type parameter '" + param.getName() + "' has the name of a type; choose another name (T, U, ...)",
						param, Q.getNamedElement_Name(), QuartzIssueCodes.DUPLICATE_DECLARATION);
			}
		}
	}

	/** Type arguments written at a call (`first<Int>(v)`) fit the generic function or enum it calls. */
	@Check
	public void checkTypeArguments(Call call) {
		if (call.getTypeArguments().isEmpty()) {
			return;
		}
		NamedElement callee = call.getCallee() instanceof NameRef ref ? ref.getRef()
				: call.getCallee() instanceof VariantLiteral literal ? literal.getVariant() : null;
		if (callee != null && callee.eIsProxy()) {
			return;
		}
		TypeParams generic = callee instanceof FunctionDecl function ? function
				: callee instanceof Variant variant ? (EnumDecl) variant.eContainer() : null;
		if (generic == null) {
			error("only a named function or variant takes type arguments", call, Q.getTypeArguments_TypeArguments(), 0,
					QuartzIssueCodes.WRONG_TYPE_ARGUMENTS);
		} else {
			checkTypeArgumentCount(generic, call.getTypeArguments().size(), call);
		}
	}

	@Check
	public void checkTypeArguments(StructLiteral literal) {
		StructDecl struct = literal.getStruct();
		if (!literal.getTypeArguments().isEmpty() && struct != null && !struct.eIsProxy()) {
			checkTypeArgumentCount(struct, literal.getTypeArguments().size(), literal);
		}
	}

	@Check
	public void checkTypeArguments(VariantLiteral literal) {
		EnumDecl enumDecl = literal.getEnumType();
		if (!literal.getTypeArguments().isEmpty() && enumDecl != null && !enumDecl.eIsProxy()) {
			checkTypeArgumentCount(enumDecl, literal.getTypeArguments().size(), literal);
		}
	}

	private void checkTypeArgumentCount(TypeParams generic, int given, TypeArguments at) {
		int expected = generic.getTypeParams().size();
		if (given != expected) {
			error("'" + ((NamedElement) generic).getName() + "' takes " + expected + " type argument(s), not " + given,
					at, Q.getTypeArguments_TypeArguments(), 0, QuartzIssueCodes.WRONG_TYPE_ARGUMENTS);
		}
	}

	@Check
	public void checkParameters(Lambda lambda) {
		reportDuplicates(lambda.getParams());
	}

	@Check
	public void checkMembers(ActorDecl actor) {
		List<NamedElement> members = new ArrayList<>(actor.getFields());
		members.addAll(actor.getMethods());
		reportDuplicates(members);
	}

	private void reportDuplicates(List<? extends NamedElement> elements) {
		Map<String, NamedElement> seen = new HashMap<>();
		for (NamedElement element : elements) {
			if (element.getName() == null) {
				continue;
			}
			NamedElement first = seen.putIfAbsent(element.getName(), element);
			if (first != null) {
				error(duplicateMessage(element.getName(), first), element, Q.getNamedElement_Name(),
						QuartzIssueCodes.DUPLICATE_DECLARATION);
			}
		}
	}

	private static String duplicateMessage(String name, EObject first) {
		return "'" + name + "' is already declared (line " + lineOf(first) + ")";
	}

	// ---------------------------------------------------------------- ambiguous variants

	@Check
	public void checkAmbiguousVariant(NameRef ref) {
		if (ref.getRef() instanceof Variant variant) {
			reportIfAmbiguous(variant, ref, Q.getNameRef_Ref(), Q.getNameRef_Ref());
		}
	}

	@Check
	public void checkAmbiguousVariant(VariantPattern pattern) {
		if (pattern.getEnumType() == null && pattern.getVariant() != null && !pattern.getVariant().eIsProxy()) {
			reportIfAmbiguous(pattern.getVariant(), pattern, Q.getVariantPattern_Variant(),
					Q.getVariantPattern_Variant());
		}
	}

	@Check
	public void checkAmbiguousVariant(BindingPattern pattern) {
		Variant variant = PatternNames.variantOf(pattern);
		if (variant != null) {
			reportIfAmbiguous(variant, pattern, Q.getVariantPattern_Variant(), Q.getNamedElement_Name());
		}
	}

	/** A bare variant name is ambiguous when the scope offers variants of that name from several enums. */
	private void reportIfAmbiguous(Variant variant, EObject at, EReference scopeReference,
			EStructuralFeature feature) {
		List<String> enums = new ArrayList<>();
		for (IEObjectDescription candidate : scopeProvider.getScope(at, scopeReference)
				.getElements(QualifiedName.create(variant.getName()))) {
			if (EcoreUtil.resolve(candidate.getEObjectOrProxy(), at) instanceof Variant other
					&& other.eContainer() instanceof EnumDecl owner && !enums.contains(owner.getName())) {
				enums.add(owner.getName());
			}
		}
		if (enums.size() > 1) {
			error("'" + variant.getName() + "' is a variant of " + String.join(" and ", enums) + "; write "
					+ enums.get(0) + "::" + variant.getName() + " or " + enums.get(1) + "::" + variant.getName(),
					at, feature, QuartzIssueCodes.AMBIGUOUS_NAME);
		}
	}

	// ---------------------------------------------------------------- modules

	/** An imported module must exist and hold declarations only: a file with top-level statements is a program. */
	@Check
	public void checkImport(Import imp) {
		if (imp.getImportURI() == null) {
			return;
		}
		String resolved = importUriResolver.resolve(imp);
		if (resolved == null) {
			error("module '" + imp.getImportURI() + "' not found", imp, Q.getImport_ImportURI(),
					QuartzIssueCodes.MODULE_NOT_FOUND);
			return;
		}
		Resource imported = EcoreUtil2.getResource(imp.eResource(), resolved);
		if (imported != null && !imported.getContents().isEmpty()
				&& imported.getContents().get(0) instanceof Module module
				&& Globals.isScript(module)) {
			error("module '" + imp.getImportURI() + "' has top-level statements, so it is a program and cannot be imported",
					imp, Q.getImport_ImportURI(), QuartzIssueCodes.STATEMENT_IN_IMPORTED_MODULE);
		}
	}

	// ---------------------------------------------------------------- prelude-only forms

	@Check
	public void checkExtern(FunctionDecl function) {
		if (!function.isExtern() || function.getAbi() == null) {
			return;
		}
		if (!ABIS.contains(function.getAbi())) {
			error("unknown ABI \"" + function.getAbi() + "\"; an extern function is \"C\"", function,
					Q.getFunctionDecl_Abi(), QuartzIssueCodes.UNKNOWN_ABI);
		} else if (function.getAbi().equals("builtin") && !isPrelude(function)) {
			error("extern \"builtin\" is only allowed in the prelude", function, Q.getFunctionDecl_Abi(),
					QuartzIssueCodes.PRELUDE_ONLY);
		}
	}

	@Check
	public void checkBuiltinType(TypeAlias alias) {
		if (alias.getType() == null && !isPrelude(alias)) {
			error("'type " + alias.getName() + "' needs a right side ('type " + alias.getName()
					+ " = ...'); built-in types are declared in the prelude only", alias, Q.getNamedElement_Name(),
					QuartzIssueCodes.PRELUDE_ONLY);
		}
	}

	private static boolean isPrelude(EObject element) {
		return Prelude.isPrelude(element.eResource());
	}

	// ---------------------------------------------------------------- kinds of names

	/**
	 * A struct, enum or actor name stands for a value only as the receiver of a member access
	 * (`Counter.new()`) or as a callee, where the type checker reports what is wrong with it.
	 */
	@Check
	public void checkTypeUsedAsValue(NameRef ref) {
		EObject target = ref.getRef();
		if (!(target instanceof StructDecl || target instanceof EnumDecl || target instanceof ActorDecl)) {
			return;
		}
		boolean receiver = ref.eContainer() instanceof MemberAccess access && access.getReceiver() == ref;
		if (!receiver && !isCallee(ref)) {
			error("'" + ((NamedElement) target).getName() + "' is a type, not a value", ref, Q.getNameRef_Ref(),
					QuartzIssueCodes.NOT_A_VALUE);
		}
	}

	/**
	 * A built-in function, or a variant with fields, can only be called: code generation has no
	 * function value for either (the type checker gives such a name no type).
	 */
	@Check
	public void checkCalledOnly(NameRef ref) {
		if (ref.getRef() instanceof FunctionDecl function && function.isExtern() && "builtin".equals(function.getAbi())
				&& !isCallee(ref)) {
			error("the built-in '" + function.getName() + "' cannot be used as a value; wrap it in a lambda: do x -> "
					+ function.getName() + "(x) end", ref, null, QuartzIssueCodes.NOT_A_VALUE);
		} else if (ref.getRef() instanceof Variant variant) {
			checkVariantCalled(variant, ref);
		}
	}

	@Check
	public void checkCalledOnly(VariantLiteral literal) {
		if (literal.getVariant() != null && !literal.getVariant().eIsProxy()) {
			checkVariantCalled(literal.getVariant(), literal);
		}
	}

	private void checkVariantCalled(Variant variant, EObject name) {
		if (!variant.getFields().isEmpty() && !isCallee(name)) {
			error("variant '" + variant.getName() + "' has fields; construct it with " + variant.getName()
					+ "(...), or wrap it in a lambda: do x -> " + variant.getName() + "(x) end", name, null,
					QuartzIssueCodes.NOT_A_VALUE);
		}
	}

	/** A command call (no parentheses: `it "adds" do ... end`) calls a declared function or variant. */
	@Check
	public void checkCommandCallee(CommandCall command) {
		NamedElement callee = command.getCallee();
		if (callee == null || callee.eIsProxy() || callee instanceof FunctionDecl || callee instanceof Variant) {
			return;
		}
		error(callee instanceof StructDecl || callee instanceof EnumDecl || callee instanceof ActorDecl
				? "'" + callee.getName() + "' is a type, not a function"
				: "only a declared function can be called without parentheses", command, null,
				QuartzIssueCodes.NOT_CALLABLE);
	}

	/** Whether a name is the callee of a call with parentheses. */
	private static boolean isCallee(EObject name) {
		return name.eContainer() instanceof Call call && call.getCallee() == name;
	}
}
