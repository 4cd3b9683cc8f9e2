package org.quartz.lang.scoping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.eclipse.xtext.scoping.impl.MultimapBasedScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.Declaration;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FieldInit;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeParams;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.quartz.VariantPattern;

import com.google.inject.Inject;

/**
 * Scopes every cross-reference. Names resolve innermost first: local bindings
 * ({@link LocalBindings}), then the module's own declarations and enum variants, then imported
 * modules, then the prelude. Module-level names include globals ({@link Globals}). Each reference sees only the kinds it can name: a type position
 * sees types, `Shape::` sees Shape's variants, a field initialiser the struct's fields.
 */
public class QuartzScopeProvider extends AbstractQuartzScopeProvider {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	/** The name of the implementing type in a trait's or an impl's methods. */
	public static final String SELF = "Self";

	/** What a reference position can name at module level; each kind's scope is cached per resource. */
	private enum Kind {
		VALUE(Q.getNameRef_Ref(), element -> !(element instanceof TypeAlias)),
		TYPE(Q.getNamedTypeRef_Type(), QuartzScopeProvider::isType),
		ENUM(Q.getVariantLiteral_EnumType(), element -> element instanceof EnumDecl),
		VARIANT(Q.getVariantLiteral_Variant(), element -> element instanceof Variant),
		STRUCT(Q.getStructLiteral_Struct(), element -> element instanceof StructDecl),
		TRAIT(Q.getImplDecl_Trait(), element -> element instanceof TraitDecl);

		final EReference reference;
		final Predicate<EObject> accepts;

		Kind(EReference reference, Predicate<EObject> accepts) {
			this.reference = reference;
			this.accepts = accepts;
		}
	}

	@Inject
	private IGlobalScopeProvider globalScopeProvider;

	@Inject
	private IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Q.getNameRef_Ref() || reference == Q.getCommandCall_Callee()) {
			return new LocalBindingScope(context, moduleScope(context, Kind.VALUE));
		}
		if (reference == Q.getNamedTypeRef_Type()) {
			IScope types = moduleScope(context, Kind.TYPE);
			NamedElement self = selfType(context);
			if (self != null) {
				types = MultimapBasedScope.createScope(types,
						List.of(EObjectDescription.create(QualifiedName.create(SELF), self)), false);
			}
			return Scopes.scopeFor(typeParameters(context), types);
		}
		if (reference == Q.getImplDecl_Trait() || reference == Q.getTypeParam_Bounds()) {
			return moduleScope(context, Kind.TRAIT);
		}
		if (reference == Q.getVariantLiteral_EnumType() || reference == Q.getVariantPattern_EnumType()) {
			return moduleScope(context, Kind.ENUM);
		}
		if (reference == Q.getVariantLiteral_Variant() || reference == Q.getVariantPattern_Variant()) {
			EnumDecl qualifier = context instanceof VariantLiteral literal ? literal.getEnumType()
					: context instanceof VariantPattern pattern ? pattern.getEnumType() : null;
			if (qualifier != null) {
				return qualifier.eIsProxy() ? IScope.NULLSCOPE : Scopes.scopeFor(qualifier.getVariants());
			}
			return moduleScope(context, Kind.VARIANT);
		}
		if (reference == Q.getStructLiteral_Struct()) {
			return moduleScope(context, Kind.STRUCT);
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

	/**
	 * What `Self` names inside a trait (the trait: its methods' signatures are instantiated with
	 * the implementing type) or an impl (the implementing type's declaration); null elsewhere.
	 */
	private static NamedElement selfType(EObject context) {
		for (EObject c = context; c != null; c = c.eContainer()) {
			if (c instanceof TraitDecl trait) {
				return trait;
			}
			if (c instanceof ImplDecl impl) {
				if (impl.getType() == null || EcoreUtil.isAncestor(impl.getType(), context)) {
					return null;
				}
				return impl.getType() instanceof NamedTypeRef named && !named.getType().eIsProxy() ? named.getType() : null;
			}
		}
		return null;
	}

	/** The type parameters of the enclosing generic declaration (function, struct, enum or alias). */
	private static List<TypeParam> typeParameters(EObject context) {
		List<TypeParam> result = new ArrayList<>();
		for (EObject c = context; c != null; c = c.eContainer()) {
			if (c instanceof TypeParams generic) {
				result.addAll(generic.getTypeParams());
			}
		}
		return result;
	}

	/**
	 * This module's declarations and variants, then imported modules' and the prelude's, as a
	 * hashed scope (modules can be large), computed once per resource and kind.
	 */
	private IScope moduleScope(EObject context, Kind kind) {
		Resource resource = context.eResource();
		return cache.get(Tuples.pair(QuartzScopeProvider.class, kind), resource, () -> {
			IScope global = new FilteringScope(globalScopeProvider.getScope(resource, kind.reference, null),
					description -> kind.accepts.test(EcoreUtil.resolve(description.getEObjectOrProxy(), resource)));
			List<NamedElement> own = new ArrayList<>();
			for (EObject root : resource.getContents()) {
				if (root instanceof Module module) {
					for (EObject element : module.getElements()) {
						if (Globals.isGlobal(element)) {
							addIfAccepted(own, (NamedElement) element, kind.accepts);
						}
						if (element instanceof Declaration declaration) {
							addIfAccepted(own, declaration, kind.accepts);
							if (element instanceof EnumDecl enumDecl) {
								enumDecl.getVariants().forEach(variant -> addIfAccepted(own, variant, kind.accepts));
							}
						}
					}
				}
			}
			return MultimapBasedScope.createScope(global, Scopes.scopedElementsFor(own), false);
		});
	}

	/** What {@code name} denotes at module level (own declarations, imports, prelude), or null. */
	public IEObjectDescription moduleValue(EObject context, QualifiedName name) {
		return moduleScope(context, Kind.VALUE).getSingleElement(name);
	}

	/** Every module-level value named {@code name} at {@code context}: no local bindings, no walk up the tree. */
	public Iterable<IEObjectDescription> moduleValues(EObject context, QualifiedName name) {
		return moduleScope(context, Kind.VALUE).getElements(name);
	}

	/** The traits visible at {@code context} (its module's, its imports', the prelude's), in scope order. */
	public List<TraitDecl> visibleTraits(EObject context) {
		Resource resource = context.eResource();
		return cache.get(Tuples.pair(QuartzScopeProvider.class, "traits"), resource, () -> {
			List<TraitDecl> traits = new ArrayList<>();
			for (IEObjectDescription description : moduleScope(context, Kind.TRAIT).getAllElements()) {
				if (EcoreUtil.resolve(description.getEObjectOrProxy(), resource) instanceof TraitDecl trait
						&& !traits.contains(trait)) {
					traits.add(trait);
				}
			}
			return List.copyOf(traits);
		});
	}

	private static void addIfAccepted(List<NamedElement> into, NamedElement element, Predicate<EObject> accepts) {
		if (accepts.test(element)) {
			into.add(element);
		}
	}

}
