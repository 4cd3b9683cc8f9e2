package org.quartz.codegen.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that IR is well formed, between passes (the tests turn it on: IrGenerator). A function
 * has blocks with unique labels, the first named {@code entry}; each block is non-empty and ends
 * in its only terminator; branches go to labels of the function; every temporary is defined
 * once and used only where it was defined earlier in the same block or in another block;
 * parameters and slots are in range; the cancelled exit, when recorded, is a block. After task
 * creation is resolved, no {@link Instr.NewTask} or {@link Value.FrameConstructor} is left.
 */
public final class IrVerifier {

	/** How far lowering has gone: what may still appear. */
	public enum Stage {
		LOWERED, TASKS_RESOLVED
	}

	private final List<String> problems = new ArrayList<>();

	private IrVerifier() {
	}

	/** Throws IllegalStateException listing every problem of the module at that stage. */
	public static void verify(IrModule module, Stage stage) {
		IrVerifier verifier = new IrVerifier();
		Set<String> names = new HashSet<>();
		for (IrFunction function : module.functions()) {
			if (!names.add(function.name())) {
				verifier.problems.add("function " + function.name() + " defined twice");
			}
			verifier.function(function, stage);
		}
		if (stage == Stage.TASKS_RESOLVED) {
			module.constants().forEach((name, words) -> words.forEach(w -> {
				if (w instanceof Value.FrameConstructor) {
					verifier.problems.add("constant " + name + ": unresolved " + w);
				}
			}));
		}
		if (!verifier.problems.isEmpty()) {
			throw new IllegalStateException("invalid IR:\n  " + String.join("\n  ", verifier.problems));
		}
	}

	private void function(IrFunction function, Stage stage) {
		String f = function.name();
		Set<String> labels = new HashSet<>();
		for (IrBlock block : function.blocks()) {
			if (!labels.add(block.label())) {
				problems.add(f + ": label " + block.label() + " used twice");
			}
		}
		if (function.blocks().isEmpty() || !function.blocks().get(0).label().equals("entry")) {
			problems.add(f + ": the first block is not 'entry'");
		}
		if (function.cancelledExit() != null && !labels.contains(function.cancelledExit())) {
			problems.add(f + ": cancelled exit " + function.cancelledExit() + " is not a block");
		}
		Map<Integer, String> definedIn = new HashMap<>();
		for (IrBlock block : function.blocks()) {
			for (Instr instruction : block.instructions()) {
				Value.Temp dst = destination(instruction);
				if (dst != null && definedIn.put(dst.id(), block.label()) != null) {
					problems.add(f + ": %t" + dst.id() + " defined twice");
				}
			}
		}
		for (IrBlock block : function.blocks()) {
			String at = f + "/" + block.label();
			List<Instr> instructions = block.instructions();
			if (instructions.isEmpty() || !instructions.get(instructions.size() - 1).isTerminator()) {
				problems.add(at + ": does not end in a terminator");
			}
			Set<Integer> definedHere = new HashSet<>();
			for (int i = 0; i < instructions.size(); i++) {
				Instr instruction = instructions.get(i);
				if (instruction.isTerminator() && i < instructions.size() - 1) {
					problems.add(at + ": terminator before the end: " + instruction);
				}
				for (Value operand : operands(instruction)) {
					value(at, operand, function, definedIn, definedHere, block.label(), stage);
				}
				for (String target : targets(instruction)) {
					if (!labels.contains(target)) {
						problems.add(at + ": branch to unknown label " + target);
					}
				}
				if (instruction instanceof Instr.LoadSlot load && load.slot() >= function.slotCount()
						|| instruction instanceof Instr.StoreSlot store && store.slot() >= function.slotCount()) {
					problems.add(at + ": slot out of range in " + instruction);
				}
				if (stage == Stage.TASKS_RESOLVED && instruction instanceof Instr.NewTask) {
					problems.add(at + ": unresolved " + instruction);
				}
				Value.Temp dst = destination(instruction);
				if (dst != null) {
					definedHere.add(dst.id());
				}
			}
		}
	}

