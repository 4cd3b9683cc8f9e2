package org.quartz.lang.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.quartz.lang.controlflow.ControlFlow;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.*;
import org.quartz.lang.quartz.util.QuartzSwitch;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.LocalBindings;
import org.quartz.lang.scoping.PatternNames;

/**
 * Local type inference over one unit (see {@link Typing}): Hindley–Milner style unification
 * without generalisation. Declarations are annotated (parameters, fields, results), so
 * inference never crosses a function boundary; inside a body, bindings, `[]`, `vec_new()`,
 * `map_new()` and lambda parameters get their types from later use. Built-in generic
 * signatures from the prelude are instantiated with fresh variables at each use.
 *
 * Calls and member accesses are typed by {@link CallInference}.
 *
 * Walks in source order; each expression's type is recorded in the {@link Typing}. Errors are
 * collected as {@link TypeIssue}s; a wrong subexpression gets {@link Type.Error}, which unifies
 * with anything, so one mistake is reported once. Only type errors: where a construct may
 * appear (a built-in or a variant with fields as a value, a command call's callee, `main`,
 * `return` outside a function, a variant pattern's arity) is checked by the validators, and
 * inference meeting one reports nothing: such a name gets the Error type, such a pattern is not
 * looked into.
 */
final class TypeInference extends QuartzSwitch<Type> {

	final Typing typing = new Typing();
	final Unifier unifier = new Unifier();
	private final CallInference calls = new CallInference(this);
	final TraitBounds bounds = new TraitBounds(this);
	/** The traits visible from a position, in scope order (for `x.method` through an impl). */
	final Function<EObject, List<TraitDecl>> traitLookup;
	/** Which types compare and print through their components (automatic Eq and Show). */
	final StructuralTraits traits = new StructuralTraits(this);
	/** Finds a function by name as seen from a position (module functions, imports, prelude). */
	final BiFunction<EObject, String, FunctionDecl> functionLookup;
	/** The type of a constant or a global (typed as units of their own). */
	private final Function<NamedElement, Type> constantTypes;
	/** What `return` and `?` leave: a lambda, or null for a function or script, with its result type. */
	private record Enclosing(Lambda lambda, Type result) {
	}

	/** The innermost enclosing function, lambda or script last; empty in a constant's, a global's or an actor field's value. */
	private final List<Enclosing> enclosing = new ArrayList<>();
	/** The `?` that decided a lambda's result type (it had none yet), for the diagnostic when its value is of another type. */
	private final Map<Lambda, TryExpression> resultsFromTry = new HashMap<>();
	/** If/match/select expressions whose branches have different types, with those types. */
	private final Map<EObject, String> mismatchedBranches = new HashMap<>();
	/** Checks that can only run once all variables are bound (to_s arguments, map keys...). */
	final List<Runnable> deferredChecks = new ArrayList<>();
	/** Whether each use of a user's generic declaration got its type arguments: after the deferred checks, which bind some. */
	private final List<Runnable> inferredArguments = new ArrayList<>();
	/** Element and code of each issue, so one mistake is reported once (a list scan would be quadratic). */
	private final Set<List<Object>> reported = new HashSet<>();

	TypeInference(BiFunction<EObject, String, FunctionDecl> functionLookup,
			Function<NamedElement, Type> constantTypes, Function<EObject, List<TraitDecl>> traitLookup) {
		this.functionLookup = functionLookup;
		this.traitLookup = traitLookup;
		this.constantTypes = constantTypes;
	}

	// ------------------------------------------------------------------ units

	Typing inferFunction(FunctionDecl function) {
		for (Param param : function.getParams()) {
			record(param, parameterType(function, param, Map.of()));
		}
		if (function.eContainer() instanceof ActorDecl actor) {
			for (ActorField field : actor.getFields()) {
				record(field, typeOf(field.getType(), Map.of()));
			}
		}
		Type result = resultOf(function);
		enclosing.add(new Enclosing(null, result));
		if (function.getExpression() != null) {
			Type value = infer(function.getExpression());
			if (!Types.is(result, Types.VOID)) {
				expect(result, value, function.getExpression(), null);
			}
		} else if (function.getBody() != null) {
			Type value = inferBlock(function.getBody());
			Statement last = ControlFlow.lastStatement(function.getBody());
			// A body ending without a value (an `if` without `else`...) is a missing return (QZ0401).
			if (!Types.is(result, Types.VOID) && !Types.is(value, Types.VOID) && last instanceof Expression expression) {
				expect(result, value, expression, null);
			}
		}
		return finish();
	}

	Typing inferConstant(ConstDecl constant) {
		Type value = infer(constant.getValue());
		if (constant.getType() != null) {
			expect(typeOf(constant.getType(), Map.of()), value, constant.getValue(), null);
		}
		record(constant, value);
		return finish();
	}

	Typing inferActorField(ActorField field) {
		Type declared = typeOf(field.getType(), Map.of());
		record(field, declared);
		if (field.getValue() != null) {
			expect(declared, infer(field.getValue()), field.getValue(), null);
		}
		return finish();
	}

	/** A script: the module's top-level statements, run in order as main. */
	Typing inferScript(org.quartz.lang.quartz.Module module) {
		enclosing.add(new Enclosing(null, Types.builtin(Types.VOID)));
		for (TopLevel element : module.getElements()) {
			if (element instanceof Statement statement && Globals.isScriptStatement(element)) {
				inferStatement(statement);
			}
		}
		return finish();
	}

	/** A module-level `var`: its initialiser, against its annotation when it has one. */
	Typing inferGlobal(VarDecl global) {
		inferBinding(global, global.getType(), global.getValue());
		return finish();
	}

