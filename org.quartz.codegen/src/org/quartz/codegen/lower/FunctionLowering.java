package org.quartz.codegen.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.quartz.codegen.ir.FloatOperation;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.*;
import org.quartz.lang.scoping.Globals;
import org.quartz.lang.scoping.LocalBindings;
import org.quartz.lang.scoping.PatternNames;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;

/**
 * Lowers one function body (or a lambda's, or a script's statements) from the checked model to
 * IR. Input: a unit free of errors, with its {@link org.quartz.lang.typing.Typing}. Output: one
 * {@link IrFunction}; lambdas met on the way are queued on the {@link ProgramLowering} as
 * functions of their own. `match` is lowered by {@link MatchLowering}, `select` by
 * {@link SelectLowering}, `go` and task bodies by {@link TaskLowering}, built-in calls by
 * {@link Builtins}, actors by {@link ActorLowering}: each gets the shared
 * {@link LoweringContext}, whose expression lowering is this class.
 *
 * Representation (every value one i64 word): Int and Bool are the number (Bool 0/1); a String
 * points to {len, bytes}; structs, enum values and closures are the heap objects of
 * {@link ObjectLayouts} (payload-less user variants are shared constants, None is the
 * runtime's). Locals live in slots; a local captured by a lambda lives in a one-word heap box
 * whose address is in the slot.
 */
final class FunctionLowering implements LoweringContext.Expressions {

	/** Where break and continue go inside the innermost loop. */
	private record LoopLabels(String breakLabel, String continueLabel) {
	}

	/** A `defer` statement and the slot flagging that it ran (it only runs if reached). */
	private record Deferred(DeferStmt statement, int flagSlot) {
	}

	private final ProgramLowering program;
	private final IrBuilder b;
	private final CaptureAnalysis captures;
	private final Map<NamedElement, Integer> slots = new HashMap<>();
	private final Deque<LoopLabels> loops = new ArrayDeque<>();
	private final List<Deferred> defers = new ArrayList<>();
	private final Builtins builtins;
	private final MatchLowering matches;
	private final SelectLowering selects;
	/** Statements whose value nobody uses (all of a block's but its value's): a message sent there needs no reply. */
	private final Set<EObject> unusedValues = Collections.newSetFromMap(new IdentityHashMap<>());
	private final TaskLowering tasks;
	private final ActorLowering actors;
	private final ProgramLowering.Instance instance;
	private final TraitCalls traits;

	FunctionLowering(ProgramLowering program, IrFunction function, CaptureAnalysis captures) {
		this(program, function, captures, ProgramLowering.Instance.NONE);
	}

	/** Lowering for an instance of a bounded function (or a lambda in one): every type is substituted. */
	FunctionLowering(ProgramLowering program, IrFunction function, CaptureAnalysis captures,
			ProgramLowering.Instance instance) {
		this.program = program;
		this.instance = instance;
		this.b = new IrBuilder(function);
		this.captures = captures;
		LoweringContext context = new LoweringContext(program, b, this);
		this.tasks = new TaskLowering(context);
		this.traits = new TraitCalls(context);
		this.builtins = new Builtins(context, tasks);
		this.matches = new MatchLowering(context);
		this.selects = new SelectLowering(context);
		this.actors = new ActorLowering(context);
	}

	// ------------------------------------------------------------------ entry points

	/** A declared function: parameters are %p0...; returns the body's value (0 for Void). */
	void lowerFunction(FunctionDecl function) {
		for (int i = 0; i < function.getParams().size(); i++) {
			declare(function.getParams().get(i), new Value.Param(i));
		}
		lowerBody(function);
	}

	private void lowerBody(FunctionDecl function) {
		prepareDefers(function);
		Value value = function.getExpression() != null ? lower(function.getExpression()) : lowerBlock(function.getBody());
		boolean returnsValue = function.getReturnType() != null
				&& !Types.is(program.types().resultOf(function), Types.VOID);
		returnWith(returnsValue ? value : Value.ZERO);
		lowerCancelledExit();
	}

	/** An actor's method: %p0 is the actor's state, its parameters follow; fields are read through their boxes. */
	void lowerActorMethod(ActorDecl actor, FunctionDecl method) {
		List<ActorField> fields = actor.getFields();
		for (int i = 0; i < fields.size(); i++) {
			int slot = b.newSlot();
			b.storeSlot(slot, b.load(new Value.Param(0), ObjectLayouts.actorFieldBox(i)));
			slots.put(fields.get(i), slot);
		}
		for (int i = 0; i < method.getParams().size(); i++) {
			declare(method.getParams().get(i), new Value.Param(i + 1));
		}
		lowerBody(method);
	}

