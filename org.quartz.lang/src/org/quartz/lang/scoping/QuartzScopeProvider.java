package org.quartz.lang.scoping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.Declaration;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FieldInit;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.quartz.VariantPattern;

import com.google.inject.Inject;

/**
 * Scopes every cross-reference. Names resolve innermost first: local bindings
 * ({@link LocalBindings}), then the module's own declarations and enum variants, then imported
 * modules, then the prelude. Each reference sees only the kinds it can name: a type position
 * sees types, `Shape::` sees Shape's variants, a field initialiser the struct's fields.
 */
public class QuartzScopeProvider extends AbstractQuartzScopeProvider {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Inject
	private IGlobalScopeProvider globalScopeProvider;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Q.getNameRef_Ref() || reference == Q.getCommandCall_Callee()) {
			return Scopes.scopeFor(LocalBindings.visibleAt(context).values(),
					moduleScope(context, reference, element -> !(element instanceof TypeAlias)));
		}
		if (reference == Q.getNamedTypeRef_Type()) {
			return Scopes.scopeFor(typeParameters(context), moduleScope(context, reference, QuartzScopeProvider::isType));
		}
		if (reference == Q.getVariantLiteral_EnumType() || reference == Q.getVariantPattern_EnumType()) {
			return moduleScope(context, reference, element -> element instanceof EnumDecl);
		}
		if (reference == Q.getVariantLiteral_Variant() || reference == Q.getVariantPattern_Variant()) {
			EnumDecl qualifier = context instanceof VariantLiteral literal ? literal.getEnumType()
					: context instanceof VariantPattern pattern ? pattern.getEnumType() : null;
			if (qualifier != null) {
				return qualifier.eIsProxy() ? IScope.NULLSCOPE : Scopes.scopeFor(qualifier.getVariants());
			}
			return moduleScope(context, reference, element -> element instanceof Variant);
		}
		if (reference == Q.getStructLiteral_Struct()) {
			return moduleScope(context, reference, element -> element instanceof StructDecl);
		}
		if (reference == Q.getFieldInit_Field()) {
			StructLiteral literal = context instanceof FieldInit init ? (StructLiteral) init.eContainer()
					: (StructLiteral) context;
			StructDecl struct = literal.getStruct();
			return struct == null || struct.eIsProxy() ? IScope.NULLSCOPE : Scopes.scopeFor(struct.getFields());
		}
		return super.getScope(context, reference);
	}

	private static boolean isType(EObject element) {
		return element instanceof StructDecl || element instanceof EnumDecl || element instanceof TypeAlias
				|| element instanceof ActorDecl;
	}

	/** The type parameters of the enclosing declaration (built-ins of the prelude have them). */
	private static List<TypeParam> typeParameters(EObject context) {
		List<TypeParam> result = new ArrayList<>();
		for (EObject c = context; c != null; c = c.eContainer()) {
			if (c instanceof FunctionDecl function) {
				result.addAll(function.getTypeParams());
			} else if (c instanceof EnumDecl enumDecl) {
				result.addAll(enumDecl.getTypeParams());
			} else if (c instanceof TypeAlias alias) {
				result.addAll(alias.getTypeParams());
			}
		}
		return result;
	}

	/** This module's declarations and variants, then imported modules' and the prelude's. */
	private IScope moduleScope(EObject context, EReference reference, Predicate<EObject> accepts) {
		IScope global = new FilteringScope(globalScopeProvider.getScope(context.eResource(), reference, null),
				description -> accepts.test(EcoreUtil2.resolve(description.getEObjectOrProxy(), context)));
		Module module = EcoreUtil2.getContainerOfType(context, Module.class);
		if (module == null) {
			return global;
		}
		List<NamedElement> own = new ArrayList<>();
		for (EObject element : module.getElements()) {
			if (element instanceof Declaration declaration) {
				addIfAccepted(own, declaration, accepts);
				if (element instanceof EnumDecl enumDecl) {
					enumDecl.getVariants().forEach(variant -> addIfAccepted(own, variant, accepts));
				}
			}
		}
		return Scopes.scopeFor(own, global);
	}

	private static void addIfAccepted(List<NamedElement> into, NamedElement element, Predicate<EObject> accepts) {
		if (accepts.test(element)) {
			into.add(element);
		}
	}

}
