package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.List;

import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.typing.CallTarget;

/**
 * Lowers actors, for {@link ProgramLowering} and {@link FunctionLowering}.
 *
 * Input: a checked `actor A` (fields with initial values, methods) and the expressions that use
 * it: `A.new()` ({@link CallTarget.ActorStart}), `a.m(x)` ({@link CallTarget.ActorMessage}),
 * `a.stop()` ({@link CallTarget.ActorStop}).
 *
 * Output, per actor, named from the module, actor and method names only ({@code mod.A.x}):
 * <ul>
 * <li>{@code mod.A.new()}: a new state (field boxes zeroed) with its mailbox; starts the loop
 * task (outside any go_scope); returns the state.</li>
 * <li>{@code mod.A.loop(state)}: synchronous form of the actor's task; evaluates the fields'
 * initial values in declaration order (in the actor's task, so one that waits parks it, and
 * each is lowered once), then receives messages until the mailbox is closed and drained, calls
 * the method for each and finishes its reply with the result. {@link BuildAsyncStateMachine}
 * builds its task form like any other.</li>
 * <li>{@code mod.A.m(state, params...)}: each method, lowered like a function whose actor
 * fields live in the state's boxes.</li>
 * </ul>
 *
 * The state and message layouts are in {@link ObjectLayouts}. Fields live in boxes, not words of
 * the state, because a lambda in a method captures a field by reference exactly as it captures
 * a boxed local (see {@link CaptureAnalysis}). A message's reply is a promise task
 * ({@code qz_task_new_promise}) the loop finishes, or 0 when the message's value is unused.
 *
 * A send is a {@link WaitingOperation#SEND} on the mailbox (bounded: {@link #MAILBOX_CAPACITY}), so in a
 * task form it parks while the mailbox is full. On a closed mailbox (after stop) the send fails
 * and the reply is finished at once with the zero value.
 */
final class ActorLowering {

	/** Messages a mailbox holds before senders wait. Documented in reference.md §7.6. */
	static final int MAILBOX_CAPACITY = 64;


	private final ProgramLowering program;
	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;

	ActorLowering(LoweringContext context) {
		this.program = context.program();
		this.b = context.b();
		this.expressions = context.expressions();
	}

	static String newName(SymbolNames names, ActorDecl actor) {
		return actorName(names, actor) + ".new";
	}

	static String loopName(SymbolNames names, ActorDecl actor) {
		return actorName(names, actor) + ".loop";
	}

	private static String actorName(SymbolNames names, ActorDecl actor) {
		return names.moduleOf(actor.eResource()) + "." + actor.getName();
	}

	// ------------------------------------------------------------------ uses

	/** `A.new()`. */
	Value lowerStart(ActorDecl actor) {
		return b.call(newName(program.names(), actor), List.of());
	}

	/**
	 * `a.m(x)`: the message goes into the mailbox; the value is its reply task. A message whose
	 * value nobody uses has no reply task (0), and the loop finishes none.
	 */
	Value lowerMessage(CallTarget.ActorMessage message, boolean replyUsed) {
		Value state = expressions.lower(message.actor());
		List<Value> arguments = expressions.lowerAll(message.arguments());
		FunctionDecl method = message.method();
		int index = ((ActorDecl) method.eContainer()).getMethods().indexOf(method);
		Value reply = replyUsed ? b.runtime("qz_task_new_promise") : Value.ZERO;
		Value block = b.allocate(ObjectLayouts.MESSAGE_ARGUMENTS + arguments.size());
		b.store(block, ObjectLayouts.MESSAGE_METHOD, new Value.Imm(index));
		b.store(block, ObjectLayouts.MESSAGE_REPLY, reply);
		for (int i = 0; i < arguments.size(); i++) {
			b.store(block, ObjectLayouts.MESSAGE_ARGUMENTS + i, arguments.get(i));
		}
		Value sent = b.wait(WaitingOperation.SEND, b.load(state, ObjectLayouts.ACTOR_MAILBOX), block);
		if (!replyUsed) {
			return Value.ZERO;
		}
		String closed = b.label("actor.closed");
		String done = b.label("actor.sent");
		b.branch(sent, done, closed);
		b.startBlock(closed);
		// Stopped: nobody will answer, so the reply is the zero value now rather than never.
		b.runtime("qz_task_finish", reply, Value.ZERO);
		b.jump(done);
		b.startBlock(done);
		return reply;
	}

