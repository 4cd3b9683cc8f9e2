package org.quartz.codegen.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.quartz.codegen.LoweringError;
import org.quartz.codegen.RuntimeAbi;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.ir.IrVerifier;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Import;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.TopLevel;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.QuartzImportUriResolver;
import org.quartz.lang.typing.ConstantValues;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;
import org.quartz.lang.typing.TypeChecker;

/**
 * Lowers the whole program from the checked model to an {@link IrModule}, running the passes in
 * order:
 * <ol>
 * <li>the model to IR: one IrFunction per function (main module first, then imports in the
 * order they are first imported; declarations in source order), each lambda, each function
 * used as a value and each prelude function with a body that is called, started or used as a
 * value (only those) right after the function that first needs it, and {@code quartz_main}, the
 * entry point (FunctionLowering and its helpers; waits are {@link Instr.Wait}, task creation
 * {@link Instr.NewTask});</li>
 * <li>{@link FindWaitingFunctions}: which functions may wait;</li>
 * <li>{@link ResolveTaskCreation}: each task creation to the body's task form or to a task
 * that calls it to completion;</li>
 * <li>{@link BuildAsyncStateMachine}: the task form of every function that needs one.</li>
 * </ol>
 * Input: the main module, with every module it imports loaded and free of errors. Names come
 * from source names only, so the same program always lowers to the same IR.
 */
public final class ProgramLowering {

	/** A function still to lower: lambdas and function values are discovered while lowering. */
	private interface PendingFunction {
		void lower();
	}

	/** Suffix of the function that creates a (not yet started) task of a body's task form. */
	static final String NEW_TASK = ".new_task";
	/** Suffix of the function that creates a frame of a body's task form, for a call from a task. */
	static final String NEW_FRAME = ".new_frame";

	private final TypeChecker types;
	private final QuartzImportUriResolver imports;
	private final boolean verify;
	/** The synchronous form of each function and lambda, by its declaration. */
	private final Map<EObject, IrFunction> syncForms = new LinkedHashMap<>();
	private final IrModule module = new IrModule();
	private final SymbolNames names = new SymbolNames();
	private final Deque<PendingFunction> pending = new ArrayDeque<>();
	/** Function values by the symbol of the function (or instance) they call. */
	private final Map<String, Value> functionValues = new HashMap<>();
	private final Map<String, Integer> lambdaCounts = new HashMap<>();
	private final Set<String> taskFunctions = new HashSet<>();
	/** How deep a bounded function's type arguments may nest before it counts as instantiated without end. */
	private static final int MAX_INSTANCE_DEPTH = 32;
	/** The bounded functions' instances asked for so far, by symbol. */
	private final Set<String> instances = new HashSet<>();
	private final List<String> globalInitialisers = new ArrayList<>();
	private final ConstantValues constants = new ConstantValues();
	private final EqShowFunctions eqShow = new EqShowFunctions(this);

	/** @param verify run the {@link IrVerifier} after each pass (the tests do) */
	public ProgramLowering(TypeChecker types, QuartzImportUriResolver imports, boolean verify) {
		this.types = types;
		this.imports = imports;
		this.verify = verify;
	}

	/** A constant's compile-time value: a Long, Double, Boolean or String (validation made sure it has one). */
	Object constantValue(ConstDecl constant) {
		return constants.of(constant).value();
	}

	/** A constant's value as an IR value. */
	Value constant(ConstDecl constant) {
		Object value = constantValue(constant);
		if (value instanceof Long n) {
			return new Value.Imm(n);
		}
		if (value instanceof Double x) {
			return Value.ofFloat(x);
		}
		if (value instanceof Boolean b) {
			return b ? Value.ONE : Value.ZERO;
		}
		if (value instanceof String text) {
			return module.string(text);
		}
		throw new IllegalStateException("constant '" + constant.getName() + "' has no compile-time value");
	}

	public IrModule lower(Module main) {
		Map<Resource, Module> modules = collectModules(main);
		for (Module m : modules.values()) {
			for (TopLevel element : m.getElements()) {
				if (element instanceof FunctionDecl function && !function.isExtern() && !isBounded(function)) {
					lowerDeclared(function);
				} else if (element instanceof ImplDecl impl) {
					impl.getMethods().forEach(this::lowerDeclared);
				} else if (element instanceof ActorDecl actor) {
					lowerActor(actor);
				}
			}
		}
		lowerGlobalInitialisers(main);
		FunctionDecl mainFunction = main.getElements().stream()
				.filter(e -> e instanceof FunctionDecl f && "main".equals(f.getName()) && !f.isExtern())
				.map(FunctionDecl.class::cast).findFirst().orElse(null);
		if (mainFunction != null) {
			lowerNow(RuntimeAbi.ENTRY_POINT, 0, lowering -> lowering.lowerEntryCallingMain(mainFunction),
					new CaptureAnalysis(mainFunction));
		} else {
			lowerNow(RuntimeAbi.ENTRY_POINT, 0, lowering -> lowering.lowerScript(main), new CaptureAnalysis(main));
		}
		verify(IrVerifier.Stage.LOWERED);
		FindWaitingFunctions.Result waiting = FindWaitingFunctions.find(module);
		Set<String> started = ResolveTaskCreation.resolve(module, waiting, this);
		verify(IrVerifier.Stage.TASKS_RESOLVED);
		buildTaskForms(started, waiting);
		verify(IrVerifier.Stage.TASKS_RESOLVED);
		return module;
	}

