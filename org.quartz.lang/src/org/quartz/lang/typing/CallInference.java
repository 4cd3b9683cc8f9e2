package org.quartz.lang.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.*;

/**
 * Types calls for {@link TypeInference}: calls of declared functions, variant constructors and
 * closures, `x.f(a)` member calls (fields, actor messages, the built-in types' method forms,
 * UFCS), and the built-ins whose typing depends on their argument (to_s, unwrap on Option or
 * Result, Int-or-String keys). Records each call's {@link CallTarget} with its arguments
 * normalised (receiver first, trailing block last).
 */
final class CallInference {

	/** Method forms of built-in types: `v.push(x)` is `vec_push(v, x)`. */
	private static final Map<String, String> METHOD_PREFIXES = Map.ofEntries(Map.entry(Types.VEC, "vec_"),
			Map.entry(Types.MAP, "map_"), Map.entry(Types.STRING, "str_"), Map.entry(Types.CHANNEL, "channel_"),
			Map.entry(Types.TASK, "task_"), Map.entry(Types.MUTEX, "mutex_"), Map.entry(Types.ATOMIC, "atomic_"),
			Map.entry(Types.INT, "int_"), Map.entry(Types.BOOL, "bool_"), Map.entry(Types.STRBUF, "strbuf_"),
			Map.entry(Types.RANGE, "range_"));

	/** The prelude traits' methods a type may have without an impl (to_s is the built-in function). */
	private static final Map<String, String> BUILTIN_TRAIT_METHODS = Map.of("eq", Traits.EQ, "cmp", Traits.ORD,
			"hash", Traits.HASH);

	private final TypeInference inference;
	/**
	 * Receivers of member calls, typed before the call is resolved. Their arguments' pass takes
	 * the type from here: inferring a receiver again would make `a.f.f.f` exponential.
	 */
	private final Map<Expression, Type> typedReceivers = new HashMap<>();

	CallInference(TypeInference inference) {
		this.inference = inference;
	}

	/** An argument's type: inferred now, unless it is a receiver typed already. */
	private Type inferArgument(Expression argument) {
		Type typed = typedReceivers.remove(argument);
		return typed != null ? typed : inference.infer(argument);
	}

	Type inferCall(Call call) {
		List<Expression> arguments = new ArrayList<>(call.getArguments());
		if (call.getBlock() != null) {
			arguments.add(call.getBlock());
		}
		Expression callee = call.getCallee();
		NamedElement named = callee instanceof NameRef ref ? ref.getRef()
				: callee instanceof VariantLiteral literal ? literal.getVariant() : null;
		if (named instanceof FunctionDecl || named instanceof Variant) {
			return inferNamedCall(call, named, arguments);
		}
		Type calleeType = inference.infer(callee);
		return inferClosureCall(call, callee, calleeType, arguments);
	}

	/**
	 * A call that names its callee: a call with parentheses of a declared function or variant
	 * constructor, or a command call (`it "adds" do ... end`), whose callee may also be a type or
	 * a binding (NameValidator reports those).
	 */
	Type inferNamedCall(EObject call, NamedElement callee, List<Expression> arguments) {
		if (callee == null || callee.eIsProxy()) {
			arguments.forEach(this::inferArgument);
			return Type.Error.INSTANCE;
		}
		if (callee instanceof FunctionDecl function) {
			inference.typing.calls.put(call, new CallTarget.Function(function, arguments));
			return inferFunctionCall(call, function, arguments);
		}
		if (callee instanceof Variant variant) {
			inference.typing.calls.put(call, new CallTarget.VariantConstruction(variant, arguments));
			Type.Fn constructor = inference.constructor(variant,
					inference.instantiate((EnumDecl) variant.eContainer(), typeArguments(call), call));
			return applySignature(call, constructor, arguments, "'" + variant.getName() + "'");
		}
		arguments.forEach(this::inferArgument);
		return Type.Error.INSTANCE;
	}

