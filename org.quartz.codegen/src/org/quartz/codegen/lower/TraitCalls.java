package org.quartz.codegen.lower;

import java.util.List;

import org.quartz.codegen.ir.FloatOperation;
import org.quartz.codegen.ir.Value;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;

/**
 * Lowers calls of trait methods whose impl depends on the receiver's type
 * ({@link CallTarget.TraitMethod}) and the operators that go through a user's impl.
 *
 * Input: the call's receiver type, concrete: this runs in the instance of a bounded function
 * ({@link ProgramLowering#functionSymbol}), whose types are substituted, or on a concrete type
 * that has a prelude trait without an impl. Output: a direct call of the impl's method
 * (`module.Type.Trait.method`), or, for a prelude trait without an impl, the built-in
 * operation inline or in the runtime: Eq compares, Ord gives -1, 0 or 1, Hash mixes an Int's
 * bits or hashes a String's bytes, Show converts. A user's impl always comes first.
 */
final class TraitCalls {

	/** Fibonacci hashing's multiplier (2^64 / golden ratio): spreads small or strided Ints over all bits. */
	private static final long HASH_MULTIPLIER = 0x9E3779B97F4A7C15L;

	private final LoweringContext context;
	private final IrBuilder b;

	TraitCalls(LoweringContext context) {
		this.context = context;
		this.b = context.b();
	}

	Value call(CallTarget.TraitMethod call, List<Value> arguments) {
		Type receiver = context.expressions().typeOf(call.arguments().get(0));
		FunctionDecl method = call.method();
		TraitDecl trait = Traits.traitOf(method);
		FunctionDecl impl = userMethod(receiver, trait, method.getName());
		if (impl != null) {
			return b.call(context.program().names().function(impl), arguments);
		}
		if (!Traits.isBuiltin(trait)) {
			throw new IllegalStateException(receiver + " has no impl of " + trait.getName());
		}
		return switch (trait.getName()) {
			case Traits.EQ -> equal(receiver, arguments.get(0), arguments.get(1));
			case Traits.ORD -> cmp(receiver, arguments.get(0), arguments.get(1));
			case Traits.HASH -> hash(receiver, arguments.get(0));
			default -> context.program().eqShow().text(b, receiver, arguments.get(0));
		};
	}

	/** The method of the impl of {@code trait} for {@code type}, or null when it has none (a type parameter, a function type...). */
	static FunctionDecl userMethod(Type type, TraitDecl trait, String method) {
		if (trait == null || !(Types.resolve(type) instanceof Type.Named named)) {
			return null;
		}
		ImplDecl impl = Traits.implFor(trait, named);
		return impl == null ? null : Traits.method(impl, method);
	}

	/** The user's impl of the prelude trait {@code traitName} for {@code type}: its method, or null. */
	static FunctionDecl userMethod(Type type, String traitName, String method) {
		return Types.resolve(type) instanceof Type.Named named && named.declaration() != null
				? userMethod(type, Traits.builtin(named.declaration(), traitName), method)
				: null;
	}

	/** Whether `<` and friends on {@code type} call a user's cmp. */
	boolean hasUserOrd(Type type) {
		return userMethod(type, Traits.ORD, "cmp") != null;
	}

	/** `a.cmp(b)` through the user's impl, or -1, 0 or 1 for an Int, Bool, Float or String. */
	Value cmp(Type type, Value left, Value right) {
		FunctionDecl impl = userMethod(type, Traits.ORD, "cmp");
		if (impl != null) {
			return b.call(context.program().names().function(impl), List.of(left, right));
		}
		if (Types.is(type, Types.STRING)) {
			Value order = b.runtime("qz_str_cmp", left, right);
			return b.binary("sub", b.compare("sgt", order, Value.ZERO), b.compare("slt", order, Value.ZERO));
		}
		if (Types.is(type, Types.FLOAT)) {
			return b.binary("sub", b.floatOp(FloatOperation.GT, left, right), b.floatOp(FloatOperation.LT, left, right));
		}
		return b.binary("sub", b.compare("sgt", left, right), b.compare("slt", left, right));
	}

	/** `a == b`: through a user's impl of Eq, else the automatic equality (EqShowFunctions). */
	Value equal(Type type, Value left, Value right) {
		return context.program().eqShow().equal(b, type, left, right);
	}

	/** `a.hash` without an impl: a String's content hash; an Int's (a Bool's, a Float's bits with -0.0 as 0.0) mixed. */
	Value hash(Type type, Value value) {
		if (Types.is(type, Types.STRING)) {
			return b.runtime("qz_str_hash", value);
		}
		Value bits = Types.is(type, Types.FLOAT) ? b.floatOp(FloatOperation.ADD, value, Value.ofFloat(0.0)) : value;
		Value folded = b.binary("xor", bits, b.binary("lshr", bits, new Value.Imm(32)));
		Value mixed = b.binary("mul", folded, new Value.Imm(HASH_MULTIPLIER));
		return b.binary("xor", mixed, b.binary("lshr", mixed, new Value.Imm(29)));
	}
}