	/** The result type `return` and `?` give a value of; null where no function, lambda or script encloses them. */
	private Type enclosingResult() {
		return enclosing.isEmpty() ? null : enclosing.get(enclosing.size() - 1).result();
	}

	private Typing finish() {
		deferredChecks.forEach(Runnable::run);
		inferredArguments.forEach(Runnable::run);
		return typing;
	}

	// ------------------------------------------------------------------ declarations' types

	/** The declared result type of a function (Void when omitted). */
	Type resultOf(FunctionDecl function) {
		return function.getReturnType() == null ? Types.builtin(Types.VOID) : typeOf(function.getReturnType(), Map.of());
	}

	/** A name bound in several alternatives of `a | b` has one type: the first alternative's. */
	private void sameTypesInAlternatives(AlternativePattern alternatives) {
		Map<String, BindingPattern> first = new HashMap<>();
		for (BindingPattern binding : PatternNames.bindingsOf(alternatives.getAlternatives().get(0))) {
			first.putIfAbsent(binding.getName(), binding);
		}
		for (Pattern alternative : alternatives.getAlternatives().subList(1, alternatives.getAlternatives().size())) {
			for (BindingPattern binding : PatternNames.bindingsOf(alternative)) {
				BindingPattern same = first.get(binding.getName());
				Type expected = same == null ? null : typing.types.get(same);
				Type actual = typing.types.get(binding);
				if (expected != null && actual != null && same != binding) {
					expect(expected, actual, binding, null);
				}
			}
		}
	}

	/** Aliases being expanded by typeOf, to stop at a cycle. */
	private final Set<TypeAlias> expandingAliases = new HashSet<>();

	/** The type a type reference denotes, with type parameters replaced per {@code parameters}. */
	Type typeOf(TypeRef ref, Map<TypeParam, Type> parameters) {
		if (ref instanceof FnTypeRef fn) {
			List<Type> params = new ArrayList<>();
			fn.getParamTypes().forEach(p -> params.add(typeOf(p, parameters)));
			Type result = fn.getReturnType() == null ? Types.builtin(Types.VOID) : typeOf(fn.getReturnType(), parameters);
			return new Type.Fn(params, result);
		}
		if (!(ref instanceof NamedTypeRef named) || named.getType() == null || named.getType().eIsProxy()) {
			return Type.Error.INSTANCE;
		}
		NamedElement declaration = named.getType();
		List<Type> arguments = new ArrayList<>();
		named.getArgs().forEach(a -> arguments.add(typeOf(a, parameters)));
		int expected = declaration instanceof TypeParams generic ? generic.getTypeParams().size() : 0;
		if (expected != arguments.size()) {
			issue(ref, null, WRONG_TYPE_ARGUMENTS,
					"'" + declaration.getName() + "' takes " + expected + " type argument(s), not " + arguments.size());
			return Type.Error.INSTANCE;
		}
		if (declaration instanceof TraitDecl trait) {
			return typeOfSelf(trait, parameters);   // `Self` in the trait's signatures (scoping allows no other use)
		}
		if (declaration instanceof TypeParam param) {
			// Outside a use of its declaration (whose parameters map it), T is the rigid parameter.
			Type argument = parameters.get(param);
			return argument != null ? argument : new Type.Parameter(param);
		}
		if (declaration instanceof TypeAlias alias && alias.getType() != null) {
			if (!expandingAliases.add(alias)) {
				return Type.Error.INSTANCE;   // a cycle of aliases: reported by DeclarationValidator
			}
			try {
				return typeOf(alias.getType(), bind(alias, arguments));
			} finally {
				expandingAliases.remove(alias);
			}
		}
		if (declaration instanceof TypeAlias || declaration instanceof StructDecl || declaration instanceof EnumDecl
				|| declaration instanceof ActorDecl) {
			return Types.nominal(declaration, arguments);
		}
		return Type.Error.INSTANCE;
	}

	/** Fresh variables for a generic declaration's type parameters. */
	private Map<TypeParam, Type> instantiate(TypeParams generic) {
		Map<TypeParam, Type> fresh = new HashMap<>();
		generic.getTypeParams().forEach(p -> fresh.put(p, unifier.fresh()));
		return fresh;
	}

	/**
	 * A generic declaration's type parameters for one use: the type arguments written there
	 * ({@code vec_new<Int>()}, {@code Pair<Int, String> { ... }}) when their number is right (a
	 * wrong number is NameValidator's), else fresh variables. A use of a user's generic
	 * declaration that writes none and whose variables are still unbound at the end of the unit
	 * is QZ0304 at {@code at}.
	 */
	Map<TypeParam, Type> instantiate(TypeParams generic, List<TypeRef> written, EObject at) {
		Map<TypeParam, Type> parameters;
		if (!written.isEmpty() && written.size() == generic.getTypeParams().size()) {
			List<Type> arguments = new ArrayList<>();
			written.forEach(ref -> arguments.add(typeOf(ref, Map.of())));
			parameters = bind(generic, arguments);
		} else {
			parameters = instantiate(generic);
			expectInferred(generic, written, at, parameters);
		}
		if (generic instanceof FunctionDecl function && at != null && !generic.getTypeParams().isEmpty()) {
			typing.typeArguments.put(at, parameters);
			inferredArguments.add(() -> bounds.check(function, parameters, at));
		}
		return parameters;
	}

