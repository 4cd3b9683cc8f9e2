package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.quartz.codegen.ir.FloatOperation;
import org.quartz.codegen.ir.Instr;
import org.quartz.codegen.ir.IrFunction;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantField;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.Types;

/**
 * Equality and text of values by their static type (reference §13: automatic Eq and Show).
 *
 * Input: the fully resolved type of a use (`==`, `to_s`, interpolation, `vec_contains?`), as
 * the type checker accepted it: no bare type parameter, nothing without text printed (an
 * unbound variable, whose value nothing decides, counts as Int). Output: IR in the user's
 * builder, and, for structs, enums (Option and Result included), Vec and Map, one generated
 * function per trait and concrete type, emitted once, named from the type with its module:
 * {@code eq.Vec<main.Point>(a, b)} gives a Bool, {@code show.Vec<main.Point>(value, strbuf)}
 * appends the value's text to a StrBuf and gives 0.
 *
 * Invariants. Values are erased (a `Pair<Int, String>` has the layout of any Pair:
 * {@link ObjectLayouts}), so only the static type says how to compare or print one. Int, Bool,
 * enums without any payload (shared constants) and the types without automatic Eq (Channel,
 * Task, Mutex, Atomic, TaskGroup, StrBuf, actors, functions) compare as one word; Strings by
 * content; Floats as IEEE doubles. A nil struct, Vec or Map (a zero value) equals only nil and
 * prints as {@code nil}; a nil enum reads as all zeros (tag 0), as elsewhere. Recursive types
 * work because a function is named before its body is made. {@link #userImpl} is where a user's
 * `impl Eq` or `impl Show` takes over from the automatic functions.
 */
final class EqShowFunctions {

	/** The traits made here. */
	enum Trait {
		EQ, SHOW
	}

	private final ProgramLowering program;
	/** Names of the functions generated so far. */
	private final Set<String> generated = new HashSet<>();

	EqShowFunctions(ProgramLowering program) {
		this.program = program;
	}

	/**
	 * A user's impl: the lowered method implementing {@code trait} for {@code type}
	 * ({@code eq(self, other): Bool}, {@code to_s(self): String}), or null for the automatic one.
	 */
	private String userImpl(Type type, Trait trait) {
		FunctionDecl method = trait == Trait.EQ ? TraitCalls.userMethod(type, Traits.EQ, "eq")
				: TraitCalls.userMethod(type, Traits.SHOW, "to_s");
		return method == null ? null : program.names().function(method);
	}

	/** A function {@code (a, b) -> Bool} comparing two values of a struct or enum type, for the runtime (a Map's keys). */
	String equalityFunction(Type type) {
		Type t = Types.deepResolve(type);
		String impl = userImpl(t, Trait.EQ);
		return impl != null ? impl : function(Trait.EQ, t);
	}

	// ------------------------------------------------------------------ at a use

	/** {@code x == y} for values of {@code type}: a Bool word. */
	Value equal(IrBuilder b, Type type, Value x, Value y) {
		Type t = Types.deepResolve(type);
		String impl = userImpl(t, Trait.EQ);
		if (impl != null) {
			return b.call(impl, List.of(x, y));
		}
		if (Types.is(t, Types.FLOAT)) {
			return b.floatOp(FloatOperation.EQ, x, y);
		}
		if (Types.is(t, Types.STRING)) {
			return b.runtime("qz_str_eq", x, y);
		}
		if (comparesWords(t)) {
			return b.compare("eq", x, y);
		}
		return b.call(function(Trait.EQ, t), List.of(x, y));
	}

	/** The text of a value of {@code type} as a String (to_s, interpolation): a String is itself. */
	Value text(IrBuilder b, Type type, Value value) {
		Type t = Types.deepResolve(type);
		String impl = userImpl(t, Trait.SHOW);
		if (impl != null) {
			return b.call(impl, List.of(value));
		}
		if (Types.is(t, Types.STRING)) {
			return value;
		}
		if (Types.is(t, Types.BOOL)) {
			return b.runtime("qz_bool_to_s", value);
		}
		if (Types.is(t, Types.FLOAT)) {
			return b.runtime("qz_float_to_s", value);
		}
		if (!isStructural(t)) {
			return b.runtime("qz_int_to_s", value);
		}
		Value buffer = b.runtime("qz_strbuf_new");
		b.call(function(Trait.SHOW, t), List.of(value, buffer));
		return b.runtime("qz_strbuf_to_s", buffer);
	}