	private void lowerDeclared(FunctionDecl function) {
		syncForms.put(function, lowerNow(names.function(function), function.getParams().size(),
				lowering -> lowering.lowerFunction(function), new CaptureAnalysis(function)));
	}

	/**
	 * Whether a function is compiled once per type arguments (monomorphised): it has a type
	 * parameter with a bound, whose trait methods its body calls (design/generics.md). Other
	 * generic functions have one erased body.
	 */
	static boolean isBounded(FunctionDecl function) {
		return function.getTypeParams().stream().anyMatch(p -> !p.getBounds().isEmpty());
	}

	/**
	 * The symbol of the function a call or function value uses: the declaration's, or for a
	 * bounded function the instance for its bounded parameters' types at this use,
	 * {@code module.f<Int, geo.Point>}, queued for lowering the first time it is asked for.
	 * {@code typeArguments} are the use's, already substituted by the caller's own instance.
	 */
	String functionSymbol(FunctionDecl function, Map<TypeParam, Type> typeArguments, EObject use) {
		if (!isBounded(function)) {
			return names.function(function);
		}
		Map<TypeParam, Type> substitution = new LinkedHashMap<>();
		List<String> key = new ArrayList<>();
		for (TypeParam param : function.getTypeParams()) {
			if (!param.getBounds().isEmpty()) {
				Type argument = typeArguments.get(param);
				if (argument == null) {
					throw new IllegalStateException("no type argument for " + param.getName() + " of " + function.getName());
				}
				if (Types.depth(argument) > MAX_INSTANCE_DEPTH) {
					// Bounded functions calling each other with ever larger type arguments (f<T> calls
					// g<Vec<T>>, which calls f): no finite set of instances, as rustc's recursion limit.
					throw new LoweringError(QuartzIssueCodes.INSTANTIATION_DEPTH, use, "'" + function.getName()
							+ "' is instantiated with type arguments nested " + MAX_INSTANCE_DEPTH
							+ " deep: bounded functions call each other with ever larger type arguments");
				}
				substitution.put(param, argument);
				key.add(names.type(argument));
			}
		}
		String name = names.function(function) + "<" + String.join(", ", key) + ">";
		if (instances.add(name)) {
			pending.addLast(() -> {
				IrFunction irFunction = new IrFunction(name, function.getParams().size());
				module.functions().add(irFunction);
				new FunctionLowering(this, irFunction, new CaptureAnalysis(function), new Instance(name, substitution))
						.lowerFunction(function);
			});
		}
		return name;
	}

	/**
	 * What a bounded function's body is lowered for: its symbol (which names its lambdas) and its
	 * bounded type parameters' types, by which every type in the body is substituted.
	 */
	record Instance(String symbol, Map<TypeParam, Type> substitution) {
		static final Instance NONE = new Instance(null, Map.of());
	}

	/** An actor's methods, its loop (whose task form is built with the others) and its `new`; see {@link ActorLowering}. */
	private void lowerActor(ActorDecl actor) {
		for (FunctionDecl method : actor.getMethods()) {
			syncForms.put(method, lowerNow(names.function(method), 1 + method.getParams().size(),
					lowering -> lowering.lowerActorMethod(actor, method), new CaptureAnalysis(method)));
		}
		syncForms.put(actor, lowerNow(ActorLowering.loopName(names, actor), 1, lowering -> lowering.actors().lowerLoop(actor),
				new CaptureAnalysis(actor)));
		lowerNow(ActorLowering.newName(names, actor), 0,
				lowering -> lowering.actors().lowerNew(actor), new CaptureAnalysis(actor));
	}

