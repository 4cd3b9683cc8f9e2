package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quartz.codegen.RuntimeAbi;
import org.quartz.codegen.ir.FloatOperation;
import org.quartz.codegen.ir.HeapRegion;
import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrBlock;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.codegen.ir.WaitingOperation;

/**
 * Appends instructions to the current block of one {@link IrFunction}. After a terminator,
 * the next instruction opens a fresh block (code after `return` or a panic is unreachable but
 * must still be well-formed).
 */
final class IrBuilder {

	private final IrFunction function;
	private IrBlock current;
	private int labelCount;
	/** Results of qz_alloc: never nil. */
	private final Set<Value> allocated = new HashSet<>();

	IrBuilder(IrFunction function) {
		this.function = function;
		this.current = new IrBlock("entry");
		function.blocks().add(current);
	}

	/** A new label, unique in the function: {@code prefix.N}. */
	String label(String prefix) {
		return prefix + "." + labelCount++;
	}

	/** Starts emitting into a new block with that label. */
	void startBlock(String label) {
		current = new IrBlock(label);
		function.blocks().add(current);
	}

	boolean isTerminated() {
		return current.isTerminated();
	}

	void emit(Instr instruction) {
		if (current.isTerminated()) {
			startBlock(label("dead"));
		}
		current.instructions().add(instruction);
	}

	int newSlot() {
		return function.newSlot();
	}