	/** A lambda: %p0 is the closure ({function, task start, boxes...}), its parameters follow. */
	void lowerLambda(Lambda lambda) {
		List<NamedElement> environment = captures.environment(lambda);
		for (int i = 0; i < environment.size(); i++) {
			int slot = b.newSlot();
			b.storeSlot(slot, b.load(new Value.Param(0), ObjectLayouts.CLOSURE_ENVIRONMENT + i));
			slots.put(environment.get(i), slot);
		}
		for (int i = 0; i < lambda.getParams().size(); i++) {
			declare(lambda.getParams().get(i), new Value.Param(i + 1));
		}
		prepareDefers(lambda);
		Value value = lowerBlock(lambda.getBody());
		boolean returnsValue = !Types.is(program.types().typing(lambda).lambdaResult(lambda), Types.VOID);
		returnWith(returnsValue ? value : Value.ZERO);
		lowerCancelledExit();
	}

	/** A script's top-level statements as the program's entry point; returns 0. */
	void lowerScript(org.quartz.lang.quartz.Module module) {
		program.initialiseGlobals(b);
		prepareDefers(module);
		for (TopLevel element : module.getElements()) {
			if (element instanceof Statement statement && Globals.isScriptStatement(element)) {
				lowerStatement(statement);
			}
		}
		returnWith(Value.ZERO);
	}

	/** The entry point calling `main`, returning its Int (or 0). */
	void lowerEntryCallingMain(FunctionDecl main) {
		program.initialiseGlobals(b);
		Value result = b.call(program.names().function(main), List.of());
		boolean returnsInt = main.getReturnType() != null && Types.is(program.types().resultOf(main), Types.INT);
		b.ret(returnsInt ? result : Value.ZERO);
	}

	/** A module's globals, each set to its initialiser's value in source order; returns 0. */
	void lowerGlobals(org.quartz.lang.quartz.Module module) {
		for (VarDecl global : Globals.of(module)) {
			b.store(program.global(global), 0, lower(global.getValue()));
		}
		b.ret(Value.ZERO);
	}

	/** The closure wrapper of a named function: drops the closure, passes the arguments on. */
	void lowerFunctionValue(FunctionDecl function, String symbol) {
		List<Value> arguments = new ArrayList<>();
		for (int i = 0; i < function.getParams().size(); i++) {
			arguments.add(new Value.Param(i + 1));
		}
		if (function.isExtern()) {
			program.declareExtern(function);
		}
		b.ret(b.call(symbol, arguments));
		lowerCancelledExit();
	}

	// ------------------------------------------------------------------ bindings

	@Override
	public void assign(NamedElement binding, Value value) {
		write(binding, value);
	}

	@Override
	public void declare(NamedElement binding, Value value) {
		int slot = slotOf(binding);
		if (captures.isBoxed(binding)) {
			Value box = b.allocate(1);
			b.store(box, 0, value);
			b.storeSlot(slot, box);
		} else {
			b.storeSlot(slot, value);
		}
	}

	/**
	 * The binding's slot, made at its first use. That may come before its declaration is lowered:
	 * a return path lowers every defer of the function (each guarded by whether it ran), also
	 * where a binding a defer reads is not declared yet; the guard keeps the read from running
	 * before the declaration did.
	 */
	private int slotOf(NamedElement binding) {
		return slots.computeIfAbsent(binding, unused -> b.newSlot());
	}

	private Value read(NamedElement binding) {
		if (Globals.isGlobal(binding)) {
			return b.load(program.global((VarDecl) binding), 0);
		}
		Value value = b.loadSlot(slotOf(binding));
		return captures.isBoxed(binding) ? b.load(value, 0) : value;
	}

	private void write(NamedElement binding, Value value) {
		if (Globals.isGlobal(binding)) {
			b.store(program.global((VarDecl) binding), 0, value);
		} else if (captures.isBoxed(binding)) {
			b.store(b.loadSlot(slotOf(binding)), 0, value);
		} else {
			b.storeSlot(slotOf(binding), value);
		}
	}

	// ------------------------------------------------------------------ defer and return

	private void prepareDefers(EObject unit) {
		for (EObject node : (Iterable<EObject>) () -> org.eclipse.xtext.EcoreUtil2.eAll(unit)) {
			if (node instanceof DeferStmt defer && enclosingBody(defer) == unit) {
				int flag = b.newSlot();
				b.storeSlot(flag, Value.ZERO);
				defers.add(new Deferred(defer, flag));
			}
		}
	}

	/** The function, lambda or module whose return runs this defer. */
	private static EObject enclosingBody(EObject node) {
		for (EObject c = node.eContainer(); c != null; c = c.eContainer()) {
			if (c instanceof FunctionDecl || c instanceof Lambda || c instanceof org.quartz.lang.quartz.Module) {
				return c;
			}
		}
		return null;
	}

	/** Label of the block a task form continues at when its task was cancelled (IrFunction#cancelledExit). */
	static final String CANCELLED_EXIT = "cancelled";

	/**
	 * The exit of a cancelled task, which runs the defers reached and returns the zero value,
	 * recorded on the function for its task form. Unreachable in the synchronous form (LLVM
	 * drops it); whether the body waits is only known once the whole program is lowered.
	 */
	private void lowerCancelledExit() {
		b.startBlock(CANCELLED_EXIT);
		b.markCancelledExit(CANCELLED_EXIT);
		returnWith(Value.ZERO);
	}