	/**
	 * Pass BuildAsyncStateMachine, for every function that may wait and runs as a task (started,
	 * a closure's frame constructor, or called from another task form): its task form
	 * ({@code <name>.async}), the function that creates its task ({@code <name>.new_task}, which
	 * takes the same parameters and returns the Task, not yet started) and the one that creates
	 * a frame of it for a call ({@code <name>.new_frame}). Built in the order first needed.
	 */
	private void buildTaskForms(Set<String> started, FindWaitingFunctions.Result waiting) {
		Map<String, IrFunction> byName = module.functionsByName();
		Deque<String> work = new ArrayDeque<>(started);
		Set<String> built = new HashSet<>();
		while (!work.isEmpty()) {
			String name = work.removeFirst();
			if (!built.add(name)) {
				continue;
			}
			IrFunction sync = byName.get(name);
			BuildAsyncStateMachine.Result async = BuildAsyncStateMachine.build(sync, name + ".async", waiting, module);
			module.functions().add(async.function());
			IrFunction start = new IrFunction(newTaskName(name), sync.parameterCount());
			module.functions().add(start);
			new FunctionLowering(this, start, null).tasks().lowerNewTask(async.function().name(), async.frameWords(),
					sync.parameterCount());
			IrFunction frame = new IrFunction(newFrameName(name), sync.parameterCount());
			module.functions().add(frame);
			new FunctionLowering(this, frame, null).tasks().lowerNewFrame(async.function().name(), async.frameWords(),
					sync.parameterCount());
			work.addAll(async.calledTaskForms());
		}
	}

	private void verify(IrVerifier.Stage stage) {
		if (verify) {
			IrVerifier.verify(module, stage);
		}
	}

	/** The function creating a task of {@code function}'s task form. */
	static String newTaskName(String function) {
		return function + NEW_TASK;
	}

	/** The function creating a frame of {@code function}'s task form (for qz_call_frame). */
	static String newFrameName(String function) {
		return function + NEW_FRAME;
	}

	/** The name of the lowered function of a declaration or lambda (lowered or queued). */
	String functionName(EObject body) {
		IrFunction function = syncForms.get(body);
		if (function == null) {
			throw new IllegalStateException("no lowered function for " + body);
		}
		return function.name();
	}

	/**
	 * For each module with globals, {@code <module>.globals}, which sets them; the entry point
	 * calls these first, imported modules before their importers (post-order of the imports).
	 */
	private void lowerGlobalInitialisers(Module main) {
		List<Module> order = new ArrayList<>();
		postOrder(main, new HashSet<>(), order);
		for (Module m : order) {
			if (!Globals.of(m).isEmpty()) {
				String name = names.moduleOf(m.eResource()) + ".globals";
				lowerNow(name, 0, lowering -> lowering.lowerGlobals(m), new CaptureAnalysis(m));
				globalInitialisers.add(name);
			}
		}
	}

	private void postOrder(Module m, Set<Resource> seen, List<Module> order) {
		if (!seen.add(m.eResource())) {
			return;
		}
		for (TopLevel element : m.getElements()) {
			if (element instanceof Import imp) {
				Resource resource = m.eResource().getResourceSet()
						.getResource(URI.createURI(imports.resolve((EObject) imp)), true);
				postOrder((Module) resource.getContents().get(0), seen, order);
			}
		}
		order.add(m);
	}

	/** Calls the global initialisers (at the start of the entry point). */
	void initialiseGlobals(IrBuilder b) {
		globalInitialisers.forEach(name -> b.call(name, List.of()));
	}

	/** The word holding a global: {@code global.<module>.<name>}. */
	Value global(VarDecl global) {
		return module.variable("global." + names.moduleOf(global.eResource()) + "." + global.getName());
	}

	/** The main module, then what it imports, depth first, each once, named after its path. */
	private Map<Resource, Module> collectModules(Module main) {
		Map<Resource, Module> modules = new LinkedHashMap<>();
		String mainName = main.eResource().getURI().trimFileExtension().lastSegment();
		visit(main, mainName == null ? "main" : mainName, modules);
		return modules;
	}

	private void visit(Module m, String name, Map<Resource, Module> modules) {
		if (modules.containsKey(m.eResource())) {
			return;
		}
		modules.put(m.eResource(), m);
		names.nameModule(m.eResource(), name);
		for (TopLevel element : m.getElements()) {
			if (element instanceof Import imp) {
				String uri = imports.resolve((org.eclipse.emf.ecore.EObject) imp);
				if (uri == null) {
					throw new IllegalStateException("unresolved import " + imp.getImportURI());
				}
				Resource resource = m.eResource().getResourceSet().getResource(URI.createURI(uri), true);
				visit((Module) resource.getContents().get(0), imp.getImportURI().replace('/', '.'), modules);
			}
		}
	}

	/** Lowers one function, then whatever it queued (its lambdas, function values). */
	private IrFunction lowerNow(String name, int parameters, Consumer<FunctionLowering> body,
			CaptureAnalysis captures) {
		IrFunction function = new IrFunction(name, parameters);
		module.functions().add(function);
		body.accept(new FunctionLowering(this, function, captures));
		while (!pending.isEmpty()) {
			pending.removeFirst().lower();
		}
		return function;
	}