	private void value(String at, Value operand, IrFunction function, Map<Integer, String> definedIn,
			Set<Integer> definedHere, String block, Stage stage) {
		if (operand instanceof Value.Temp t) {
			String home = definedIn.get(t.id());
			if (home == null) {
				problems.add(at + ": %t" + t.id() + " is never defined");
			} else if (home.equals(block) && !definedHere.contains(t.id())) {
				problems.add(at + ": %t" + t.id() + " used before its definition");
			}
		} else if (operand instanceof Value.Param p && (p.index() < 0 || p.index() >= function.parameterCount())) {
			problems.add(at + ": parameter %p" + p.index() + " out of range");
		} else if (operand instanceof Value.FrameConstructor && stage == Stage.TASKS_RESOLVED) {
			problems.add(at + ": unresolved " + operand);
		}
	}

	/** The temporary an instruction defines, or null. */
	public static Value.Temp destination(Instr instruction) {
		if (instruction instanceof Instr.Binary i) {
			return i.dst();
		} else if (instruction instanceof Instr.Compare i) {
			return i.dst();
		} else if (instruction instanceof Instr.FloatOp i) {
			return i.dst();
		} else if (instruction instanceof Instr.Call i) {
			return i.dst();
		} else if (instruction instanceof Instr.CallIndirect i) {
			return i.dst();
		} else if (instruction instanceof Instr.CallClosure i) {
			return i.dst();
		} else if (instruction instanceof Instr.Wait i) {
			return i.dst();
		} else if (instruction instanceof Instr.NewTask i) {
			return i.dst();
		} else if (instruction instanceof Instr.LoadSlot i) {
			return i.dst();
		} else if (instruction instanceof Instr.Load i) {
			return i.dst();
		} else if (instruction instanceof Instr.LoadByte i) {
			return i.dst();
		}
		return null;
	}

	/** The values an instruction reads, in order. */
	public static List<Value> operands(Instr instruction) {
		List<Value> all = new ArrayList<>();
		if (instruction instanceof Instr.Binary i) {
			all.addAll(List.of(i.a(), i.b()));
		} else if (instruction instanceof Instr.Compare i) {
			all.addAll(List.of(i.a(), i.b()));
		} else if (instruction instanceof Instr.FloatOp i) {
			all.addAll(i.operands());
		} else if (instruction instanceof Instr.Call i) {
			all.addAll(i.arguments());
		} else if (instruction instanceof Instr.CallIndirect i) {
			all.add(i.function());
			all.addAll(i.arguments());
		} else if (instruction instanceof Instr.CallClosure i) {
			all.add(i.closure());
			all.addAll(i.arguments());
		} else if (instruction instanceof Instr.Wait i) {
			all.addAll(i.arguments());
		} else if (instruction instanceof Instr.NewTask i) {
			all.addAll(i.arguments());
		} else if (instruction instanceof Instr.StoreSlot i) {
			all.add(i.value());
		} else if (instruction instanceof Instr.Load i) {
			all.add(i.object());
		} else if (instruction instanceof Instr.LoadByte i) {
			all.add(i.address());
		} else if (instruction instanceof Instr.Store i) {
			all.addAll(List.of(i.object(), i.value()));
		} else if (instruction instanceof Instr.StoreByte i) {
			all.addAll(List.of(i.address(), i.value()));
		} else if (instruction instanceof Instr.Branch i) {
			all.add(i.condition());
		} else if (instruction instanceof Instr.Switch i) {
			all.add(i.value());
		} else if (instruction instanceof Instr.Return i) {
			all.add(i.value());
		}
		return all;
	}

	/** The labels a terminator may go to. */
	public static List<String> targets(Instr instruction) {
		if (instruction instanceof Instr.Jump i) {
			return List.of(i.target());
		} else if (instruction instanceof Instr.Branch i) {
			return List.of(i.ifTrue(), i.ifFalse());
		} else if (instruction instanceof Instr.Switch i) {
			List<String> all = new ArrayList<>(i.cases());
			all.add(i.otherwise());
			return all;
		}
		return List.of();
	}
}