	/** Runs the defers that were reached, last first, then returns. */
	private void returnWith(Value value) {
		if (b.isTerminated()) {
			return;
		}
		for (int i = defers.size() - 1; i >= 0; i--) {
			Deferred deferred = defers.get(i);
			String run = b.label("defer");
			String next = b.label("defer.done");
			b.branch(b.loadSlot(deferred.flagSlot()), run, next);
			b.startBlock(run);
			lower(deferred.statement().getAction());
			b.jump(next);
			b.startBlock(next);
		}
		b.ret(value);
	}

	// ------------------------------------------------------------------ statements

	/** Lowers a block's statements; its value is the last one's (0 when that is not an expression). */
	@Override
	public Value lowerBlock(Block block) {
		return lowerBlock(block, true);
	}

	/** A block whose value nobody uses (a loop's body): no statement's value is used. */
	private void lowerBlockForEffect(Block block) {
		lowerBlock(block, false);
	}

	private Value lowerBlock(Block block, boolean valueUsed) {
		Value value = Value.ZERO;
		if (block == null) {
			return value;
		}
		List<Statement> statements = block.getStatements();
		for (int i = 0; i < statements.size(); i++) {
			if (!valueUsed || i < statements.size() - 1) {
				unusedValues.add(statements.get(i));
			}
			value = lowerStatement(statements.get(i));
		}
		return value;
	}

	private Value lowerStatement(Statement statement) {
		if (statement instanceof Assignment assignment) {
			lowerAssignment(assignment);
		} else if (statement instanceof Expression expression) {
			return lower(expression);
		} else if (statement instanceof LetDecl let) {
			Value value = lower(let.getValue());
			NamedElement assigned = LocalBindings.assignedBinding(let);
			if (assigned != null) {
				write(assigned, value);
			} else {
				declare(let, value);
			}
		} else if (statement instanceof VarDecl var) {
			declare(var, lower(var.getValue()));
		} else if (statement instanceof WhileStmt loop) {
			lowerWhile(loop);
		} else if (statement instanceof ForStmt loop) {
			lowerFor(loop);
		} else if (statement instanceof LoopStmt loop) {
			String body = b.label("loop");
			String exit = b.label("loop.end");
			b.jump(body);
			b.startBlock(body);
			loops.push(new LoopLabels(exit, body));
			lowerBlockForEffect(loop.getBody());
			loops.pop();
			b.jump(body);
			b.startBlock(exit);
		} else if (statement instanceof BreakStmt) {
			b.jump(innermostLoop().breakLabel());
		} else if (statement instanceof ContinueStmt) {
			b.jump(innermostLoop().continueLabel());
		} else if (statement instanceof ReturnStmt ret) {
			returnWith(ret.getValue() == null ? Value.ZERO : lower(ret.getValue()));
		} else if (statement instanceof DeferStmt defer) {
			Deferred deferred = defers.stream().filter(d -> d.statement() == defer).findFirst()
					.orElseThrow(() -> new IllegalStateException("defer outside its function"));
			b.storeSlot(deferred.flagSlot(), Value.ONE);
		} else if (statement instanceof CommandCall command) {
			return lowerCall(program.types().typing(command).callTarget(command), command);
		} else {
			throw new IllegalStateException("cannot lower statement " + statement.eClass().getName());
		}
		return Value.ZERO;
	}

	private LoopLabels innermostLoop() {
		if (loops.isEmpty()) {
			throw new IllegalStateException("break or continue outside a loop");
		}
		return loops.peek();
	}

	private void lowerAssignment(Assignment assignment) {
		Expression target = assignment.getTarget();
		String op = assignment.getOp();
		if (target instanceof IndexExpression index) {
			Value container = nonNil(lower(index.getTarget()), index.getTarget());
			Value key = lower(index.getIndex());
			Value value = op.equals("=") ? lower(assignment.getValue())
					: compound(op, builtins.index(index, container, key), assignment);
			builtins.indexSet(index, container, key, value);
			return;
		}
		if (target instanceof MemberAccess access) {
			CallTarget.FieldRead field = (CallTarget.FieldRead) program.types().typing(access).callTarget(access);
			Value object = nonNil(lower(access.getReceiver()), access.getReceiver());
			int index = ObjectLayouts.fieldIndex(field.field());
			Value value = op.equals("=") ? lower(assignment.getValue()) : compound(op, b.load(object, index), assignment);
			b.store(object, index, value);
			return;
		}
		if (target instanceof NameRef ref) {
			Value value = op.equals("=") ? lower(assignment.getValue()) : compound(op, read(ref.getRef()), assignment);
			write(ref.getRef(), value);
			return;
		}
		throw new IllegalStateException("cannot assign to " + target.eClass().getName());
	}

	/** `x op= v`: the new value from the current one. */
	private Value compound(String op, Value current, Assignment assignment) {
		Value operand = lower(assignment.getValue());
		if (op.equals("+=") && isString(assignment.getValue())) {
			return b.runtime("qz_str_concat", current, operand);
		}
		String arithmeticOp = op.substring(0, 1);
		return isFloat(assignment.getValue()) ? floatArithmetic(arithmeticOp, current, operand)
				: arithmetic(arithmeticOp, current, operand);
	}