	/** The type arguments a call writes out (`vec_new<Int>()`, `Tree<Int>::Node(...)`); none for other call shapes. */
	private static List<TypeRef> typeArguments(EObject call) {
		if (!(call instanceof Call c)) {
			return List.of();
		}
		return c.getTypeArguments().isEmpty() && c.getCallee() instanceof VariantLiteral literal
				? literal.getTypeArguments() : c.getTypeArguments();
	}

	private Type inferClosureCall(EObject call, Expression callee, Type calleeType, List<Expression> arguments) {
		Type resolved = Types.resolve(calleeType);
		if (resolved == Type.Error.INSTANCE) {
			arguments.forEach(this::inferArgument);
			return Type.Error.INSTANCE;
		}
		if (resolved instanceof Type.Var) {
			List<Type> params = new ArrayList<>();
			arguments.forEach(a -> params.add(inference.unifier.fresh()));
			Type result = inference.unifier.fresh();
			inference.unifier.unify(resolved, new Type.Fn(params, result));
			resolved = Types.resolve(calleeType);
		}
		if (!(resolved instanceof Type.Fn fn)) {
			inference.issue(call, null, NOT_CALLABLE, "a value of type " + resolved + " cannot be called");
			arguments.forEach(this::inferArgument);
			return Type.Error.INSTANCE;
		}
		inference.typing.calls.put(call, new CallTarget.Closure(callee, arguments));
		return applySignature(call, fn, arguments, "this function");
	}

	/** Checks arity and unifies arguments with parameters; returns the result type. */
	private Type applySignature(EObject call, Type.Fn signature, List<Expression> arguments, String what) {
		if (signature.parameters().size() != arguments.size()) {
			inference.issue(call, null, WRONG_ARGUMENT_COUNT, what + " takes " + signature.parameters().size()
					+ " argument(s), but " + arguments.size() + " were given");
			arguments.forEach(this::inferArgument);
			return signature.result();
		}
		for (int i = 0; i < arguments.size(); i++) {
			Expression argument = arguments.get(i);
			Type parameter = signature.parameters().get(i);
			Type actual = argument instanceof Lambda lambda && !typedReceivers.containsKey(argument)
					? inference.inferLambda(lambda, parameter)
					: inferArgument(argument);
			inference.expect(parameter, actual, argument, null);
		}
		return signature.result();
	}

	/** Built-ins that accept several kinds of argument are typed here; the rest by their signature. */
	private Type inferFunctionCall(EObject call, FunctionDecl function, List<Expression> arguments) {
		boolean builtin = function.isExtern() && "builtin".equals(function.getAbi());
		String name = function.getName();
		if (builtin && arguments.size() >= 1) {
			switch (name) {
				case "to_s" -> {
					if (arguments.size() == 1) {
						Type type = inferArgument(arguments.get(0));
						inference.deferredChecks.add(() -> inference.expectPrintable(type, arguments.get(0)));
						return Types.builtin(Types.STRING);
					}
				}
				case "unwrap", "unwrap_or", "is_some?", "is_none?", "is_ok?", "is_err?" -> {
					Type wrapped = Types.resolve(inferArgument(arguments.get(0)));
					if (wrapped instanceof Type.Named named && named.isBuiltin(Types.RESULT) && name.startsWith("unwrap")) {
						Type value = named.arguments().get(0);
						if (name.equals("unwrap_or") && arguments.size() == 2) {
							inference.expect(value, inferArgument(arguments.get(1)), arguments.get(1), null);
						}
						return value;
					}
				}
				default -> {
				}
			}
		}
		Type.Fn signature = inference.signature(function, inference.instantiate(function, typeArguments(call), call));
		if (builtin && Prelude.lastParameterDefault(function).isPresent()) {
			int all = signature.parameters().size();
			if (arguments.size() == all - 1) {
				signature = new Type.Fn(signature.parameters().subList(0, all - 1), signature.result());
			} else if (arguments.size() != all) {
				inference.issue(call, null, WRONG_ARGUMENT_COUNT, "'" + name + "' takes " + (all - 1) + " or " + all
						+ " argument(s), but " + arguments.size() + " were given");
				arguments.forEach(this::inferArgument);
				return signature.result();
			}
		}
		Type result = applySignature(call, signature, arguments, "'" + name + "'");
		if (builtin) {
			addBuiltinChecks(call, name, arguments);
		}
		return result;
	}