	/** Reports QZ0304 at the end of the unit if a use of a user's generic declaration left a type parameter unknown. */
	private void expectInferred(TypeParams generic, List<TypeRef> written, EObject at, Map<TypeParam, Type> parameters) {
		if (written.isEmpty() && !generic.getTypeParams().isEmpty() && at != null && !Prelude.isPrelude(generic.eResource())) {
			inferredArguments.add(() -> {
				if (!typing.issues.isEmpty()) {
					return;   // an error elsewhere in the unit may be why (an Error argument binds nothing)
				}
				for (TypeParam param : generic.getTypeParams()) {
					if (!Types.isComplete(parameters.get(param))) {
						String name = ((NamedElement) generic).getName();
						issue(at, null, CANNOT_INFER, "cannot infer " + param.getName() + " of '" + name
								+ "'; annotate the value or write the type arguments: " + name + "<"
								+ generic.getTypeParams().stream().map(TypeParam::getName).collect(Collectors.joining(", "))
								+ ">");
						return;
					}
				}
			});
		}
	}

	/** A generic declaration's type parameters bound to {@code arguments} (Error for each when their number differs). */
	private static Map<TypeParam, Type> bind(TypeParams generic, List<Type> arguments) {
		Map<TypeParam, Type> bound = new HashMap<>();
		List<TypeParam> params = generic.getTypeParams();
		for (int i = 0; i < params.size(); i++) {
			bound.put(params.get(i), params.size() == arguments.size() ? arguments.get(i) : Type.Error.INSTANCE);
		}
		return bound;
	}

	/** The type of a struct's field in a value of type {@code struct} (its type arguments replace the struct's parameters). */
	Type fieldType(Field field, Type.Named struct) {
		return typeOf(field.getType(), bind((StructDecl) field.eContainer(), struct.arguments()));
	}

	Type.Fn signature(FunctionDecl function) {
		return signature(function, instantiate(function));
	}

	/** A function's type with its type parameters replaced per {@code parameters}. */
	Type.Fn signature(FunctionDecl function, Map<TypeParam, Type> parameters) {
		List<Type> params = new ArrayList<>();
		function.getParams().forEach(p -> params.add(parameterType(function, p, parameters)));
		Type result = function.getReturnType() == null ? Types.builtin(Types.VOID)
				: typeOf(function.getReturnType(), parameters);
		return new Type.Fn(params, result);
	}

	/**
	 * A parameter's type; `self`, the one parameter written without a type, is the type of the
	 * impl's target, or in a trait the trait's Self (mapped by {@code parameters} when the
	 * signature is instantiated for a receiver).
	 */
	Type parameterType(FunctionDecl function, Param param, Map<TypeParam, Type> parameters) {
		if (param.getType() != null) {
			return typeOf(param.getType(), parameters);
		}
		if (function.eContainer() instanceof ImplDecl impl && impl.getType() != null) {
			return typeOf(impl.getType(), Map.of());
		}
		if (function.eContainer() instanceof TraitDecl trait) {
			return typeOfSelf(trait, parameters);
		}
		return Type.Error.INSTANCE;   // DeclarationValidator reports the missing type
	}

	private static Type typeOfSelf(TraitDecl trait, Map<TypeParam, Type> parameters) {
		TypeParam self = Traits.selfParameter(trait);
		Type type = parameters.get(self);
		return type != null ? type : new Type.Parameter(self);
	}

	/** A trait method's signature for a receiver of type {@code self}. */
	Type.Fn traitMethodSignature(FunctionDecl method, Type self) {
		return signature(method, Map.of(Traits.selfParameter((TraitDecl) method.eContainer()), self));
	}

	/** A variant's constructor: its fields to its enum, with the enum's parameters fresh. */
	Type.Fn constructor(Variant variant) {
		return constructor(variant, instantiate((EnumDecl) variant.eContainer()));
	}

	/** A variant's constructor with its enum's type parameters replaced per {@code parameters}. */
	Type.Fn constructor(Variant variant, Map<TypeParam, Type> parameters) {
		EnumDecl enumDecl = (EnumDecl) variant.eContainer();
		List<Type> fields = new ArrayList<>();
		variant.getFields().forEach(f -> fields.add(typeOf(f.getType(), parameters)));
		List<Type> arguments = new ArrayList<>();
		enumDecl.getTypeParams().forEach(p -> arguments.add(parameters.get(p)));
		return new Type.Fn(fields, Types.of(enumDecl, arguments));
	}

	// ------------------------------------------------------------------ statements

	/** Types a block's statements; its value is the last statement's, when that is an expression. */
	Type inferBlock(Block block) {
		Type value = Types.builtin(Types.VOID);
		for (Statement statement : block.getStatements()) {
			value = inferStatement(statement);
		}
		// A block that never completes (return, break, panic...) fits a branch of any type.
		return ControlFlow.neverCompletes(ControlFlow.lastStatement(block)) ? unifier.fresh() : value;
	}

	/** Types a statement; returns its value type (Void for all but expression statements). */
	Type inferStatement(Statement statement) {
		Type voidType = Types.builtin(Types.VOID);
		if (statement instanceof Assignment assignment) {
			inferAssignment(assignment);
		} else if (statement instanceof Expression expression) {
			return infer(expression);
		} else if (statement instanceof LetDecl let) {
			inferBinding(let, let.getType(), let.getValue());
		} else if (statement instanceof VarDecl var) {
			inferBinding(var, var.getType(), var.getValue());
		} else if (statement instanceof WhileStmt loop) {
			expectCondition(loop.getCondition());
			inferBlock(loop.getBody());
		} else if (statement instanceof ForStmt loop) {
			record(loop.getVariable(), elementType(loop.getIterable()));
			inferBlock(loop.getBody());
		} else if (statement instanceof LoopStmt loop) {
			inferBlock(loop.getBody());
		} else if (statement instanceof ReturnStmt ret) {
			Type result = enclosingResult();
			if (result == null) {
				infer(ret.getValue());   // no function to return from: ControlFlowValidator reports it
			} else if (ret.getValue() != null) {
				Type value = infer(ret.getValue());
				if (Types.is(result, Types.VOID)) {
					issue(ret.getValue(), null, RETURN_TYPE_MISMATCH, "this function returns nothing (Void)");
				} else {
					expect(result, value, ret.getValue(), null);
				}
			} else if (!Types.is(result, Types.VOID) && !Types.isUnknown(result)) {
				issue(ret, null, RETURN_TYPE_MISMATCH, "return needs a value of type " + result);
			}
		} else if (statement instanceof DeferStmt defer) {
			infer(defer.getAction());
		} else if (statement instanceof CommandCall command) {
			List<Expression> arguments = new ArrayList<>();
			arguments.add(command.getArgument());
			if (command.getBlock() != null) {
				arguments.add(command.getBlock());
			}
			return calls.inferNamedCall(command, command.getCallee(), arguments);
		}
		return voidType;
	}