	private void lowerWhile(WhileStmt loop) {
		String head = b.label("while");
		String body = b.label("while.body");
		String exit = b.label("while.end");
		b.jump(head);
		b.startBlock(head);
		b.branch(lower(loop.getCondition()), body, exit);
		b.startBlock(body);
		loops.push(new LoopLabels(exit, head));
		lowerBlockForEffect(loop.getBody());
		loops.pop();
		b.jump(head);
		b.startBlock(exit);
	}

	/**
	 * `for x in a..b` (a range written there needs no Range object), over a Range value, a Vec (by
	 * index) or a Map's keys (a snapshot of them).
	 */
	private void lowerFor(ForStmt loop) {
		Expression iterable = loop.getIterable();
		while (iterable instanceof ParenthesizedExpression parenthesized) {
			iterable = parenthesized.getExpression();
		}
		Value limit;
		Value inclusive = null;
		Value sequence = null;
		int counter = b.newSlot();
		String compare = "slt";
		if (iterable instanceof RangeLiteral range) {
			b.storeSlot(counter, lower(range.getFrom()));
			limit = lower(range.getTo());
			compare = range.getOp().equals("..=") ? "sle" : "slt";
		} else if (Types.is(typeOf(iterable), Types.RANGE)) {
			Value range = nonNil(lower(iterable), iterable);
			b.storeSlot(counter, b.load(range, ObjectLayouts.RANGE_FROM));
			limit = b.load(range, ObjectLayouts.RANGE_TO);
			inclusive = b.load(range, ObjectLayouts.RANGE_INCLUSIVE);
		} else {
			Type type = typeOf(iterable);
			sequence = lower(iterable);
			if (Types.is(type, Types.CHANNEL)) {
				lowerForChannel(loop, sequence);
				return;
			}
			sequence = nonNil(sequence, iterable);
			if (Types.is(type, Types.MAP)) {
				sequence = b.runtime("qz_map_keys", sequence);
			} else if (!Types.is(type, Types.VEC)) {
				throw new IllegalStateException("for over " + type + " cannot be lowered");
			}
			b.storeSlot(counter, Value.ZERO);
			limit = null;
		}
		String head = b.label("for");
		String body = b.label("for.body");
		String step = b.label("for.step");
		String exit = b.label("for.end");
		b.jump(head);
		b.startBlock(head);
		Value index = b.loadSlot(counter);
		Value bound = limit != null ? limit : b.vecSize(sequence);
		Value more = b.compare(compare, index, bound);
		if (inclusive != null) {
			more = b.binary("or", more, b.binary("and", inclusive, b.compare("eq", index, bound)));
		}
		b.branch(more, body, exit);
		b.startBlock(body);
		Value element = sequence == null ? b.loadSlot(counter) : b.vecGet(sequence, b.loadSlot(counter));
		declare(loop.getVariable(), element);
		loops.push(new LoopLabels(exit, step));
		lowerBlockForEffect(loop.getBody());
		loops.pop();
		b.jump(step);
		b.startBlock(step);
		b.storeSlot(counter, b.binary("add", b.loadSlot(counter), Value.ONE));
		b.jump(head);
		b.startBlock(exit);
	}

	/**
	 * `for v in ch`: receives until the channel is closed and drained (blocking outside tasks).
	 * A plain recv, so no Option per element: only a zero value asks whether it was a value or
	 * the end (qz_recv_ok).
	 */
	private void lowerForChannel(ForStmt loop, Value channel) {
		String head = b.label("for.recv");
		String zero = b.label("for.zero");
		String body = b.label("for.body");
		String exit = b.label("for.end");
		b.jump(head);
		b.startBlock(head);
		Value received = b.wait(WaitingOperation.RECV, channel);
		b.branch(b.compare("eq", received, Value.ZERO), zero, body);
		b.startBlock(zero);
		b.branch(b.runtime("qz_recv_ok"), body, exit);
		b.startBlock(body);
		declare(loop.getVariable(), received);
		loops.push(new LoopLabels(exit, head));
		lowerBlockForEffect(loop.getBody());
		loops.pop();
		b.jump(head);
		b.startBlock(exit);
	}

	// ------------------------------------------------------------------ expressions

