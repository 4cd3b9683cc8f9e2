package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.List;

import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;
import org.quartz.lang.quartz.DefaultArm;
import org.quartz.lang.quartz.RecvArm;
import org.quartz.lang.quartz.SelectArm;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.SendArm;
import org.quartz.lang.quartz.TimeoutArm;

/**
 * Lowers `select`, for {@link FunctionLowering}. Input: a select with at least one arm. Output:
 * the channel and value operands of every arm evaluated once, in source order, before anything
 * else; then
 * <ul>
 * <li>a select of one recv or one send arm: that operation ({@link WaitingOperation#RECV},
 * {@link WaitingOperation#SEND}: the same outcome, closed channels included) and its arm;</li>
 * <li>any other: a runtime select descriptor (one arm per source arm, same index) that a
 * {@link WaitingOperation#SELECT} completes, then a chain of index tests runs the chosen arm's
 * body, a recv arm binding the received value first.</li>
 * </ul>
 * Invariant: nothing runs between {@code qz_select_new} and the wait, and the received value is
 * read right after it; the runtime keeps a task's descriptor in its park record, which the
 * task's next operation reuses (quartz_rt.h). The value of the chosen arm lands in a slot.
 */
final class SelectLowering {

	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;

	SelectLowering(LoweringContext context) {
		this.b = context.b();
		this.expressions = context.expressions();
	}

	Value lower(SelectExpression select) {
		List<SelectArm> arms = select.getArms();
		List<List<Value>> operands = new ArrayList<>();
		for (SelectArm arm : arms) {
			if (arm instanceof RecvArm recv) {
				operands.add(List.of(expressions.lower(recv.getRecv().getChannel())));
			} else if (arm instanceof SendArm send) {
				Value channel = expressions.lower(send.getSend().getChannel());
				operands.add(List.of(channel, expressions.lower(send.getSend().getValue())));
			} else if (arm instanceof TimeoutArm timeout) {
				operands.add(List.of(expressions.lower(timeout.getMilliseconds())));
			} else {
				operands.add(List.of());
			}
		}
		if (arms.size() == 1 && arms.get(0) instanceof RecvArm recv) {
			Value received = b.wait(WaitingOperation.RECV, operands.get(0).get(0));
			if (recv.getBinding() != null) {
				expressions.declare(recv.getBinding(), received);
			}
			return expressions.lowerBlock(recv.getBody());
		}
		if (arms.size() == 1 && arms.get(0) instanceof SendArm send) {
			b.wait(WaitingOperation.SEND, operands.get(0).toArray(Value[]::new));
			return expressions.lowerBlock(send.getBody());
		}
		Value descriptor = b.runtime("qz_select_new", new Value.Imm(arms.size()));
		for (int i = 0; i < arms.size(); i++) {
			SelectArm arm = arms.get(i);
			List<Value> values = operands.get(i);
			if (arm instanceof RecvArm) {
				b.runtime("qz_select_recv", descriptor, values.get(0));
			} else if (arm instanceof SendArm) {
				b.runtime("qz_select_send", descriptor, values.get(0), values.get(1));
			} else if (arm instanceof TimeoutArm) {
				b.runtime("qz_select_timeout", descriptor, values.get(0));
			} else if (arm instanceof DefaultArm) {
				b.runtime("qz_select_default", descriptor);
			}
		}
		Value chosen = b.wait(WaitingOperation.SELECT, descriptor);
		int result = b.newSlot();
		b.storeSlot(result, Value.ZERO);
		String done = b.label("select.end");
		for (int i = 0; i < arms.size(); i++) {
			SelectArm arm = arms.get(i);
			String body = b.label("select.arm");
			String next = b.label("select.next");
			b.branch(b.compare("eq", chosen, new Value.Imm(i)), body, next);
			b.startBlock(body);
			if (arm instanceof RecvArm recv && recv.getBinding() != null) {
				expressions.declare(recv.getBinding(), b.runtime("qz_select_value", descriptor));
			}
			b.storeSlot(result, expressions.lowerBlock(arm.getBody()));
			b.jump(done);
			b.startBlock(next);
		}
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}
}