	/** Built-ins whose types need more than their signature says: a map key (Hash + Eq), a sorted element (Ord), a number, a searched element (Eq). */
	private void addBuiltinChecks(EObject call, String name, List<Expression> arguments) {
		if (name.equals("map_new") || name.equals("map_map_keys")) {
			inference.deferredChecks.add(() -> expectTraits(Types.argument(inference.typing.types.get(call), 0), call, "map key",
					"a map key needs %s to be hashable", List.of(Traits.HASH, Traits.EQ)));
		} else if (name.equals("vec_sort") && !arguments.isEmpty()) {
			inference.deferredChecks.add(() -> expectTraits(Types.argument(inference.typing.types.get(arguments.get(0)), 0), call,
					"element", "'vec_sort' needs %s to be ordered", List.of(Traits.ORD)));
		} else if ((name.equals("abs") || name.equals("min") || name.equals("max") || name.equals("vec_sum"))
				&& !arguments.isEmpty()) {
			inference.deferredChecks.add(() -> expectNumber(inference.typing.types.get(call), call, name));
		} else if (name.equals("vec_contains?") && !arguments.isEmpty()) {
			inference.deferredChecks.add(() -> expectSearchable(Types.argument(inference.typing.types.get(arguments.get(0)), 0), call));
		}
	}

	/** abs, min, max and vec_sum (whose result is the element type) work on Ints or Floats; an unknown type becomes Int. */
	private void expectNumber(Type type, EObject at, String name) {
		Type t = type == null ? null : Types.resolve(type);
		if (t == null || t == Type.Error.INSTANCE || Types.is(t, Types.INT) || Types.is(t, Types.FLOAT)) {
			return;
		}
		if (t instanceof Type.Var var) {
			inference.unifier.unify(var, Types.builtin(Types.INT));
			return;
		}
		String what = t instanceof Type.Parameter ? t + ", a type parameter that could be any type" : Types.deepResolve(t).toString();
		inference.issue(at, null, OPERATOR_TYPE, name.equals("vec_sum") ? "'sum' adds Ints or Floats, not " + what
				: "'" + name + "' takes Ints or Floats, not " + what);
	}

	/** A map key or sorted element: its type must implement {@code traits} (prelude traits, by name). */
	private void expectTraits(Type type, EObject at, String what, String need, List<String> traits) {
		if (type == null) {
			return;
		}
		Type t = Types.resolve(type);
		if (t instanceof Type.Parameter parameter) {
			if (!traits.stream().allMatch(trait -> inference.bounds.hasBound(parameter, trait))) {
				inference.reportMissingBound(parameter, at, TYPE_MISMATCH, need, String.join(" + ", traits));
			}
			return;
		}
		if (t instanceof Type.Var) {
			inference.issue(at, null, CANNOT_INFER, "cannot infer the " + what + " type; add a type annotation");
			return;
		}
		for (String trait : traits) {
			if (!inference.bounds.implementsBuiltin(t, at, trait)) {
				inference.issue(at, null, TYPE_MISMATCH, "a " + what + " must implement " + String.join(" and ", traits) + ", and "
						+ Types.deepResolve(t) + " does not implement " + trait + " (write `impl " + trait + " for ...`)");
				return;
			}
		}
	}

	/** `vec_contains?` compares elements with `==`; not Floats, where NaN equals nothing. */
	private void expectSearchable(Type element, EObject at) {
		Type t = element == null ? null : Types.resolve(element);
		if (t instanceof Type.Var) {
			inference.issue(at, null, CANNOT_INFER, "cannot infer the element type; add a type annotation");
		} else if (Types.is(t, Types.FLOAT)) {
			inference.issue(at, null, TYPE_MISMATCH, "'vec_contains?' cannot search Floats (NaN equals nothing)");
		} else if (t != null) {
			inference.traits.expectEq(t, at, TYPE_MISMATCH, "vec_contains?");
		}
	}