	@Override
	public Value lower(Expression e) {
		if (e instanceof IntLiteral literal) {
			return new Value.Imm(literal.getValue());
		}
		if (e instanceof FloatLiteral literal) {
			return Value.ofFloat(literal.getValue());
		}
		if (e instanceof BoolLiteral literal) {
			return literal.isValue() ? Value.ONE : Value.ZERO;
		}
		if (e instanceof NilLiteral) {
			return Value.ZERO;
		}
		if (e instanceof StringLiteral literal) {
			return program.module().string(literal.getValue());
		}
		if (e instanceof InterpolatedString string) {
			return lowerInterpolation(string);
		}
		if (e instanceof ParenthesizedExpression parenthesized) {
			return lower(parenthesized.getExpression());
		}
		if (e instanceof VecLiteral literal) {
			Value vec = b.runtime("qz_vec_with_capacity", new Value.Imm(literal.getElements().size()));
			for (Expression element : literal.getElements()) {
				b.runtime("qz_vec_push", vec, lower(element));
			}
			return vec;
		}
		if (e instanceof UnaryExpression unary) {
			Value operand = lower(unary.getOperand());
			return switch (unary.getOp()) {
				case "-" -> isFloat(unary.getOperand()) ? b.floatOp(FloatOperation.NEG, operand) : b.binary("sub", Value.ZERO, operand);
				case "~" -> b.binary("xor", operand, new Value.Imm(-1));
				default -> b.binary("xor", operand, Value.ONE);
			};
		}
		if (e instanceof BinaryExpression binary) {
			return lowerBinary(binary);
		}
		if (e instanceof NameRef ref) {
			return lowerName(ref.getRef(), ref);
		}
		if (e instanceof VariantLiteral literal) {
			return lowerName(literal.getVariant(), literal);
		}
		if (e instanceof Call || e instanceof MemberAccess) {
			return lowerCall(program.types().typing(e).callTarget(e), e);
		}
		if (e instanceof IndexExpression index) {
			Value container = nonNil(lower(index.getTarget()), index.getTarget());
			return builtins.index(index, container, lower(index.getIndex()));
		}
		if (e instanceof IfExpression ifExpression) {
			return lowerIf(ifExpression);
		}
		if (e instanceof MatchExpression match) {
			return matches.lower(match);
		}
		if (e instanceof Lambda lambda) {
			return lowerClosure(lambda);
		}
		if (e instanceof StructLiteral literal) {
			StructDecl struct = literal.getStruct();
			Value object = b.allocate(Math.max(1, struct.getFields().size()));
			for (FieldInit init : literal.getFields()) {
				b.store(object, ObjectLayouts.fieldIndex(init.getField()), lower(init.getValue()));
			}
			return object;
		}
		if (e instanceof TryExpression tryExpression) {
			return lowerTry(tryExpression);
		}
		if (e instanceof RangeLiteral range) {
			Value object = b.allocate(ObjectLayouts.RANGE_WORDS);
			b.store(object, ObjectLayouts.RANGE_FROM, lower(range.getFrom()));
			b.store(object, ObjectLayouts.RANGE_TO, lower(range.getTo()));
			b.store(object, ObjectLayouts.RANGE_INCLUSIVE, range.getOp().equals("..=") ? Value.ONE : Value.ZERO);
			return object;
		}
		if (e instanceof GoExpression go) {
			return tasks.lowerGo(go);
		}
		if (e instanceof AwaitExpression await) {
			return b.wait(WaitingOperation.AWAIT, lower(await.getTask()));
		}
		if (e instanceof SendExpression send) {
			Value channel = lower(send.getChannel());
			return b.wait(WaitingOperation.SEND, channel, lower(send.getValue()));
		}
		if (e instanceof RecvExpression recv) {
			return b.wait(WaitingOperation.RECV, lower(recv.getChannel()));
		}
		if (e instanceof SelectExpression select) {
			return selects.lower(select);
		}
		throw new IllegalStateException(e.eClass().getName() + " cannot be lowered");
	}

	private Value lowerName(NamedElement target, EObject at) {
		if (target instanceof Variant variant) {
			return constructVariant(variant, List.of());
		}
		if (target instanceof FunctionDecl function) {
			return program.functionValue(function, functionSymbol(function, at));
		}
		if (target instanceof ConstDecl constant) {
			return program.constant(constant);
		}
		if (target instanceof BindingPattern pattern && PatternNames.isVariant(pattern)) {
			return constructVariant(PatternNames.variantOf(pattern), List.of());
		}
		return read(target);
	}

	private Value lowerInterpolation(InterpolatedString string) {
		Value builder = b.runtime("qz_sb_new");
		for (int i = 0; i < string.getParts().size(); i++) {
			String part = string.getParts().get(i);
			if (!part.isEmpty()) {
				b.runtime("qz_sb_append", builder, program.module().string(part));
			}
			if (i < string.getExpressions().size()) {
				Expression expression = string.getExpressions().get(i);
				Value value = lower(expression);
				Type type = typeOf(expression);
				if (Types.is(type, Types.INT) || Types.isUnknown(type)) {
					b.runtime("qz_sb_append_int", builder, value);   // formatted once, into the result
				} else {
					b.runtime("qz_sb_append", builder, program.eqShow().text(b, type, value));
				}
			}
		}
		return b.runtime("qz_sb_finish", builder);
	}