	/** {@code vec_contains?(vec, x)} with the elements' equality. */
	Value contains(IrBuilder b, Type element, Value vec, Value x) {
		Type t = Types.deepResolve(element);
		if (Types.is(t, Types.STRING) && userImpl(t, Trait.EQ) == null) {
			return b.runtime("qz_vec_contains_str", vec, x);
		}
		if (comparesWords(t)) {
			return b.runtime("qz_vec_contains_int", vec, x);
		}
		String name = "contains." + name(t);
		if (generated.add(name)) {
			IrBuilder f = newFunction(name);
			Value v = new Value.Param(0);
			CountedLoop loop = new CountedLoop(f, f.vecSize(v));
			String found = f.label("found");
			f.branch(equal(f, t, f.vecGet(v, loop.index()), new Value.Param(1)), found, loop.step());
			loop.close();
			f.ret(Value.ZERO);
			f.startBlock(found);
			f.ret(Value.ONE);
		}
		return b.call(name, List.of(vec, x));
	}

	/** Whether `==` on {@code t} is one word compared: Int, Bool, unit-only enums, identity. */
	private boolean comparesWords(Type t) {
		return userImpl(t, Trait.EQ) == null && !Types.is(t, Types.FLOAT) && !Types.is(t, Types.STRING)
				&& (!isStructural(t) || t instanceof Type.Named named && named.declaration() instanceof EnumDecl e
						&& e.getVariants().stream().allMatch(v -> v.getFields().isEmpty()));
	}

	/** Structs, enums, Vec and Map: compared and printed through their components. */
	private static boolean isStructural(Type t) {
		return t instanceof Type.Named named && (named.isBuiltin(Types.VEC) || named.isBuiltin(Types.MAP)
				|| named.declaration() instanceof StructDecl || named.declaration() instanceof EnumDecl);
	}

	/** Appends the text of {@code value} inside another value's: a String quoted and escaped. */
	private void appendText(IrBuilder b, Type t, Value value, Value buffer) {
		String impl = userImpl(t, Trait.SHOW);
		if (impl != null) {
			b.runtime("qz_strbuf_append", buffer, b.call(impl, List.of(value)));
		} else if (Types.is(t, Types.STRING)) {
			b.runtime("qz_strbuf_append_quoted", buffer, value);
		} else if (Types.is(t, Types.BOOL) || Types.is(t, Types.FLOAT)) {
			b.runtime("qz_strbuf_append", buffer, text(b, t, value));
		} else if (isStructural(t)) {
			b.call(function(Trait.SHOW, t), List.of(value, buffer));
		} else {
			b.runtime("qz_strbuf_append_int", buffer, value);
		}
	}

	private void append(IrBuilder b, Value buffer, String text) {
		if (!text.isEmpty()) {
			b.runtime("qz_strbuf_append", buffer, program.module().string(text));
		}
	}

	// ------------------------------------------------------------------ generated functions

	/** The name of {@code trait}'s function for {@code t}, generating it the first time. */
	private String function(Trait trait, Type t) {
		String name = (trait == Trait.EQ ? "eq." : "show.") + name(t);
		if (!generated.add(name)) {
			return name;
		}
		IrBuilder f = newFunction(name);
		Type.Named named = (Type.Named) t;
		if (named.isBuiltin(Types.VEC)) {
			if (trait == Trait.EQ) {
				equalVecs(f, named.arguments().get(0));
			} else {
				showVec(f, named.arguments().get(0));
			}
		} else if (named.isBuiltin(Types.MAP)) {
			if (trait == Trait.EQ) {
				equalMaps(f, named.arguments().get(1));
			} else {
				showMap(f, named.arguments().get(0), named.arguments().get(1));
			}
		} else if (named.declaration() instanceof StructDecl struct) {
			List<Type> fields = new ArrayList<>();
			struct.getFields().forEach(field -> fields.add(program.types().componentType(named, field.getType())));
			if (trait == Trait.EQ) {
				equalStructs(f, fields);
			} else {
				showStruct(f, struct, fields);
			}
		} else {
			if (trait == Trait.EQ) {
				equalEnums(f, named);
			} else {
				showEnum(f, named);
			}
		}
		return name;
	}

	private IrBuilder newFunction(String name) {
		IrFunction function = new IrFunction(name, 2);
		program.module().functions().add(function);
		return new IrBuilder(function);
	}

	/** {@code Vec<main.Point>}, {@code Map<String,Option<Int>>}: the type with user types' modules, without spaces. */
	private String name(Type t) {
		if (t instanceof Type.Named named) {
			String base = named.builtin() ? named.name()
					: program.names().moduleOf(named.declaration().eResource()) + "." + named.name();
			return named.arguments().isEmpty() ? base
					: base + named.arguments().stream().map(this::name).collect(Collectors.joining(",", "<", ">"));
		}
		if (t instanceof Type.Fn fn) {
			return fn.parameters().stream().map(this::name).collect(Collectors.joining(",", "Fn(", "):")) + name(fn.result());
		}
		return t instanceof Type.Var ? Types.INT : t.toString();
	}

