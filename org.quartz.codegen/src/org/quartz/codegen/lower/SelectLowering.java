package org.quartz.codegen.lower;

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
 * Lowers `select` in synchronous code, for {@link FunctionLowering}. Input: a select with at
 * least one arm. Output: the channel and value operands of every arm evaluated once, in source
 * order, into a runtime select descriptor (one arm per source arm, same index); the blocking
 * a {@link WaitingOperation#SELECT} picks the arm; a chain of index tests runs that arm's body, a recv arm
 * binding the received value first. The value of the chosen arm lands in a slot.
 */
final class SelectLowering {

	private final ProgramLowering program;
	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;

	SelectLowering(LoweringContext context) {
		this.program = context.program();
		this.b = context.b();
		this.expressions = context.expressions();
	}

	Value lower(SelectExpression select) {
		List<SelectArm> arms = select.getArms();
		Value descriptor = b.runtime("qz_select_new", new Value.Imm(arms.size()));
		for (SelectArm arm : arms) {
			if (arm instanceof RecvArm recv) {
				b.runtime("qz_select_recv", descriptor, expressions.lower(recv.getRecv().getChannel()));
			} else if (arm instanceof SendArm send) {
				Value channel = expressions.lower(send.getSend().getChannel());
				b.runtime("qz_select_send", descriptor, channel, expressions.lower(send.getSend().getValue()));
			} else if (arm instanceof TimeoutArm timeout) {
				b.runtime("qz_select_timeout", descriptor, expressions.lower(timeout.getMilliseconds()));
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