	private Value lowerBinary(BinaryExpression binary) {
		String op = binary.getOp();
		if (op.equals("and") || op.equals("&&") || op.equals("or") || op.equals("||")) {
			boolean isAnd = op.equals("and") || op.equals("&&");
			int result = b.newSlot();
			Value left = lower(binary.getLeft());
			b.storeSlot(result, left);
			String evaluateRight = b.label(isAnd ? "and.rhs" : "or.rhs");
			String done = b.label(isAnd ? "and.end" : "or.end");
			b.branch(left, isAnd ? evaluateRight : done, isAnd ? done : evaluateRight);
			b.startBlock(evaluateRight);
			b.storeSlot(result, lower(binary.getRight()));
			b.jump(done);
			b.startBlock(done);
			return b.loadSlot(result);
		}
		Value left = lower(binary.getLeft());
		Value right = lower(binary.getRight());
		Type operands = typeOf(binary.getLeft());
		if (Types.is(operands, Types.FLOAT)) {
			return floatBinary(op, left, right);
		}
		boolean strings = Types.is(operands, Types.STRING);
		if (List.of("<", "<=", ">", ">=").contains(op) && traits.hasUserOrd(operands)) {
			return b.compare(ordered(op), traits.cmp(operands, left, right), Value.ZERO);
		}
		return switch (op) {
			case "==", "!=" -> {
				Value equal = traits.equal(operands, left, right);
				yield op.equals("==") ? equal : b.binary("xor", equal, Value.ONE);
			}
			case "<", "<=", ">", ">=" -> {
				String predicate = ordered(op);
				yield strings ? b.compare(predicate, b.runtime("qz_str_cmp", left, right), Value.ZERO)
						: b.compare(predicate, left, right);
			}
			case "+" -> strings ? b.runtime("qz_str_concat", left, right) : b.binary("add", left, right);
			case "&" -> b.binary("and", left, right);
			case "|" -> b.binary("or", left, right);
			case "^" -> b.binary("xor", left, right);
			case "<<", ">>", ">>>" -> shift(op, left, right);
			default -> arithmetic(op, left, right);
		};
	}

	/** The signed integer comparison of `<`, `<=`, `>` or `>=`. */
	private static String ordered(String op) {
		return switch (op) {
			case "<" -> "slt";
			case "<=" -> "sle";
			case ">" -> "sgt";
			default -> "sge";
		};
	}

	/** Comparisons and arithmetic on two Floats (IEEE: no panics, NaN compares unequal). */
	private Value floatBinary(String op, Value left, Value right) {
		return switch (op) {
			case "==" -> b.floatOp(FloatOperation.EQ, left, right);
			case "!=" -> b.floatOp(FloatOperation.NE, left, right);
			case "<" -> b.floatOp(FloatOperation.LT, left, right);
			case "<=" -> b.floatOp(FloatOperation.LE, left, right);
			case ">" -> b.floatOp(FloatOperation.GT, left, right);
			case ">=" -> b.floatOp(FloatOperation.GE, left, right);
			default -> floatArithmetic(op, left, right);
		};
	}

	private Value floatArithmetic(String op, Value left, Value right) {
		return b.floatOp(switch (op) {
			case "+" -> FloatOperation.ADD;
			case "-" -> FloatOperation.SUB;
			case "*" -> FloatOperation.MUL;
			case "/" -> FloatOperation.DIV;
			default -> FloatOperation.REM;
		}, left, right);
	}

	/**
	 * Shifts with a defined result for every count (LLVM's would be poison from 64 on): a count
	 * outside 0..63, negative ones included, shifts every bit out, leaving 0, or the sign for
	 * {@code >>}. For {@code <<} and {@code >>>} the in-range result is masked with
	 * -(count <u 64); for {@code >>} the count is clamped to 63.
	 */
	private Value shift(String op, Value value, Value count) {
		Value inRange = b.compare("ult", count, new Value.Imm(64));
		Value low = b.binary("and", count, new Value.Imm(63));
		if (op.equals(">>")) {
			Value clampMask = b.binary("and", b.binary("sub", inRange, Value.ONE), new Value.Imm(63)); // 0 or 63
			return b.binary("ashr", value, b.binary("or", low, clampMask));
		}
		Value shifted = b.binary(op.equals("<<") ? "shl" : "lshr", value, low);
		return b.binary("and", shifted, b.binary("sub", Value.ZERO, inRange));
	}

	/**
	 * Integer arithmetic: wraps on overflow; `/` and `%` truncate toward zero and panic on a
	 * zero divisor; `x / -1` is `-x` (wrapping) and `x % -1` is 0, which the hardware would trap.
	 */
	private Value arithmetic(String op, Value left, Value right) {
		switch (op) {
			case "+":
				return b.binary("add", left, right);
			case "-":
				return b.binary("sub", left, right);
			case "*":
				return b.binary("mul", left, right);
			default:
		}
		boolean divide = op.equals("/");
		if (right instanceof Value.Imm constant && constant.value() != 0 && constant.value() != -1) {
			return b.binary(divide ? "sdiv" : "srem", left, right);
		}
		int result = b.newSlot();
		String zero = b.label("div.zero");
		String checkMinusOne = b.label("div.nonzero");
		String minusOne = b.label("div.minus1");
		String normal = b.label("div.normal");
		String done = b.label("div.end");
		b.branch(b.compare("eq", right, Value.ZERO), zero, checkMinusOne);
		b.startBlock(zero);
		b.runtime("qz_panic_div_zero");
		b.startBlock(checkMinusOne);
		b.branch(b.compare("eq", right, new Value.Imm(-1)), minusOne, normal);
		b.startBlock(minusOne);
		b.storeSlot(result, divide ? b.binary("sub", Value.ZERO, left) : Value.ZERO);
		b.jump(done);
		b.startBlock(normal);
		b.storeSlot(result, b.binary(divide ? "sdiv" : "srem", left, right));
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}