	/** Returns {@code x == y} when either is nil (a zero value), else goes on. */
	private static void equalWhenNil(IrBuilder f, Value x, Value y) {
		String nil = f.label("nil");
		String values = f.label("values");
		Value either = f.binary("or", f.compare("eq", x, Value.ZERO), f.compare("eq", y, Value.ZERO));
		f.branch(either, nil, values);
		f.startBlock(nil);
		f.ret(f.compare("eq", x, y));
		f.startBlock(values);
	}

	/** Goes on when {@code equal}, else returns false. */
	private static void orReturnFalse(IrBuilder f, Value equal) {
		String same = f.label("same");
		String differ = f.label("differ");
		f.branch(equal, same, differ);
		f.startBlock(differ);
		f.ret(Value.ZERO);
		f.startBlock(same);
	}

	private void equalVecs(IrBuilder f, Type element) {
		Value x = new Value.Param(0);
		Value y = new Value.Param(1);
		equalWhenNil(f, x, y);
		Value size = f.vecSize(x);
		orReturnFalse(f, f.compare("eq", size, f.vecSize(y)));
		CountedLoop loop = new CountedLoop(f, size);
		orReturnFalse(f, equal(f, element, f.vecGet(x, loop.index()), f.vecGet(y, loop.index())));
		loop.close();
		f.ret(Value.ONE);
	}

	/** Same size, and every key of x is in y with an equal value (in any order). */
	private void equalMaps(IrBuilder f, Type value) {
		Value x = new Value.Param(0);
		Value y = new Value.Param(1);
		equalWhenNil(f, x, y);
		Value size = f.runtime("qz_map_size", x);
		orReturnFalse(f, f.compare("eq", size, f.runtime("qz_map_size", y)));
		Value keys = f.runtime("qz_map_keys", x);
		Value values = f.runtime("qz_map_values", x);
		CountedLoop loop = new CountedLoop(f, size);
		Value other = f.runtime("qz_map_lookup", y, f.vecGet(keys, loop.index()));
		orReturnFalse(f, f.runtime("qz_map_found"));
		orReturnFalse(f, equal(f, value, f.vecGet(values, loop.index()), other));
		loop.close();
		f.ret(Value.ONE);
	}

	private void equalStructs(IrBuilder f, List<Type> fields) {
		Value x = new Value.Param(0);
		Value y = new Value.Param(1);
		equalWhenNil(f, x, y);
		for (int i = 0; i < fields.size(); i++) {
			orReturnFalse(f, equal(f, fields.get(i), f.load(x, i), f.load(y, i)));
		}
		f.ret(Value.ONE);
	}

	/** Same tag, then the variant's payloads. */
	private void equalEnums(IrBuilder f, Type.Named type) {
		EnumDecl enumDecl = (EnumDecl) type.declaration();
		Value x = orZeros(f, new Value.Param(0), enumDecl);
		Value y = orZeros(f, new Value.Param(1), enumDecl);
		Value tag = f.load(x, ObjectLayouts.ENUM_TAG);
		orReturnFalse(f, f.compare("eq", tag, f.load(y, ObjectLayouts.ENUM_TAG)));
		eachVariant(f, tag, enumDecl, variant -> {
			List<VariantField> payload = variant.getFields();
			for (int i = 0; i < payload.size(); i++) {
				Type field = program.types().componentType(type, payload.get(i).getType());
				orReturnFalse(f, equal(f, field, f.load(x, ObjectLayouts.ENUM_PAYLOAD + i),
						f.load(y, ObjectLayouts.ENUM_PAYLOAD + i)));
			}
			f.ret(Value.ONE);
		});
	}

	/** {@code value}, or for nil a shared block of zeros: a nil enum reads as tag 0 with a zero payload. */
	private Value orZeros(IrBuilder f, Value value, EnumDecl enumDecl) {
		int words = ObjectLayouts.ENUM_PAYLOAD
				+ enumDecl.getVariants().stream().mapToInt(v -> v.getFields().size()).max().orElse(0);
		Value zeros = program.module().constant("enum.zeros." + words, Collections.nCopies(words, Value.ZERO));
		int slot = f.newSlot();
		f.storeSlot(slot, value);
		String nil = f.label("nil");
		String done = f.label("nonnil");
		f.branch(f.compare("eq", value, Value.ZERO), nil, done);
		f.startBlock(nil);
		f.storeSlot(slot, zeros);
		f.jump(done);
		f.startBlock(done);
		return f.loadSlot(slot);
	}