	private void inferBinding(NamedElement binding, TypeRef annotation, Expression value) {
		// An annotated lambda gets its parameter and result types from the annotation, as an argument does.
		Type valueType = value == null ? Type.Error.INSTANCE
				: value instanceof Lambda lambda && annotation != null ? inferLambda(lambda, typeOf(annotation, Map.of()))
				: infer(value);
		if (binding instanceof LetDecl let && annotation == null) {
			NamedElement assigned = LocalBindings.assignedBinding(let);
			if (assigned != null) {
				Type target = Globals.isGlobal(assigned) ? constantTypes.apply(assigned)
						: typing.types.getOrDefault(assigned, Type.Error.INSTANCE);
				expect(target, valueType, value, null);
				return;
			}
		}
		if (annotation != null) {
			Type declared = typeOf(annotation, Map.of());
			expect(declared, valueType, value, null);
			valueType = declared;
		} else if (Types.is(valueType, Types.VOID)) {
			String branches = mismatchedBranches.get(value);
			issue(value, null, branches != null ? TYPE_MISMATCH : VOID_VALUE, branches != null
					? "the branches have different types (" + branches + "), so there is no value to bind"
					: "this expression has no value (Void) to bind");
			valueType = Type.Error.INSTANCE;
		}
		record(binding, valueType);
	}

	private void inferAssignment(Assignment assignment) {
		Type target = infer(assignment.getTarget());
		Type value = infer(assignment.getValue());
		switch (assignment.getOp()) {
			case "=" -> expect(target, value, assignment.getValue(), null);
			case "+=" -> {
				if (Types.is(target, Types.STRING)) {
					expect(target, value, assignment.getValue(), null);
				} else {
					arithmetic(target, assignment.getTarget(), value, assignment.getValue(), "+=");
				}
			}
			default -> arithmetic(target, assignment.getTarget(), value, assignment.getValue(), assignment.getOp());
		}
	}

	/** The element type `for x in e` binds: Int for a range, T for Vec<T> and Channel<T>, K for Map<K, V>. */
	private Type elementType(Expression iterable) {
		Type type = Types.resolve(infer(iterable));
		if (type instanceof Type.Named named && named.builtin()) {
			switch (named.name()) {
				case Types.RANGE:
					return Types.builtin(Types.INT);
				case Types.VEC:
				case Types.CHANNEL:
				case Types.MAP:
					return named.arguments().get(0);
				default:
			}
		}
		if (type == Type.Error.INSTANCE) {
			return type;
		}
		if (type instanceof Type.Var) {
			issue(iterable, null, CANNOT_INFER, "cannot infer what this iterates over; add a type annotation");
		} else {
			issue(iterable, null, NOT_ITERABLE, "cannot iterate over " + type + " (a range, Vec, Map or Channel)");
		}
		return Type.Error.INSTANCE;
	}

	// ------------------------------------------------------------------ expressions

	Type infer(Expression expression) {
		if (expression == null) {
			return Type.Error.INSTANCE;
		}
		typing.inferenceSteps++;
		Type type = doSwitch(expression);
		if (type == null) {
			type = Type.Error.INSTANCE;
		}
		record(expression, type);
		return type;
	}

	@Override
	public Type caseIntLiteral(IntLiteral literal) {
		return Types.builtin(Types.INT);
	}

	@Override
	public Type caseFloatLiteral(FloatLiteral literal) {
		return Types.builtin(Types.FLOAT);
	}

	@Override
	public Type caseBoolLiteral(BoolLiteral literal) {
		return Types.builtin(Types.BOOL);
	}

	@Override
	public Type caseNilLiteral(NilLiteral literal) {
		Type type = unifier.fresh();
		deferredChecks.add(() -> {
			Type t = Types.resolve(type);
			boolean hasZero = t instanceof Type.Var || t == Type.Error.INSTANCE || Types.is(t, Types.INT)
					|| Types.is(t, Types.BOOL) || Types.is(t, Types.STRING) || Types.is(t, Types.OPTION);
			if (!hasZero) {
				issue(literal, null, TYPE_MISMATCH, "nil is not a value of type " + Types.deepResolve(t)
						+ " (nil is the zero value of Int, Bool, String and Option)");
			}
		});
		return type;
	}

	/** Whether a name is the callee of a call (where a built-in may appear). */
	private static boolean isCallee(EObject name) {
		return name.eContainer() instanceof Call call && call.getCallee() == name;
	}

	@Override
	public Type caseStringLiteral(StringLiteral literal) {
		return Types.builtin(Types.STRING);
	}

	@Override
	public Type caseInterpolatedString(InterpolatedString string) {
		for (Expression part : string.getExpressions()) {
			Type type = infer(part);
			deferredChecks.add(() -> expectPrintable(type, part));
		}
		return Types.builtin(Types.STRING);
	}

	/** Interpolation and to_s take every type that is Show (StructuralTraits). */
	void expectPrintable(Type type, EObject at) {
		traits.expectShow(type, at);
	}