	Value.Temp binary(String op, Value a, Value b) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.Binary(dst, op, a, b));
		return dst;
	}

	Value.Temp compare(String predicate, Value a, Value b) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.Compare(dst, predicate, a, b));
		return dst;
	}

	Value.Temp floatOp(FloatOperation operation, Value... operands) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.FloatOp(dst, operation, List.of(operands)));
		return dst;
	}

	/** {@code vec[i]}, bounds-checked inline (a negative index is a large unsigned one). */
	Value vecGet(Value vec, Value index) {
		return load(vecElement(vec, index), 0, HeapRegion.VEC_ELEMENT);
	}

	/** {@code vec[i] = x}, bounds-checked inline. */
	void vecSet(Value vec, Value index, Value x) {
		emit(new Instr.Store(vecElement(vec, index), 0, x, HeapRegion.VEC_ELEMENT));
	}

	/**
	 * {@code str_byte_at(s, i)}, bounds-checked inline: a nil String reads as "" (quartz_rt.h),
	 * so every index into it is out of bounds.
	 */
	Value strByteAt(Value string, Value index) {
		String notNil = label("string.ok");
		String nil = label("string.nil");
		branch(compare("ne", string, Value.ZERO), notNil, nil);
		startBlock(nil);
		runtime("qz_panic_index", index, Value.ZERO);
		startBlock(notNil);
		checkIndex(index, load(string, ObjectLayouts.STRING_LEN, HeapRegion.STRING_HEADER));
		Value address = binary("add", string, binary("add", index, new Value.Imm(ObjectLayouts.STRING_BYTES)));
		Value.Temp dst = function.newTemp();
		emit(new Instr.LoadByte(dst, address));
		return dst;
	}

	/**
	 * {@code b.append_byte(x)} on a StrBuf known not to be nil: inline when the byte is in 0..255
	 * and fits in the buffer; the runtime otherwise (growing, the panic for a bad byte).
	 */
	void strbufAppendByte(Value builder, Value value) {
		String loadRoom = label("strbuf.room");
		String fits = label("strbuf.fits");
		String slow = label("strbuf.grow");
		String done = label("strbuf.done");
		branch(compare("ult", value, new Value.Imm(256)), loadRoom, slow);
		startBlock(loadRoom);
		Value len = load(builder, ObjectLayouts.STRBUF_LEN, HeapRegion.STRBUF_HEADER);
		Value cap = load(builder, ObjectLayouts.STRBUF_CAP, HeapRegion.STRBUF_HEADER);
		branch(compare("slt", len, cap), fits, slow);
		startBlock(fits);
		Value bytes = load(builder, ObjectLayouts.STRBUF_BYTES, HeapRegion.STRBUF_HEADER);
		emit(new Instr.StoreByte(binary("add", bytes, len), value, HeapRegion.STRBUF_BYTES));
		emit(new Instr.Store(builder, ObjectLayouts.STRBUF_LEN, binary("add", len, Value.ONE), HeapRegion.STRBUF_HEADER));
		jump(done);
		startBlock(slow);
		runtime("qz_strbuf_append_byte", builder, value);
		jump(done);
		startBlock(done);
	}

	Value vecSize(Value vec) {
		return load(vec, ObjectLayouts.VEC_LEN, HeapRegion.VEC_HEADER);
	}

	/** The address of element {@code index}, after panicking when it is out of bounds. */
	private Value vecElement(Value vec, Value index) {
		checkIndex(index, vecSize(vec));
		Value data = load(vec, ObjectLayouts.VEC_DATA, HeapRegion.VEC_HEADER);
		return binary("add", data, binary("shl", index, new Value.Imm(3)));
	}

	/** Panics unless 0 <= index < size (a negative index is a large unsigned one); goes on in a new block. */
	private void checkIndex(Value index, Value size) {
		String inBounds = label("index.ok");
		String outOfBounds = label("index.bad");
		branch(compare("ult", index, size), inBounds, outOfBounds);
		startBlock(outOfBounds);
		runtime("qz_panic_index", index, size);
		startBlock(inBounds);
	}

	Value load(Value object, int index) {
		return load(object, index, HeapRegion.ANY);
	}

	private Value load(Value object, int index, HeapRegion region) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.Load(dst, object, index, region));
		return dst;
	}

	void store(Value object, int index, Value value) {
		emit(new Instr.Store(object, index, value));
	}

	Value loadSlot(int slot) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.LoadSlot(dst, slot));
		return dst;
	}

	void storeSlot(int slot, Value value) {
		emit(new Instr.StoreSlot(slot, value));
	}

	/** Calls a runtime function (see {@link RuntimeAbi}); yields 0 for a void one. */
	Value runtime(String name, Value... arguments) {
		RuntimeAbi.Function abi = RuntimeAbi.get(name);
		if (abi.arity() != arguments.length) {
			throw new IllegalStateException(name + " takes " + abi.arity() + " arguments, got " + arguments.length);
		}
		return switch (abi.result()) {
			case VALUE -> call(name, Arrays.asList(arguments));
			case VOID -> {
				emit(new Instr.Call(null, name, List.of(arguments)));
				yield Value.ZERO;
			}
			case NORETURN -> {
				emit(new Instr.Call(null, name, List.of(arguments)));
				emit(new Instr.Unreachable());
				yield Value.ZERO;
			}
		};
	}

	/** Calls a generated function by name. */
	Value call(String name, List<Value> arguments) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.Call(dst, name, new ArrayList<>(arguments)));
		return dst;
	}

	Value callIndirect(Value target, List<Value> arguments) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.CallIndirect(dst, target, new ArrayList<>(arguments)));
		return dst;
	}

	/** A call of a function value (the closure's own function, with the closure first). */
	Value callClosure(Value closure, List<Value> arguments) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.CallClosure(dst, closure, new ArrayList<>(arguments)));
		return dst;
	}

	/** An operation that can wait; yields 0 when it has no result. */
	Value wait(WaitingOperation operation, Value... arguments) {
		RuntimeAbi.Function abi = RuntimeAbi.get(operation.blockingForm());
		if (abi.arity() != arguments.length) {
			throw new IllegalStateException(operation + " takes " + abi.arity() + " arguments, got " + arguments.length);
		}
		Value.Temp dst = operation.hasResult() ? function.newTemp() : null;
		emit(new Instr.Wait(dst, operation, List.of(arguments)));
		return dst == null ? Value.ZERO : dst;
	}

	/** A new, unstarted task of the generated function {@code name} (see {@link Instr.NewTask}). */
	Value newTask(String name, List<Value> arguments) {
		Value.Temp dst = function.newTemp();
		emit(new Instr.NewTask(dst, name, new ArrayList<>(arguments)));
		return dst;
	}

	/** Records the current block's label as the function's cancelled exit. */
	void markCancelledExit(String label) {
		function.setCancelledExit(label);
	}

	void jump(String label) {
		emit(new Instr.Jump(label));
	}

	void branch(Value condition, String ifTrue, String ifFalse) {
		emit(new Instr.Branch(condition, ifTrue, ifFalse));
	}

	void ret(Value value) {
		emit(new Instr.Return(value));
	}

	/** A heap object of {@code words} zeroed words. */
	Value allocate(int words) {
		Value object = runtime("qz_alloc", new Value.Imm(8L * words));
		allocated.add(object);
		return object;
	}

	/** Whether value is an object {@link #allocate} made (so it is not nil). */
	boolean isAllocated(Value value) {
		return allocated.contains(value);
	}
}