	TypeChecker types() {
		return types;
	}

	IrModule module() {
		return module;
	}

	SymbolNames names() {
		return names;
	}

	/** Equality and text of values by type, with the functions generated for them. */
	EqShowFunctions eqShow() {
		return eqShow;
	}

	/** Queues a lambda's function; returns its name, {@code <enclosing function>.lambda.N}. */
	String queueLambda(Lambda lambda, CaptureAnalysis captures, Instance instance) {
		String owner = instance.symbol() != null ? instance.symbol()
				: names.moduleOf(lambda.eResource()) + "." + ownerName(lambda);
		int n = lambdaCounts.merge(owner, 1, Integer::sum);
		String name = owner + ".lambda." + n;
		IrFunction function = new IrFunction(name, 1 + lambda.getParams().size());
		syncForms.put(lambda, function);
		pending.addLast(() -> {
			module.functions().add(function);
			new FunctionLowering(this, function, captures, instance).lowerLambda(lambda);
		});
		return name;
	}

	private static String ownerName(Lambda lambda) {
		FunctionDecl function = EcoreUtil2.getContainerOfType(lambda, FunctionDecl.class);
		ActorDecl actor = EcoreUtil2.getContainerOfType(lambda, ActorDecl.class);
		if (actor != null) {
			// A lambda in an actor method, or in a field's initial value (evaluated by the actor's loop).
			return actor.getName() + "." + (function == null ? "loop" : function.getName());
		}
		return function == null ? "script" : function.getName();
	}

	/**
	 * The symbol of a function that is called or started. A prelude function with a body is
	 * lowered only when a program uses it: it is queued here the first time.
	 */
	String callee(FunctionDecl function) {
		String name = names.function(function);
		if (!function.isExtern() && Prelude.isPrelude(function.eResource()) && !syncForms.containsKey(function)) {
			IrFunction irFunction = new IrFunction(name, function.getParams().size());
			syncForms.put(function, irFunction);
			pending.addLast(() -> {
				module.functions().add(irFunction);
				new FunctionLowering(this, irFunction, new CaptureAnalysis(function)).lowerFunction(function);
			});
		}
		return name;
	}

	/** A named function (the instance {@code symbol} of it) as a closure value: a constant closure over a wrapper. */
	Value functionValue(FunctionDecl function, String symbol) {
		return functionValues.computeIfAbsent(symbol, s -> {
			String wrapper = s + ".fn";
			pending.addLast(() -> {
				IrFunction irFunction = new IrFunction(wrapper, 1 + function.getParams().size());
				module.functions().add(irFunction);
				new FunctionLowering(this, irFunction, new CaptureAnalysis(function)).lowerFunctionValue(function, s);
			});
			return module.constant("closure." + s,
					List.of(new Value.FunctionAddress(wrapper), new Value.FrameConstructor(wrapper)));
		});
	}

	/** The resume function of tasks started for {@code function}, which cannot wait: {@code <function>.task}, made once. */
	String callTaskOf(String function, int parameters) {
		String name = function + ".task";
		queueOnce(name, lowering -> lowering.tasks().lowerCallTask(function, parameters), null);
		return name;
	}

	/** Lowers what the queued functions need (resume functions made while resolving tasks). */
	void lowerPending() {
		while (!pending.isEmpty()) {
			pending.removeFirst().lower();
		}
	}

	/** The resume function of tasks that call a closure with {@code arity} arguments, made once. */
	String closureTask(int arity) {
		String name = "quartz.closure.task." + arity;
		queueOnce(name, lowering -> lowering.tasks().lowerClosureTask(arity), null);
		return name;
	}

	/** Queues a one-parameter (task) function the first time its name is asked for. */
	private void queueOnce(String name, Consumer<FunctionLowering> body, CaptureAnalysis captures) {
		if (taskFunctions.add(name)) {
			pending.addLast(() -> {
				IrFunction function = new IrFunction(name, 1);
				module.functions().add(function);
				body.accept(new FunctionLowering(this, function, captures));
			});
		}
	}

	/** The shared constant for a payload-less variant of a user enum: {tag}. */
	Value unitVariant(Variant variant) {
		EnumDecl enumDecl = (EnumDecl) variant.eContainer();
		String name = "variant." + names.moduleOf(variant.eResource()) + "." + enumDecl.getName() + "."
				+ variant.getName();
		return module.constant(name, new ArrayList<>(List.of(new Value.Imm(ObjectLayouts.tag(variant)))));
	}

	void declareExtern(FunctionDecl function) {
		module.externs().put(function.getName(), function.getParams().size());
	}
}