	@Override
	public Type caseVecLiteral(VecLiteral literal) {
		Type element = unifier.fresh();
		for (Expression e : literal.getElements()) {
			expect(element, infer(e), e, null);
		}
		return Types.builtin(Types.VEC, element);
	}

	@Override
	public Type caseParenthesizedExpression(ParenthesizedExpression expression) {
		return infer(expression.getExpression());
	}

	@Override
	public Type caseUnaryExpression(UnaryExpression expression) {
		Type operand = infer(expression.getOperand());
		switch (expression.getOp()) {
			case "-" -> {
				if (Types.is(operand, Types.FLOAT)) {
					return Types.builtin(Types.FLOAT);
				}
				if (notNumber(operand, expression.getOperand(), "-")) {
					return Type.Error.INSTANCE;
				}
				expectInt(operand, expression.getOperand());
				return Types.builtin(Types.INT);
			}
			case "~" -> {
				expectInt(operand, expression.getOperand());
				return Types.builtin(Types.INT);
			}
			default -> {
				expectBool(operand, expression.getOperand());
				return Types.builtin(Types.BOOL);
			}
		}
	}

	@Override
	public Type caseBinaryExpression(BinaryExpression expression) {
		Type left = infer(expression.getLeft());
		Type right = infer(expression.getRight());
		switch (expression.getOp()) {
			case "and", "or", "&&", "||" -> {
				expectBool(left, expression.getLeft());
				expectBool(right, expression.getRight());
				return Types.builtin(Types.BOOL);
			}
			case "==", "!=" -> {
				if (!mixesIntAndFloat(left, expression.getLeft(), right, expression.getRight(), expression.getOp())) {
					expect(left, right, expression.getRight(), null);
					deferredChecks.add(() -> traits.expectEq(left, expression, OPERATOR_TYPE, expression.getOp()));
				}
				return Types.builtin(Types.BOOL);
			}
			case "<", "<=", ">", ">=" -> {
				if (mixesIntAndFloat(left, expression.getLeft(), right, expression.getRight(), expression.getOp())) {
					return Types.builtin(Types.BOOL);
				}
				expect(left, right, expression.getRight(), null);
				deferredChecks.add(() -> {
					Type t = Types.resolve(left);
					if (needsBound(t, expression, OPERATOR_TYPE, "'" + expression.getOp() + "' needs %s to be ordered", "Ord")) {
						return;
					}
					if (t instanceof Type.Var) {
						unifier.unify(t, Types.builtin(Types.INT));
					} else if (!Types.is(t, Types.INT) && !Types.is(t, Types.FLOAT) && !Types.is(t, Types.STRING)
							&& t != Type.Error.INSTANCE && !bounds.implementsBuiltin(t, expression, Traits.ORD)) {
						issue(expression, null, OPERATOR_TYPE, "'" + expression.getOp() + "' compares Int, Float, String or a type"
								+ " with an impl of Ord, not " + Types.deepResolve(t));
					}
				});
				return Types.builtin(Types.BOOL);
			}
			case "+" -> {
				if (Types.is(left, Types.STRING) || Types.is(right, Types.STRING)) {
					expect(Types.builtin(Types.STRING), left, expression.getLeft(), null);
					expect(Types.builtin(Types.STRING), right, expression.getRight(), null);
					return Types.builtin(Types.STRING);
				}
				return arithmetic(left, expression.getLeft(), right, expression.getRight(), "+");
			}
			case "-", "*", "/", "%" -> {
				return arithmetic(left, expression.getLeft(), right, expression.getRight(), expression.getOp());
			}
			default -> { // bit operators
				expectInt(left, expression.getLeft());
				expectInt(right, expression.getRight());
				return Types.builtin(Types.INT);
			}
		}
	}

	@Override
	public Type caseRangeLiteral(RangeLiteral range) {
		expectInt(infer(range.getFrom()), range.getFrom());
		expectInt(infer(range.getTo()), range.getTo());
		return Types.builtin(Types.RANGE);
	}

	@Override
	public Type caseNameRef(NameRef ref) {
		return typeOfReference(ref.getRef(), ref);
	}

	@Override
	public Type caseVariantLiteral(VariantLiteral literal) {
		return typeOfReference(literal.getVariant(), literal);
	}

	/** The type of a name used as a value. */
	Type typeOfReference(NamedElement target, EObject at) {
		if (target == null || target.eIsProxy()) {
			return Type.Error.INSTANCE;
		}
		if (target instanceof FunctionDecl function) {
			if (function.isExtern() && "builtin".equals(function.getAbi()) && !isCallee(at)) {
				return Type.Error.INSTANCE;   // a built-in is no value (NameValidator reports it)
			}
			return signature(function, instantiate(function, List.of(), at));
		}
		if (target instanceof Variant variant) {
			if (variant.getFields().isEmpty()) {
				List<TypeRef> written = at instanceof VariantLiteral literal ? literal.getTypeArguments() : List.of();
				return constructor(variant, instantiate((EnumDecl) variant.eContainer(), written, at)).result();
			}
			Type.Fn constructor = constructor(variant);
			if (!isCallee(at)) {
				// Constructors are not function values (code generation has none; NameValidator reports it).
				return Type.Error.INSTANCE;
			}
			return constructor;
		}
		if (target instanceof ConstDecl || Globals.isGlobal(target)) {
			return constantTypes.apply(target);
		}
		if (target instanceof StructDecl || target instanceof EnumDecl || target instanceof ActorDecl) {
			return new Type.Meta(target);
		}
		if (target instanceof BindingPattern pattern && PatternNames.isVariant(pattern)) {
			return constructor(PatternNames.variantOf(pattern)).result();
		}
		Type type = typing.types.get(target);
		if (type == null) {
			// A binding of another unit (scoping keeps these out) or one whose declaration failed.
			return Type.Error.INSTANCE;
		}
		return type;
	}