	private Value lowerIf(IfExpression ifExpression) {
		int result = b.newSlot();
		b.storeSlot(result, Value.ZERO);
		String done = b.label("if.end");
		List<Expression> conditions = new ArrayList<>();
		List<Block> branches = new ArrayList<>();
		conditions.add(ifExpression.getCondition());
		branches.add(ifExpression.getThen());
		for (ElsifClause elsif : ifExpression.getElsifs()) {
			conditions.add(elsif.getCondition());
			branches.add(elsif.getThen());
		}
		for (int i = 0; i < conditions.size(); i++) {
			String then = b.label("if.then");
			String otherwise = b.label("if.else");
			b.branch(lower(conditions.get(i)), then, otherwise);
			b.startBlock(then);
			b.storeSlot(result, lowerBlock(branches.get(i)));
			b.jump(done);
			b.startBlock(otherwise);
		}
		if (ifExpression.getElse() != null) {
			b.storeSlot(result, lowerBlock(ifExpression.getElse()));
		}
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}

	/** `e?`: unwraps Some/Ok, or returns the None/Err from the function. */
	private Value lowerTry(TryExpression tryExpression) {
		Value value = lower(tryExpression.getOperand());
		boolean isResult = Types.is(typeOf(tryExpression.getOperand()), Types.RESULT);
		String early = b.label("try.return");
		String proceed = b.label("try.ok");
		Value tag = b.compare("ne", value, Value.ZERO);
		String load = b.label("try.tag");
		// None is tag 0 (or a null zero value); Err is tag 1.
		if (isResult) {
			b.branch(tag, load, proceed);
			b.startBlock(load);
			b.branch(b.compare("eq", b.load(value, ObjectLayouts.ENUM_TAG), Value.ONE), early, proceed);
		} else {
			b.branch(tag, load, early);
			b.startBlock(load);
			b.branch(b.compare("eq", b.load(value, ObjectLayouts.ENUM_TAG), Value.ZERO), early, proceed);
		}
		b.startBlock(early);
		returnWith(value);
		b.startBlock(proceed);
		return b.load(value, ObjectLayouts.ENUM_PAYLOAD);
	}

	// ------------------------------------------------------------------ calls and closures