	/** A switch on {@code tag} to one block per variant, each made by {@code body} (which must end it). */
	private static void eachVariant(IrBuilder f, Value tag, EnumDecl enumDecl, Consumer<Variant> body) {
		List<String> labels = new ArrayList<>();
		enumDecl.getVariants().forEach(v -> labels.add(f.label("variant")));
		String bad = f.label("bad.tag");
		f.emit(new Instr.Switch(tag, labels, bad));
		for (int i = 0; i < labels.size(); i++) {
			f.startBlock(labels.get(i));
			body.accept(enumDecl.getVariants().get(i));
		}
		f.startBlock(bad);
		f.emit(new Instr.Unreachable());
	}

	/** {@code nil} for a nil value (a zero value), else goes on. */
	private void showNil(IrBuilder f, Value value, Value buffer) {
		String nil = f.label("nil");
		String values = f.label("value");
		f.branch(f.compare("eq", value, Value.ZERO), nil, values);
		f.startBlock(nil);
		append(f, buffer, "nil");
		f.ret(Value.ZERO);
		f.startBlock(values);
	}

	/** Appends {@code separator} before every element but the first. */
	private void separate(IrBuilder f, Value index, Value buffer, String separator) {
		String first = f.label("first");
		String other = f.label("other");
		f.branch(f.compare("eq", index, Value.ZERO), first, other);
		f.startBlock(other);
		append(f, buffer, separator);
		f.jump(first);
		f.startBlock(first);
	}

	/** {@code [1, 2]}. */
	private void showVec(IrBuilder f, Type element) {
		Value vec = new Value.Param(0);
		Value buffer = new Value.Param(1);
		showNil(f, vec, buffer);
		append(f, buffer, "[");
		CountedLoop loop = new CountedLoop(f, f.vecSize(vec));
		separate(f, loop.index(), buffer, ", ");
		appendText(f, element, f.vecGet(vec, loop.index()), buffer);
		loop.close();
		append(f, buffer, "]");
		f.ret(Value.ZERO);
	}

	/** {@code {1 => "a", 2 => "b"}}, in the Map's order (insertion). */
	private void showMap(IrBuilder f, Type key, Type value) {
		Value map = new Value.Param(0);
		Value buffer = new Value.Param(1);
		showNil(f, map, buffer);
		append(f, buffer, "{");
		Value keys = f.runtime("qz_map_keys", map);
		Value values = f.runtime("qz_map_values", map);
		CountedLoop loop = new CountedLoop(f, f.vecSize(keys));
		separate(f, loop.index(), buffer, ", ");
		appendText(f, key, f.vecGet(keys, loop.index()), buffer);
		append(f, buffer, " => ");
		appendText(f, value, f.vecGet(values, loop.index()), buffer);
		loop.close();
		append(f, buffer, "}");
		f.ret(Value.ZERO);
	}

	/** {@code Point(x: 1, y: 2)}: the struct's name, without its type arguments. */
	private void showStruct(IrBuilder f, StructDecl struct, List<Type> fields) {
		Value object = new Value.Param(0);
		Value buffer = new Value.Param(1);
		showNil(f, object, buffer);
		List<Field> declared = struct.getFields();
		for (int i = 0; i < fields.size(); i++) {
			append(f, buffer, (i == 0 ? struct.getName() + "(" : ", ") + declared.get(i).getName() + ": ");
			appendText(f, fields.get(i), f.load(object, i), buffer);
		}
		append(f, buffer, fields.isEmpty() ? struct.getName() + "()" : ")");
		f.ret(Value.ZERO);
	}

	/** {@code Red}, {@code Circle(3)}, {@code Some("a")}: the payload positional, as constructors take it. */
	private void showEnum(IrBuilder f, Type.Named type) {
		EnumDecl enumDecl = (EnumDecl) type.declaration();
		Value buffer = new Value.Param(1);
		if (enumDecl.getVariants().isEmpty()) {
			append(f, buffer, "nil");   // an enum without variants has only its zero value
			f.ret(Value.ZERO);
			return;
		}
		Value value = orZeros(f, new Value.Param(0), enumDecl);
		eachVariant(f, f.load(value, ObjectLayouts.ENUM_TAG), enumDecl, variant -> {
			List<VariantField> payload = variant.getFields();
			append(f, buffer, variant.getName() + (payload.isEmpty() ? "" : "("));
			for (int i = 0; i < payload.size(); i++) {
				append(f, buffer, i == 0 ? "" : ", ");
				appendText(f, program.types().componentType(type, payload.get(i).getType()),
						f.load(value, ObjectLayouts.ENUM_PAYLOAD + i), buffer);
			}
			append(f, buffer, payload.isEmpty() ? "" : ")");
			f.ret(Value.ZERO);
		});
	}
}