	@Override
	public Type caseCall(Call call) {
		return calls.inferCall(call);
	}

	@Override
	public Type caseMemberAccess(MemberAccess access) {
		return calls.inferMemberAccess(access);
	}

	@Override
	public Type caseIndexExpression(IndexExpression index) {
		Type target = Types.resolve(infer(index.getTarget()));
		Type key = infer(index.getIndex());
		if (target instanceof Type.Named named && named.isBuiltin(Types.VEC)) {
			expectInt(key, index.getIndex());
			return named.arguments().get(0);
		}
		if (target instanceof Type.Named named && named.isBuiltin(Types.MAP)) {
			expect(named.arguments().get(0), key, index.getIndex(), null);
			return named.arguments().get(1);
		}
		if (target instanceof Type.Var) {
			issue(index.getTarget(), null, CANNOT_INFER, "cannot infer the type of this value; add a type annotation");
		} else if (target != Type.Error.INSTANCE) {
			issue(index, null, TYPE_MISMATCH, "cannot index a value of type " + target + " (a Vec or Map)");
		}
		return Type.Error.INSTANCE;
	}

	@Override
	public Type caseTryExpression(TryExpression expression) {
		Type operand = Types.resolve(infer(expression.getOperand()));
		Enclosing owner = enclosing.isEmpty() ? null : enclosing.get(enclosing.size() - 1);
		Type result = owner == null ? null : Types.resolve(owner.result());
		if (operand instanceof Type.Named named && (named.isBuiltin(Types.OPTION) || named.isBuiltin(Types.RESULT))) {
			if (result == null) {
				return named.arguments().get(0);   // no function to return from: ControlFlowValidator reports it
			}
			if (result instanceof Type.Var) {
				// A lambda whose result is not known yet: `?` makes it an Option, or a Result with this error type.
				List<Type> arguments = named.isBuiltin(Types.OPTION) ? List.of(unifier.fresh())
						: List.of(unifier.fresh(), named.arguments().get(1));
				unifier.unify(result, new Type.Named(named.name(), named.declaration(), named.builtin(), arguments));
				result = Types.resolve(result);
				if (owner.lambda() != null) {
					resultsFromTry.putIfAbsent(owner.lambda(), expression);
				}
			}
			boolean sameKind = result instanceof Type.Named r && r.isBuiltin(named.name());
			if (!sameKind) {
				issue(expression, null, TRY_OUTSIDE_OPTION_OR_RESULT, "'?' on " + named.name() + " needs the "
						+ (owner.lambda() != null ? "lambda" : "function") + " to return " + named.name() + ", not "
						+ Types.deepResolve(result));
			} else if (named.isBuiltin(Types.RESULT)) {
				expect(((Type.Named) result).arguments().get(1), named.arguments().get(1), expression, null);
			}
			return named.arguments().get(0);
		}
		if (operand != Type.Error.INSTANCE) {
			issue(expression, null, TYPE_MISMATCH, "'?' needs an Option or Result, not " + operand);
		}
		return Type.Error.INSTANCE;
	}

	@Override
	public Type caseIfExpression(IfExpression expression) {
		expectCondition(expression.getCondition());
		List<Type> branches = new ArrayList<>();
		branches.add(inferBlock(expression.getThen()));
		for (ElsifClause elsif : expression.getElsifs()) {
			expectCondition(elsif.getCondition());
			branches.add(inferBlock(elsif.getThen()));
		}
		if (expression.getElse() == null) {
			return Types.builtin(Types.VOID);
		}
		branches.add(inferBlock(expression.getElse()));
		return join(expression, branches);
	}

	/** The common type of branches, or Void when they differ (the value is then unusable). */
	private Type join(Expression expression, List<Type> branches) {
		Type result = unifier.fresh();
		int mark = unifier.mark();
		for (Type branch : branches) {
			if (!unifier.unify(result, branch)) {
				unifier.rollback(mark);
				mismatchedBranches.put(expression, branches.stream().map(Types::deepResolve).distinct()
						.map(Object::toString).collect(Collectors.joining(", ")));
				return Types.builtin(Types.VOID);
			}
		}
		return result;
	}

	@Override
	public Type caseMatchExpression(MatchExpression match) {
		Type subject = infer(match.getSubject());
		List<Type> arms = new ArrayList<>();
		for (MatchArm arm : match.getArms()) {
			inferPattern(arm.getPattern(), subject);
			arms.add(inferBlock(arm.getBody()));
		}
		return join(match, arms);
	}

	private void inferPattern(Pattern pattern, Type subject) {
		if (pattern instanceof LiteralPattern literal) {
			expect(subject, infer(literal.getLiteral()), literal, null);
		} else if (pattern instanceof AlternativePattern alternatives) {
			alternatives.getAlternatives().forEach(p -> inferPattern(p, subject));
			sameTypesInAlternatives(alternatives);
		} else if (pattern instanceof BindingPattern binding) {
			Variant variant = PatternNames.variantOf(binding);
			ConstDecl constant = variant == null ? PatternNames.constantOf(binding) : null;
			if (variant != null) {
				expect(subject, constructor(variant).result(), binding, null);
			} else if (constant != null) {
				expect(subject, constantTypes.apply(constant), binding, null);
			} else {
				record(binding, subject);
			}
		} else if (pattern instanceof VariantPattern variantPattern) {
			Variant variant = variantPattern.getVariant();
			if (variant == null || variant.eIsProxy()) {
				return;
			}
			Type.Fn constructor = constructor(variant);
			if (!unifier.unify(subject, constructor.result())) {
				issue(pattern, null, PATTERN_TYPE, "variant '" + variant.getName() + "' of "
						+ constructor.result() + " cannot match a value of type " + Types.deepResolve(subject));
				return;
			}
			List<Pattern> arguments = variantPattern.getArguments();
			if (arguments.size() != constructor.parameters().size()) {
				return;   // PatternValidator reports the arity
			}
			for (int i = 0; i < arguments.size(); i++) {
				inferPattern(arguments.get(i), constructor.parameters().get(i));
			}
		}
	}