	Type inferMemberAccess(MemberAccess access) {
		Expression receiver = access.getReceiver();
		Type receiverType = Types.resolve(inference.infer(receiver));
		typedReceivers.put(receiver, receiverType);
		try {
			return inferMemberAccess(access, receiver, receiverType);
		} finally {
			typedReceivers.remove(receiver); // a path that never took the receiver as an argument
		}
	}

	private Type inferMemberAccess(MemberAccess access, Expression receiver, Type receiverType) {
		List<Expression> arguments = new ArrayList<>();
		arguments.add(receiver);
		arguments.addAll(access.getArguments());
		if (access.getBlock() != null) {
			arguments.add(access.getBlock());
		}
		String member = access.getMember();
		if (receiverType == Type.Error.INSTANCE || member == null) {
			arguments.subList(1, arguments.size()).forEach(inference::infer);
			return Type.Error.INSTANCE;
		}
		if (receiverType instanceof Type.Meta meta) {
			if (meta.declaration() instanceof ActorDecl actor && member.equals("new")) {
				inference.typing.calls.put(access, new CallTarget.ActorStart(actor));
				expectNoArguments(access, arguments, "'" + actor.getName() + ".new'");
				return Types.of(actor);
			}
			inference.issue(access, QuartzPackage.Literals.MEMBER_ACCESS__MEMBER, UNKNOWN_MEMBER,
					"'" + meta.declaration().getName() + "' has no member '" + member + "'");
			return Type.Error.INSTANCE;
		}
		if (receiverType instanceof Type.Var) {
			inference.issue(receiver, null, CANNOT_INFER, "cannot infer the type of this value; add a type annotation");
			arguments.subList(1, arguments.size()).forEach(inference::infer);
			return Type.Error.INSTANCE;
		}
		if (receiverType instanceof Type.Named named && named.declaration() instanceof StructDecl struct) {
			Field field = struct.getFields().stream().filter(f -> member.equals(f.getName())).findFirst().orElse(null);
			if (field != null) {
				Type fieldType = inference.fieldType(field, named);
				inference.typing.calls.put(access, new CallTarget.FieldRead(receiver, field));
				if (!access.isExplicitArguments() && access.getBlock() == null) {
					return fieldType;
				}
				// A field holding a function, called: `p.callback(1)`.
				List<Expression> callArguments = arguments.subList(1, arguments.size());
				if (!(Types.resolve(fieldType) instanceof Type.Fn fn)) {
					inference.issue(access, QuartzPackage.Literals.MEMBER_ACCESS__MEMBER, NOT_CALLABLE,
							"field '" + member + "' holds " + Types.deepResolve(fieldType) + ", not a function");
					callArguments.forEach(inference::infer);
					return Type.Error.INSTANCE;
				}
				return applySignature(access, fn, callArguments, "'" + member + "'");
			}
		}
		if (receiverType instanceof Type.Named named && named.declaration() instanceof ActorDecl actor) {
			FunctionDecl method = actor.getMethods().stream().filter(m -> member.equals(m.getName())).findFirst()
					.orElse(null);
			if (method != null) {
				List<Expression> messageArguments = arguments.subList(1, arguments.size());
				inference.typing.calls.put(access, new CallTarget.ActorMessage(receiver, method, List.copyOf(messageArguments)));
				Type result = applySignature(access, inference.signature(method), messageArguments, "'" + member + "'");
				return Types.builtin(Types.TASK, result);
			}
			if (member.equals(CallTarget.ActorStop.MEMBER)) {
				inference.typing.calls.put(access, new CallTarget.ActorStop(receiver));
				expectNoArguments(access, arguments, "'stop'");
				return Types.builtin(Types.VOID);
			}
			if (methodFunction(access, receiverType, member) == null) {
				inference.issue(access, QuartzPackage.Literals.MEMBER_ACCESS__MEMBER, UNKNOWN_MEMBER,
						"actor '" + actor.getName() + "' has no method '" + member + "'");
				arguments.subList(1, arguments.size()).forEach(inference::infer);
				return Type.Error.INSTANCE;
			}
		}
		Type traitCall = inferTraitMethodCall(access, receiverType, member, arguments);
		if (traitCall != null) {
			return traitCall;
		}
		FunctionDecl function = methodFunction(access, receiverType, member);
		if (function == null) {
			inference.issue(access, QuartzPackage.Literals.MEMBER_ACCESS__MEMBER, UNKNOWN_MEMBER,
					receiverType + " has no field or method '" + member + "'");
			arguments.subList(1, arguments.size()).forEach(inference::infer);
			return Type.Error.INSTANCE;
		}
		inference.typing.calls.put(access, new CallTarget.Function(function, List.copyOf(arguments)));
		return inferFunctionCall(access, function, arguments);
	}

