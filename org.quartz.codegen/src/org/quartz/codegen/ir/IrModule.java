package org.quartz.codegen.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * The whole lowered program: functions in emission order, string literals, constant
 * words (static closures, payload-less variants) and mutable words (globals). Insertion order is kept everywhere, so the
 * printed IR is the same on every run.
 */
public final class IrModule {

	private final List<IrFunction> functions = new ArrayList<>();
	/** Global name to literal text. */
	private final Map<String, String> strings = new LinkedHashMap<>();
	private final Map<String, String> stringGlobals = new HashMap<>();
	/** Global name to its words (each a number or a function address). */
	private final Map<String, List<Value>> constants = new LinkedHashMap<>();
	/** Mutable one-word globals (module-level `var`s), zero until their initialiser runs. */
	private final Set<String> variables = new LinkedHashSet<>();
	/** C functions declared `extern "C"`, by name, with their arity. */
	private final Map<String, Integer> externs = new LinkedHashMap<>();

	public List<IrFunction> functions() {
		return functions;
	}

	/** The functions so far, by name (a snapshot: functions added later are not in it). */
	public Map<String, IrFunction> functionsByName() {
		Map<String, IrFunction> byName = new HashMap<>();
		functions.forEach(f -> byName.put(f.name(), f));
		return byName;
	}

	public Map<String, String> strings() {
		return strings;
	}

	public Map<String, List<Value>> constants() {
		return constants;
	}

	public Set<String> variables() {
		return variables;
	}

	/** The address of the mutable word {@code name}, created on first use. */
	public Value.Global variable(String name) {
		variables.add(name);
		return new Value.Global(name);
	}

	public Map<String, Integer> externs() {
		return externs;
	}

	/** The global holding {@code text}, created on first use. */
	public Value.Global string(String text) {
		String name = stringGlobals.computeIfAbsent(text, t -> {
			String fresh = "str." + strings.size();
			strings.put(fresh, t);
			return fresh;
		});
		return new Value.Global(name);
	}

	/** A constant object of words, created once per name. */
	public Value.Global constant(String name, List<Value> words) {
		constants.putIfAbsent(name, List.copyOf(words));
		return new Value.Global(name);
	}
}