	/** `a.stop()`: closes the mailbox; the loop handles what is already in it, then ends. */
	Value lowerStop(CallTarget.ActorStop stop) {
		b.runtime("qz_chan_close", b.load(expressions.lower(stop.actor()), ObjectLayouts.ACTOR_MAILBOX));
		return Value.ZERO;
	}

	// ------------------------------------------------------------------ the actor's functions

	/** {@code mod.A.new()}: state with mailbox and field boxes; starts the loop. */
	void lowerNew(ActorDecl actor) {
		int fields = actor.getFields().size();
		Value state = b.allocate(ObjectLayouts.ACTOR_FIELDS + fields);
		b.store(state, ObjectLayouts.ACTOR_MAILBOX, b.runtime("qz_chan_new", new Value.Imm(MAILBOX_CAPACITY)));
		for (int i = 0; i < fields; i++) {
			b.store(state, ObjectLayouts.ACTOR_FIELDS + i, b.allocate(1));
		}
		// Started outside any go_scope: an actor lives until stopped, a scope must not wait for it.
		b.runtime("qz_task_start", b.newTask(loopName(program.names(), actor), List.of(state)));
		b.ret(state);
	}

	/** {@code mod.A.loop(state)}: the initial values, then one message at a time, in arrival order, until closed and drained. */
	void lowerLoop(ActorDecl actor) {
		Value state = new Value.Param(0);
		List<ActorField> fields = actor.getFields();
		for (int i = 0; i < fields.size(); i++) {
			// A field without an initial value keeps the zeroed box: its zero value.
			if (fields.get(i).getValue() != null) {
				Value value = expressions.lower(fields.get(i).getValue());
				b.store(b.load(state, ObjectLayouts.ACTOR_FIELDS + i), 0, value);
			}
		}
		String receive = b.label("actor.receive");
		String dispatch = b.label("actor.dispatch");
		String end = b.label("actor.end");
		b.jump(receive);
		b.startBlock(receive);
		// A message is never 0, so 0 means closed and drained.
		Value message = b.wait(WaitingOperation.RECV, b.load(state, ObjectLayouts.ACTOR_MAILBOX));
		b.branch(b.compare("ne", message, Value.ZERO), dispatch, end);
		b.startBlock(dispatch);
		Value index = b.load(message, ObjectLayouts.MESSAGE_METHOD);
		List<FunctionDecl> methods = actor.getMethods();
		for (int k = 0; k < methods.size(); k++) {
			FunctionDecl method = methods.get(k);
			String handle = b.label("actor.method");
			String next = b.label("actor.next");
			b.branch(b.compare("eq", index, new Value.Imm(k)), handle, next);
			b.startBlock(handle);
			List<Value> arguments = new ArrayList<>();
			arguments.add(state);
			for (int j = 0; j < method.getParams().size(); j++) {
				arguments.add(b.load(message, ObjectLayouts.MESSAGE_ARGUMENTS + j));
			}
			Value result = b.call(program.names().function(method), arguments);
			Value reply = b.load(message, ObjectLayouts.MESSAGE_REPLY);
			String answer = b.label("actor.reply");
			b.branch(b.compare("ne", reply, Value.ZERO), answer, receive);
			b.startBlock(answer);
			b.runtime("qz_task_finish", reply, result);
			b.jump(receive);
			b.startBlock(next);
		}
		// Every message names one of the methods.
		b.emit(new Instr.Unreachable());
		b.startBlock(end);
		b.ret(Value.ZERO);
		// Nothing cancels an actor's task (it is in no group), but every task form has this exit.
		b.startBlock(FunctionLowering.CANCELLED_EXIT);
		b.markCancelledExit(FunctionLowering.CANCELLED_EXIT);
		b.ret(Value.ZERO);
	}
}