	/**
	 * `x.m(a)` where m is a trait's method: on a type parameter, a method of one of its bounds'
	 * traits; on another type, the method of an impl for it (a call of that function), or one of
	 * eq, cmp, hash of a prelude trait the type has without an impl. Null when m is none of these.
	 */
	private Type inferTraitMethodCall(MemberAccess access, Type receiverType, String member, List<Expression> arguments) {
		if (receiverType instanceof Type.Parameter parameter) {
			for (TraitDecl trait : parameter.declaration().getBounds()) {
				FunctionDecl method = trait.eIsProxy() ? null : Traits.method(trait, member);
				if (method != null) {
					return inferTraitMethod(access, method, receiverType, arguments);
				}
			}
			return null;
		}
		if (!(receiverType instanceof Type.Named named)) {
			return null;
		}
		FunctionDecl implMethod = Traits.implMethod(inference.traitLookup.apply(access), named, member);
		if (implMethod != null) {
			inference.typing.calls.put(access, new CallTarget.Function(implMethod, List.copyOf(arguments)));
			return inferFunctionCall(access, implMethod, arguments);
		}
		String builtinTrait = BUILTIN_TRAIT_METHODS.get(member);
		if (builtinTrait != null) {
			TraitDecl trait = Traits.builtin(access, builtinTrait);
			FunctionDecl method = trait == null ? null : Traits.method(trait, member);
			if (method != null && inference.bounds.implementsTrait(named, trait)) {
				return inferTraitMethod(access, method, receiverType, arguments);
			}
		}
		return null;
	}

	private Type inferTraitMethod(MemberAccess access, FunctionDecl method, Type receiverType, List<Expression> arguments) {
		inference.typing.calls.put(access, new CallTarget.TraitMethod(method, List.copyOf(arguments)));
		return applySignature(access, inference.traitMethodSignature(method, receiverType), arguments,
				"'" + method.getName() + "'");
	}

	/** `Counter.new()` and `c.stop()` take no arguments (the receiver is {@code arguments}' first). */
	private void expectNoArguments(MemberAccess access, List<Expression> arguments, String what) {
		List<Expression> given = arguments.subList(1, arguments.size());
		if (!given.isEmpty()) {
			inference.issue(access, null, WRONG_ARGUMENT_COUNT,
					what + " takes 0 argument(s), but " + given.size() + " were given");
			given.forEach(inference::infer);
		}
	}

	/** `x.f(a)` is `prefix_f(x, a)` for built-in types (vec_, str_, ...), else `f(x, a)`. */
	private FunctionDecl methodFunction(EObject context, Type receiverType, String member) {
		if (receiverType instanceof Type.Named named && named.builtin()) {
			String prefix = METHOD_PREFIXES.get(named.name());
			if (prefix != null) {
				FunctionDecl prefixed = inference.functionLookup.apply(context, prefix + member);
				if (prefixed != null) {
					return prefixed;
				}
			}
		}
		return inference.functionLookup.apply(context, member);
	}
}