	private Value lowerCall(CallTarget target, EObject call) {
		if (target instanceof CallTarget.Function function) {
			FunctionDecl declaration = function.function();
			if (declaration.isExtern() && "builtin".equals(declaration.getAbi())) {
				return builtins.call(declaration, function.arguments(), call);
			}
			List<Value> arguments = lowerAll(function.arguments());
			if (call instanceof MemberAccess && !arguments.isEmpty()) {
				// A method call: a nil receiver is reported here, not somewhere in the method.
				arguments.set(0, nonNil(arguments.get(0), function.arguments().get(0)));
			}
			if (declaration.isExtern()) {
				program.declareExtern(declaration);
			}
			return b.call(functionSymbol(declaration, call), arguments);
		}
		if (target instanceof CallTarget.TraitMethod method) {
			return traits.call(method, lowerAll(method.arguments()));
		}
		if (target instanceof CallTarget.VariantConstruction construction) {
			return constructVariant(construction.variant(), lowerAll(construction.arguments()));
		}
		if (target instanceof CallTarget.Closure closure) {
			Value callee = nonNil(lower(closure.callee()), closure.callee());
			return b.callClosure(callee, lowerAll(closure.arguments()));
		}
		if (target instanceof CallTarget.FieldRead field) {
			Value object = nonNil(lower(field.receiver()), field.receiver());
			Value value = b.load(object, ObjectLayouts.fieldIndex(field.field()));
			if (call instanceof MemberAccess access && (access.isExplicitArguments() || access.getBlock() != null)) {
				// A closure in a field: named as its declaration writes its type.
				String fieldType = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(field.field().getType()));
				value = nonNil(value, fieldType, call);
				List<Expression> arguments = new ArrayList<>(access.getArguments());
				if (access.getBlock() != null) {
					arguments.add(access.getBlock());
				}
				return b.callClosure(value, lowerAll(arguments));
			}
			return value;
		}
		if (target instanceof CallTarget.ActorStart start) {
			return actors.lowerStart(start.actor());
		}
		if (target instanceof CallTarget.ActorMessage message) {
			return actors.lowerMessage(message, !unusedValues.contains(call));
		}
		if (target instanceof CallTarget.ActorStop stop) {
			return actors.lowerStop(stop);
		}
		throw new IllegalStateException("call of " + (target == null ? "nothing" : target.getClass().getSimpleName())
				+ " cannot be lowered");
	}

	/** The symbol a use of {@code function} at {@code use} calls: for a bounded function, the instance for its type arguments there. */
	@Override
	public String functionSymbol(FunctionDecl function, EObject use) {
		if (!ProgramLowering.isBounded(function)) {
			return program.callee(function);
		}
		Map<TypeParam, Type> arguments = new HashMap<>();
		program.types().typing(use).typeArguments(use)
				.forEach((param, type) -> arguments.put(param, Types.substitute(type, instance.substitution())));
		return program.functionSymbol(function, arguments, use);
	}

	Value callFunction(FunctionDecl function, List<Value> arguments) {
		if (function.isExtern()) {
			program.declareExtern(function);
		}
		return b.call(program.callee(function), arguments);
	}

	@Override
	public List<Value> lowerAll(List<Expression> expressions) {
		List<Value> values = new ArrayList<>();
		expressions.forEach(e -> values.add(lower(e)));
		return values;
	}

	private Value constructVariant(Variant variant, List<Value> payload) {
		if (payload.isEmpty()) {
			return Prelude.isPrelude(variant.eResource()) && variant.getName().equals("None") ? b.runtime("qz_none")
					: program.unitVariant(variant);
		}
		Value object = b.allocate(ObjectLayouts.ENUM_PAYLOAD + payload.size());
		b.store(object, ObjectLayouts.ENUM_TAG, new Value.Imm(ObjectLayouts.tag(variant)));
		for (int i = 0; i < payload.size(); i++) {
			b.store(object, ObjectLayouts.ENUM_PAYLOAD + i, payload.get(i));
		}
		return object;
	}

	/** A closure ({@link ObjectLayouts}); word 1 is a {@link Value.FrameConstructor} until ResolveTaskCreation. */
	@Override
	public Value lowerClosure(Lambda lambda) {
		String function = program.queueLambda(lambda, captures, instance);
		List<NamedElement> environment = captures.environment(lambda);
		Value closure = b.allocate(ObjectLayouts.CLOSURE_ENVIRONMENT + environment.size());
		b.store(closure, ObjectLayouts.CLOSURE_FUNCTION, new Value.FunctionAddress(function));
		b.store(closure, ObjectLayouts.CLOSURE_NEW_FRAME, new Value.FrameConstructor(function));
		for (int i = 0; i < environment.size(); i++) {
			b.store(closure, ObjectLayouts.CLOSURE_ENVIRONMENT + i, b.loadSlot(slotOf(environment.get(i))));
		}
		return closure;
	}

	TaskLowering tasks() {
		return tasks;
	}

	ActorLowering actors() {
		return actors;
	}

	ProgramLowering program() {
		return program;
	}

	// ------------------------------------------------------------------ nil checks

	/**
	 * {@code value} (of expression {@code e}) about to be dereferenced: when it is a struct, Vec,
	 * Map or closure that may be nil (the zero value a closed channel or a cancelled task gives),
	 * a compare and a branch to a cold {@code qz_panic_nil(type, "file:line:col")}. A value
	 * just allocated needs none.
	 */
	@Override
	public Value nonNil(Value value, Expression e) {
		Type type = Types.deepResolve(typeOf(e));
		return mayBeNil(type) ? nonNil(value, type.toString(), e) : value;
	}

	private Value nonNil(Value value, String typeName, EObject at) {
		if (b.isAllocated(value)) {
			return value;
		}
		String nil = b.label("nil");
		String ok = b.label("nonnil");
		b.branch(b.compare("eq", value, Value.ZERO), nil, ok);
		b.startBlock(nil);
		b.runtime("qz_panic_nil", program.module().string(typeName), program.module().string(location(at)));
		b.startBlock(ok);
		return value;
	}

	private static boolean mayBeNil(Type type) {
		if (type instanceof Type.Fn) {
			return true;
		}
		return type instanceof Type.Named named && (named.declaration() instanceof StructDecl
				|| Types.is(named, Types.VEC) || Types.is(named, Types.MAP) || Types.is(named, Types.STRBUF)
				|| Types.is(named, Types.RANGE));
	}

	/** {@code file.qz:line:column} of where e starts (the file's name, so the IR is the same on every machine). */
	private static String location(EObject e) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(e);
		String file = URI.decode(e.eResource().getURI().lastSegment());
		if (node == null) {
			return file;
		}
		int offset = node.getOffset();
		int column = offset - node.getRootNode().getText().lastIndexOf('\n', offset - 1);
		return file + ":" + node.getStartLine() + ":" + column;
	}

	// ------------------------------------------------------------------ types

	@Override
	public Type typeOf(Expression e) {
		return Types.substitute(program.types().typing(e).typeOf(e), instance.substitution());
	}

	boolean isString(Expression e) {
		return Types.is(typeOf(e), Types.STRING);
	}

	boolean isFloat(Expression e) {
		return Types.is(typeOf(e), Types.FLOAT);
	}
}