	@Override
	public Type caseSelectExpression(SelectExpression select) {
		List<Type> arms = new ArrayList<>();
		for (SelectArm arm : select.getArms()) {
			if (arm instanceof RecvArm recv) {
				Type element = infer(recv.getRecv());
				if (recv.getBinding() != null) {
					record(recv.getBinding(), element);
				}
			} else if (arm instanceof SendArm send) {
				infer(send.getSend());
			} else if (arm instanceof TimeoutArm timeout) {
				expectInt(infer(timeout.getMilliseconds()), timeout.getMilliseconds());
			}
			arms.add(inferBlock(arm.getBody()));
		}
		return join(select, arms);
	}

	@Override
	public Type caseSendExpression(SendExpression send) {
		Type element = channelElement(send.getChannel());
		expect(element, infer(send.getValue()), send.getValue(), null);
		return Types.builtin(Types.BOOL);
	}

	@Override
	public Type caseRecvExpression(RecvExpression recv) {
		return channelElement(recv.getChannel());
	}

	private Type channelElement(Expression channel) {
		Type element = unifier.fresh();
		expect(Types.builtin(Types.CHANNEL, element), infer(channel), channel, null);
		return element;
	}

	@Override
	public Type caseGoExpression(GoExpression go) {
		Type task = go.getTask() instanceof Lambda lambda ? inferLambda(lambda, null) : infer(go.getTask());
		if (go.getTask() instanceof Lambda) {
			Type.Fn fn = (Type.Fn) Types.resolve(task);
			return Types.builtin(Types.TASK, fn.result());
		}
		return Types.builtin(Types.TASK, task);
	}

	@Override
	public Type caseAwaitExpression(AwaitExpression await) {
		Type task = Types.resolve(infer(await.getTask()));
		if (task instanceof Type.Named named && named.isBuiltin(Types.TASK)) {
			return named.arguments().get(0);
		}
		if (task instanceof Type.Var) {
			Type result = unifier.fresh();
			unifier.unify(task, Types.builtin(Types.TASK, result));
			return result;
		}
		if (task != Type.Error.INSTANCE) {
			issue(await.getTask(), null, AWAIT_NON_TASK, "'await' needs a Task, not " + task);
		}
		return Type.Error.INSTANCE;
	}

	@Override
	public Type caseLambda(Lambda lambda) {
		return inferLambda(lambda, null);
	}

	/**
	 * Types a lambda; {@code expected}, when known (an argument position), gives its parameters
	 * their types before the body is inferred.
	 */
	Type inferLambda(Lambda lambda, Type expected) {
		List<Type> params = new ArrayList<>();
		Type.Fn expectedFn = Types.resolve(expected == null ? unifier.fresh() : expected) instanceof Type.Fn fn ? fn : null;
		for (int i = 0; i < lambda.getParams().size(); i++) {
			LambdaParam param = lambda.getParams().get(i);
			Type type = param.getType() != null ? typeOf(param.getType(), Map.of())
					: expectedFn != null && i < expectedFn.parameters().size() ? expectedFn.parameters().get(i)
							: unifier.fresh();
			record(param, type);
			params.add(type);
		}
		Type result = expectedFn != null && !Types.is(expectedFn.result(), Types.VOID) ? expectedFn.result()
				: unifier.fresh();
		enclosing.add(new Enclosing(lambda, result));
		Type value = inferBlock(lambda.getBody());
		enclosing.remove(enclosing.size() - 1);
		Statement last = ControlFlow.lastStatement(lambda.getBody());
		boolean hasValue = last instanceof Expression && !Types.is(value, Types.VOID);
		TryExpression fromTry = resultsFromTry.get(lambda);
		String tryKind = fromTry == null ? null : ((Type.Named) Types.resolve(result)).name();
		if (hasValue) {
			if (!unifier.tryUnify(result, value)) {
				if (fromTry != null) {
					issue(fromTry, null, TRY_OUTSIDE_OPTION_OR_RESULT, "'?' on " + tryKind + " needs the lambda to return "
							+ tryKind + ", but its value is " + Types.deepResolve(value));
				} else {
					expect(result, value, last, null);
				}
			}
		} else if (Types.isUnknown(result)) {
			unifier.unify(result, Types.builtin(Types.VOID));
		} else if (!Types.is(result, Types.VOID) && !ControlFlow.neverCompletes(last)) {
			issue(lambda, null, TYPE_MISMATCH, fromTry != null
					? "this lambda returns " + tryKind + " (from its '?'), so it must end with a value of that type"
					: "this lambda must give a value of type " + Types.deepResolve(result));
		}
		typing.lambdaResults.put(lambda, result);
		Type type = new Type.Fn(params, result);
		record(lambda, type);
		return type;
	}

