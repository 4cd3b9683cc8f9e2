package org.quartz.lang.typing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.QuartzFactory;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeRef;

/**
 * Traits and impls as the type checker and code generation see them: the prelude's four
 * built-in traits, the `Self` of a trait, and which impl gives a type a trait.
 *
 * Coherence (checked by DeclarationValidator): an impl lives in the module of its trait or of
 * its type, and there is at most one impl of a trait for a type. So the impl of (trait, type),
 * if any, is found in those two modules whatever module asks, and code generation, which sees
 * only concrete types, finds the same impl the type checker did.
 */
public final class Traits {

	public static final String EQ = "Eq";
	public static final String ORD = "Ord";
	public static final String HASH = "Hash";
	public static final String SHOW = "Show";

	/**
	 * What is computed once for a model object and lives as long as it (an adapter, so a loaded
	 * program and what was derived from it are collected together): a trait's Self, the
	 * prelude's traits by name.
	 */
	private static final class Derived<T> extends AdapterImpl {
		private final Class<?> kind;
		private final T value;

		private Derived(Class<?> kind, T value) {
			this.kind = kind;
			this.value = value;
		}

		/** The value of {@code kind} derived from {@code owner}, computed the first time it is asked for. */
		@SuppressWarnings("unchecked")
		static <T> T of(Notifier owner, Class<?> kind, Supplier<T> compute) {
			synchronized (owner) {
				for (Adapter adapter : owner.eAdapters()) {
					if (adapter instanceof Derived<?> derived && derived.kind == kind) {
						return (T) derived.value;
					}
				}
				Derived<T> derived = new Derived<>(kind, compute.get());
				owner.eAdapters().add(derived);
				return derived.value;
			}
		}
	}

	private Traits() {
	}

	/** `Self` in {@code trait}'s method signatures: a type parameter whose one bound is the trait. */
	public static TypeParam selfParameter(TraitDecl trait) {
		return Derived.of(trait, TypeParam.class, () -> {
			TypeParam self = QuartzFactory.eINSTANCE.createTypeParam();
			self.setName("Self");
			self.getBounds().add(trait);
			return self;
		});
	}

	/** Whether a trait is one of the prelude's (Eq, Ord, Hash, Show), which some types have without an impl. */
	public static boolean isBuiltin(TraitDecl trait) {
		return Prelude.isPrelude(trait.eResource());
	}

	/** The prelude's trait named {@code name} (EQ, ORD, HASH or SHOW), seen from any element of the program. */
	public static TraitDecl builtin(EObject context, String name) {
		Module prelude = preludeOf(context);
		if (prelude == null) {
			return null;
		}
		// The prelude never changes once loaded: its traits are looked up once per load.
		Map<String, TraitDecl> traits = Derived.of(prelude, TraitDecl.class, () -> traitsOf(prelude));
		return traits.get(name);
	}

	private static Map<String, TraitDecl> traitsOf(Module prelude) {
		Map<String, TraitDecl> traits = new HashMap<>();
		for (EObject element : prelude.getElements()) {
			if (element instanceof TraitDecl trait) {
				traits.put(trait.getName(), trait);
			}
		}
		return traits;
	}

	/** The method of a trait named {@code name}, or null. */
	public static FunctionDecl method(TraitDecl trait, String name) {
		return trait.getMethods().stream().filter(m -> name.equals(m.getName())).findFirst().orElse(null);
	}

	/** The method of an impl named {@code name}, or null. */
	public static FunctionDecl method(ImplDecl impl, String name) {
		return impl.getMethods().stream().filter(m -> name.equals(m.getName())).findFirst().orElse(null);
	}

	/**
	 * The declaration of the type an impl is for (a struct, an enum, an actor, or a prelude
	 * `type`), aliases followed; null when it does not resolve.
	 */
	public static NamedElement target(ImplDecl impl) {
		return declarationOf(impl.getType(), 0);
	}

	private static NamedElement declarationOf(TypeRef ref, int depth) {
		if (!(ref instanceof NamedTypeRef named) || named.getType() == null || named.getType().eIsProxy() || depth > 16) {
			return null;
		}
		if (named.getType() instanceof TypeAlias alias && alias.getType() != null) {
			return declarationOf(alias.getType(), depth + 1);
		}
		return named.getType();
	}

	/** Whether an impl's target is {@code type}'s constructor (Point for Point, Vec for Vec<Int>). */
	public static boolean isFor(ImplDecl impl, Type.Named type) {
		NamedElement target = target(impl);
		if (target == null) {
			return false;
		}
		return type.builtin() ? Prelude.isPrelude(target.eResource()) && type.name().equals(target.getName())
				: target == type.declaration();
	}

	/** The impl of {@code trait} for {@code type}, found in the trait's module or the type's; null if none. */
	public static ImplDecl implFor(TraitDecl trait, Type.Named type) {
		for (Module module : homes(trait, type)) {
			for (EObject element : module.getElements()) {
				if (element instanceof ImplDecl impl && impl.getTrait() == trait && isFor(impl, type)) {
					return impl;
				}
			}
		}
		return null;
	}

	/**
	 * The impl method a member call `x.member` on a value of {@code type} names, among the
	 * impls of the traits visible where the call is (a trait's methods are usable where the
	 * trait can be named, as in Rust); null if none, the first trait's in scope order if several
	 * have the method.
	 */
	public static FunctionDecl implMethod(Iterable<TraitDecl> visibleTraits, Type.Named type, String member) {
		for (TraitDecl trait : visibleTraits) {
			if (method(trait, member) != null) {
				ImplDecl impl = implFor(trait, type);
				FunctionDecl method = impl == null ? null : method(impl, member);
				if (method != null) {
					return method;
				}
			}
		}
		return null;
	}

	/** The trait a method belongs to, or null for a function that is not a trait's. */
	public static TraitDecl traitOf(FunctionDecl method) {
		return method.eContainer() instanceof TraitDecl trait ? trait : null;
	}

	private static List<Module> homes(TraitDecl trait, Type.Named type) {
		List<Module> modules = new ArrayList<>();
		if (trait.eResource() != null) {
			addModule(modules, trait.eResource());
		}
		if (type.declaration() != null && type.declaration().eResource() != null) {
			addModule(modules, type.declaration().eResource());
		}
		return modules;
	}

	private static void addModule(List<Module> modules, Resource resource) {
		Module module = moduleOf(resource);
		if (module != null && modules.stream().noneMatch(m -> m == module)) {
			modules.add(module);
		}
	}

	private static Module moduleOf(Resource resource) {
		return resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module m) ? null : m;
	}

	private static Module preludeOf(EObject context) {
		Resource resource = context.eResource();
		ResourceSet set = resource == null ? null : resource.getResourceSet();
		if (set == null) {
			return resource != null && Prelude.isPrelude(resource) ? moduleOf(resource) : null;
		}
		Resource prelude = set.getResource(Prelude.uri(), true);
		return prelude == null ? null : moduleOf(prelude);
	}
}
