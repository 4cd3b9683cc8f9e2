package org.quartz.lang.typing;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.TypeRef;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.QuartzScopeProvider;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Entry point of type checking: the {@link Typing} of the unit around any model element — its
 * function, constant, actor field, or the module's top-level statements. Results are cached
 * per resource and dropped when the resource changes.
 */
@Singleton
public class TypeChecker {

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private QuartzScopeProvider scopeProvider;

	/** Constants and globals being typed, to stop a cycle `const A = B`, `const B = A`. */
	private final ThreadLocal<Set<EObject>> constantsInProgress = ThreadLocal.withInitial(HashSet::new);

	/** The typing of the unit containing {@code element}. */
	public Typing typing(EObject element) {
		EObject unit = unitOf(element);
		if (unit == null || unit.eResource() == null) {
			return new Typing();
		}
		return cache.get(Tuples.pair(TypeChecker.class, unit), unit.eResource(), () -> infer(unit));
	}

	/** The values of the constants, as seen from {@code resource} (computed once per resource version). */
	public ConstantValues constants(Resource resource) {
		return cache.get(ConstantValues.class, resource, ConstantValues::new);
	}

	/** Shorthand for {@code typing(element).typeOf(element)}. */
	public Type typeOf(EObject expressionOrBinding) {
		return typing(expressionOrBinding).typeOf(expressionOrBinding);
	}

	/** The type a type reference denotes (type parameters rigid). */
	public Type typeOfRef(org.quartz.lang.quartz.TypeRef ref) {
		return newInference().typeOf(ref, java.util.Map.of());
	}

	/** A function's declared signature, its type parameters rigid (`self` of an impl's method being the impl's type). */
	public Type.Fn signature(FunctionDecl function) {
		return newInference().signature(function, java.util.Map.of());
	}

	/** A trait method's signature for an implementing type {@code self}. */
	public Type.Fn traitMethodSignature(FunctionDecl method, Type self) {
		return newInference().traitMethodSignature(method, self);
	}

	/** The declared result type of a function. */
	public Type resultOf(FunctionDecl function) {
		return newInference().resultOf(function);
	}

	/**
	 * The type of a struct's field or a variant's payload, declared as {@code declared}, in a
	 * value of type {@code owner}: the owner's type arguments replace its parameters.
	 */
	public Type componentType(Type.Named owner, TypeRef declared) {
		return Types.deepResolve(newInference().typeOf(declared, Types.argumentsByParameter(owner)));
	}

	/** The nearest enclosing function, constant, global or actor field; else the module (a script). */
	public static EObject unitOf(EObject element) {
		for (EObject e = element; e != null; e = e.eContainer()) {
			if (e instanceof FunctionDecl || e instanceof ConstDecl || e instanceof ActorField || e instanceof Module
					|| Globals.isGlobal(e)) {
				return e;
			}
		}
		return null;
	}

	private Typing infer(EObject unit) {
		TypeInference inference = newInference();
		if (unit instanceof FunctionDecl function) {
			return inference.inferFunction(function);
		}
		if (unit instanceof ConstDecl constant) {
			return inference.inferConstant(constant);
		}
		if (unit instanceof ActorField field) {
			return inference.inferActorField(field);
		}
		if (unit instanceof VarDecl global) {
			return inference.inferGlobal(global);
		}
		return inference.inferScript((Module) unit);
	}

	private TypeInference newInference() {
		return new TypeInference(this::findFunction, this::constantType, scopeProvider::visibleTraits);
	}

	private Type constantType(NamedElement constant) {
		Set<EObject> inProgress = constantsInProgress.get();
		if (!inProgress.add(constant)) {
			return Type.Error.INSTANCE;
		}
		try {
			return typing(constant).typeOf(constant);
		} finally {
			inProgress.remove(constant);
		}
	}

	/**
	 * The function a method-form call names. Functions are module-level, so the module's scope is
	 * enough: the full scope would also gather the local bindings, walking up every enclosing
	 * expression, which made a long method chain quadratic.
	 */
	private FunctionDecl findFunction(EObject context, String name) {
		for (IEObjectDescription description : scopeProvider.moduleValues(context, QualifiedName.create(name))) {
			if (EcoreUtil.resolve(description.getEObjectOrProxy(), context) instanceof FunctionDecl function) {
				return function;
			}
		}
		return null;
	}
}