	@Override
	public Type caseStructLiteral(StructLiteral literal) {
		StructDecl struct = literal.getStruct();
		boolean known = struct != null && !struct.eIsProxy();
		Map<TypeParam, Type> parameters = known ? instantiate(struct, literal.getTypeArguments(), literal) : Map.of();
		for (FieldInit init : literal.getFields()) {
			Type value = infer(init.getValue());
			if (known && init.getField() != null && !init.getField().eIsProxy()) {
				expect(typeOf(init.getField().getType(), parameters), value, init.getValue(), null);
			}
		}
		if (!known) {
			return Type.Error.INSTANCE;
		}
		for (Field field : struct.getFields()) {
			boolean given = literal.getFields().stream().anyMatch(init -> init.getField() == field);
			if (!given) {
				issue(literal, null, MISSING_FIELD, "missing field '" + field.getName() + "' of " + struct.getName());
			}
		}
		List<Type> arguments = new ArrayList<>();
		struct.getTypeParams().forEach(p -> arguments.add(parameters.get(p)));
		return Types.nominal(struct, arguments);
	}

	// ------------------------------------------------------------------ expectations

	private void expectCondition(Expression condition) {
		Type type = infer(condition);
		if (!unifier.unify(Types.builtin(Types.BOOL), type)) {
			issue(condition, null, CONDITION_NOT_BOOL, "a condition must be Bool, not " + Types.deepResolve(type));
		}
	}

	/**
	 * `+ - * / %` on two Ints or two Floats. A Float on one side makes an unknown other side a
	 * Float; an Int there is QZ0315.
	 */
	private Type arithmetic(Type left, EObject leftAt, Type right, EObject rightAt, String op) {
		if (notNumber(left, leftAt, op) | notNumber(right, rightAt, op)) {
			return Type.Error.INSTANCE;
		}
		if (mixesIntAndFloat(left, leftAt, right, rightAt, op)) {
			return Type.Error.INSTANCE;
		}
		if (Types.is(left, Types.FLOAT) || Types.is(right, Types.FLOAT)) {
			expectFloat(left, leftAt);
			expectFloat(right, rightAt);
			return Types.builtin(Types.FLOAT);
		}
		expectInt(left, leftAt);
		expectInt(right, rightAt);
		return Types.builtin(Types.INT);
	}

	/** Reports arithmetic on a type parameter (QZ0305): T could be any type, so `+` has no meaning for it. */
	private boolean notNumber(Type type, EObject at, String op) {
		Type.Parameter parameter = Types.parameter(type);
		if (parameter != null) {
			issue(at, null, OPERATOR_TYPE, "'" + op + "' needs Int or Float, not " + parameter + "; " + parameter
					+ " is a type parameter and could be any type");
		}
		return parameter != null;
	}

	/**
	 * Reports an operation that needs to know a type parameter's type at run time (comparing,
	 * printing, hashing): an unbounded T allows none. {@code need} holds a %s for T's name.
	 * Returns whether it reported.
	 */
	boolean needsBound(Type type, EObject at, String code, String need, String trait) {
		Type.Parameter parameter = Types.parameter(type);
		if (parameter != null && !bounds.hasBound(parameter, trait)) {
			reportMissingBound(parameter, at, code, need, trait);
		}
		return parameter != null;
	}

	/** Reports that an operation needs a bound {@code missing} on {@code parameter} (see {@link #needsBound}). */
	void reportMissingBound(Type.Parameter parameter, EObject at, String code, String need, String missing) {
		String name = parameter.toString();
		boolean bounded = !parameter.declaration().getBounds().isEmpty();
		issue(at, null, code, String.format(need, name) + "; " + name + (bounded ? " needs the bound " : " has no bound (add one: ")
				+ name + ": " + missing + (bounded ? "" : ")"));
	}

	/** Reports QZ0315 at the Int operand when one operand is an Int and the other a Float. */
	private boolean mixesIntAndFloat(Type left, EObject leftAt, Type right, EObject rightAt, String op) {
		boolean intLeft = Types.is(left, Types.INT) && Types.is(right, Types.FLOAT);
		boolean intRight = Types.is(left, Types.FLOAT) && Types.is(right, Types.INT);
		if (!intLeft && !intRight) {
			return false;
		}
		issue(intLeft ? leftAt : rightAt, null, MIXED_INT_AND_FLOAT, "'" + op + "' mixes an Int with a Float; convert the Int"
				+ " with to_f (`n.to_f`), or the Float with to_i");
		return true;
	}

	private void expectFloat(Type type, EObject at) {
		if (!unifier.unify(Types.builtin(Types.FLOAT), type)) {
			issue(at, null, OPERATOR_TYPE, "expected Float, found " + Types.deepResolve(type));
		}
	}

	private void expectInt(Type type, EObject at) {
		if (!unifier.unify(Types.builtin(Types.INT), type)) {
			issue(at, null, OPERATOR_TYPE, "expected Int, found " + Types.deepResolve(type));
		}
	}

	private void expectBool(Type type, EObject at) {
		if (!unifier.unify(Types.builtin(Types.BOOL), type)) {
			issue(at, null, OPERATOR_TYPE, "expected Bool, found " + Types.deepResolve(type));
		}
	}

	/** Unifies, reporting a mismatch at {@code at}. */
	void expect(Type expected, Type actual, EObject at, EStructuralFeature feature) {
		if (!unifier.unify(expected, actual)) {
			if (mismatchedBranches.containsKey(at)) {
				issue(at, feature, TYPE_MISMATCH, "expected " + Types.deepResolve(expected)
						+ ", but the branches have different types (" + mismatchedBranches.get(at) + ")");
				return;
			}
			issue(at, feature, TYPE_MISMATCH,
					"expected " + Types.deepResolve(expected) + ", found " + Types.deepResolve(actual));
		}
	}

	void record(EObject element, Type type) {
		if (element != null) {
			typing.types.put(element, type);
		}
	}

	void issue(EObject at, EStructuralFeature feature, String code, String message) {
		if (at != null && reported.add(List.of(at, code))) {
			typing.issues.add(new TypeIssue(at, feature, code, message));
		}
	}
}
