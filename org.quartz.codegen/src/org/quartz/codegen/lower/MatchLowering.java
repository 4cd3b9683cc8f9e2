package org.quartz.codegen.lower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.EcoreUtil2;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.codegen.ir.Value;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.AlternativePattern;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.LiteralPattern;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.MatchExpression;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.Pattern;
import org.quartz.lang.quartz.StringLiteral;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantPattern;
import org.quartz.lang.quartz.WildcardPattern;
import org.quartz.lang.scoping.PatternNames;
import org.quartz.lang.typing.CallTarget;

/**
 * Lowers `match`, for {@link FunctionLowering}. Input: a match whose arms passed the
 * exhaustiveness check. Output: a chain of tests, one block per arm, in source order; the
 * first arm whose pattern matches binds its names and runs; the value lands in a slot. No arm
 * matching is unreachable after the check, and panics (`no match arm matched`) if it happens.
 * Enum values are {tag, payload...}; a null Option or Result (a zero value) has tag 0.
 * A constant's name compares with its value. An arm whose pattern has an alternative `a | b`
 * that binds names declares them before its test and binds each while testing, on the path
 * where it matched, into the name's first binding in source order (the one the arm's body
 * refers to: every alternative binds the same names).
 */
final class MatchLowering {

	private final ProgramLowering program;
	private final IrBuilder b;
	private final LoweringContext.Expressions expressions;
	/** The arm being lowered binds while testing (see above), into these; null: after its test. */
	private Map<String, BindingPattern> bindWhileTesting;

	MatchLowering(LoweringContext context) {
		this.program = context.program();
		this.b = context.b();
		this.expressions = context.expressions();
	}

	Value lower(MatchExpression match) {
		CallTarget.Function lookup = unboxedMapGet(match);
		if (lookup != null) {
			return lowerMapGet(match, lookup);
		}
		Value subject = expressions.lower(match.getSubject());
		return lowerArms(match, new ArmLowering() {
			@Override
			public void test(Pattern pattern, String body, String next) {
				bindWhileTesting = bindsInAlternatives(pattern) ? firstBindings(pattern) : null;
				if (bindWhileTesting != null) {
					bindWhileTesting.values().forEach(name -> expressions.declare(name, Value.ZERO));
				}
				testPattern(pattern, subject, body, next);
			}

			@Override
			public void bind(Pattern pattern) {
				if (bindWhileTesting == null) {
					bindPattern(pattern, subject);
				}
			}
		});
	}

	/** How one form of match tests an arm's pattern and binds its names. */
	private interface ArmLowering {
		/** Branches to {@code body} when the pattern matches, else to {@code next}. */
		void test(Pattern pattern, String body, String next);

		/** At the start of the arm's body. */
		void bind(Pattern pattern);
	}

	/** The arms in source order, each tested, bound and run; the chosen arm's value lands in a slot. */
	private Value lowerArms(MatchExpression match, ArmLowering arms) {
		int result = b.newSlot();
		b.storeSlot(result, Value.ZERO);
		String done = b.label("match.end");
		for (MatchArm arm : match.getArms()) {
			String body = b.label("match.arm");
			String next = b.label("match.next");
			arms.test(arm.getPattern(), body, next);
			b.startBlock(body);
			arms.bind(arm.getPattern());
			b.storeSlot(result, expressions.lowerBlock(arm.getBody()));
			b.jump(done);
			b.startBlock(next);
		}
		b.runtime("qz_panic_match");
		b.startBlock(done);
		return b.loadSlot(result);
	}

	/**
	 * `match map_get(m, k)` whose arms are only `Some(name)`, `Some(_)`, `None` and `_`: the
	 * Option is never made. qz_map_lookup gives the value (or 0) and qz_map_found, read at once
	 * (no wait can come between), whether the key was there. Returns the call, or null when
	 * the match is not of that form.
	 */
	private CallTarget.Function unboxedMapGet(MatchExpression match) {
		Expression subject = match.getSubject();
		if (!(subject instanceof Call || subject instanceof MemberAccess)
				|| !(program.types().typing(subject).callTarget(subject) instanceof CallTarget.Function call)) {
			return null;
		}
		FunctionDecl function = call.function();
		if (!"map_get".equals(function.getName()) || !function.isExtern() || !Prelude.isPrelude(function.eResource())) {
			return null;
		}
		for (MatchArm arm : match.getArms()) {
			Pattern pattern = arm.getPattern();
			boolean simple = pattern instanceof WildcardPattern
					|| (pattern instanceof BindingPattern binding && isVariant(PatternNames.variantOf(binding), "None"))
					|| (pattern instanceof VariantPattern some && isVariant(some.getVariant(), "Some")
							&& some.getArguments().size() == 1 && isPlainName(some.getArguments().get(0)));
			if (!simple) {
				return null;
			}
		}
		return call;
	}

	private static boolean isVariant(Variant variant, String name) {
		return variant != null && name.equals(variant.getName()) && Prelude.isPrelude(variant.eResource());
	}

	private static boolean isPlainName(Pattern pattern) {
		return pattern instanceof WildcardPattern || (pattern instanceof BindingPattern binding
				&& PatternNames.variantOf(binding) == null && PatternNames.constantOf(binding) == null);
	}

	private Value lowerMapGet(MatchExpression match, CallTarget.Function lookup) {
		List<Value> arguments = expressions.lowerAll(lookup.arguments());
		Value map = expressions.nonNil(arguments.get(0), lookup.arguments().get(0));
		Value value = b.runtime("qz_map_lookup", map, arguments.get(1));
		Value found = b.runtime("qz_map_found");
		return lowerArms(match, new ArmLowering() {
			@Override
			public void test(Pattern pattern, String body, String next) {
				if (pattern instanceof WildcardPattern) {
					b.jump(body);
				} else if (pattern instanceof VariantPattern) {
					b.branch(found, body, next);
				} else {
					b.branch(found, next, body);
				}
			}

			@Override
			public void bind(Pattern pattern) {
				if (pattern instanceof VariantPattern some && some.getArguments().get(0) instanceof BindingPattern name) {
					expressions.declare(name, value);
				}
			}
		});
	}

	/** Branches to {@code matched} when {@code value} matches {@code pattern}, else to {@code failed}. */
	private void testPattern(Pattern pattern, Value value, String matched, String failed) {
		if (pattern instanceof WildcardPattern) {
			b.jump(matched);
		} else if (pattern instanceof BindingPattern binding) {
			Variant variant = PatternNames.variantOf(binding);
			ConstDecl constant = variant == null ? PatternNames.constantOf(binding) : null;
			if (variant != null) {
				b.branch(b.compare("eq", tagOf(value, variant), new Value.Imm(ObjectLayouts.tag(variant))), matched, failed);
			} else if (constant != null) {
				Value expected = program.constant(constant);
				boolean string = program.constantValue(constant) instanceof String;
				b.branch(string ? b.runtime("qz_str_eq", value, expected) : b.compare("eq", value, expected), matched, failed);
			} else {
				if (bindWhileTesting != null) {
					expressions.assign(bindWhileTesting.get(binding.getName()), value);
				}
				b.jump(matched);
			}
		} else if (pattern instanceof LiteralPattern literal) {
			Value expected = expressions.lower(literal.getLiteral());
			Value equal = literal.getLiteral() instanceof StringLiteral ? b.runtime("qz_str_eq", value, expected)
					: b.compare("eq", value, expected);
			b.branch(equal, matched, failed);
		} else if (pattern instanceof AlternativePattern alternatives) {
			for (Pattern alternative : alternatives.getAlternatives()) {
				String next = b.label("pattern.or");
				testPattern(alternative, value, matched, next);
				b.startBlock(next);
			}
			b.jump(failed);
		} else if (pattern instanceof VariantPattern variantPattern) {
			Variant variant = variantPattern.getVariant();
			String fields = b.label("pattern.fields");
			b.branch(b.compare("eq", tagOf(value, variant), new Value.Imm(ObjectLayouts.tag(variant))), fields, failed);
			b.startBlock(fields);
			for (int i = 0; i < variantPattern.getArguments().size(); i++) {
				String next = b.label("pattern.field");
				testPattern(variantPattern.getArguments().get(i), b.load(value, ObjectLayouts.ENUM_PAYLOAD + i), next, failed);
				b.startBlock(next);
			}
			b.jump(matched);
		} else {
			throw new IllegalStateException("cannot lower pattern " + pattern.eClass().getName());
		}
	}

	/** Whether an alternative within {@code pattern} binds names. */
	private static boolean bindsInAlternatives(Pattern pattern) {
		List<AlternativePattern> alternatives = new ArrayList<>(EcoreUtil2.eAllOfType(pattern, AlternativePattern.class));
		if (pattern instanceof AlternativePattern self) {
			alternatives.add(self);
		}
		return alternatives.stream().anyMatch(a -> !PatternNames.bindingsOf(a).isEmpty());
	}

	/** Each name the pattern binds, at its first binding in source order. */
	private static Map<String, BindingPattern> firstBindings(Pattern pattern) {
		Map<String, BindingPattern> first = new LinkedHashMap<>();
		PatternNames.bindingsOf(pattern).forEach(binding -> first.putIfAbsent(binding.getName(), binding));
		return first;
	}

	/** Declares the names a matched pattern binds. */
	private void bindPattern(Pattern pattern, Value value) {
		if (pattern instanceof BindingPattern binding && PatternNames.binds(binding)) {
			expressions.declare(binding, value);
		} else if (pattern instanceof VariantPattern variantPattern) {
			for (int i = 0; i < variantPattern.getArguments().size(); i++) {
				Pattern argument = variantPattern.getArguments().get(i);
				if (hasBindings(argument)) {
					bindPattern(argument, b.load(value, ObjectLayouts.ENUM_PAYLOAD + i));
				}
			}
		}
	}

	private static boolean hasBindings(Pattern pattern) {
		return pattern instanceof BindingPattern || pattern instanceof VariantPattern
				|| pattern instanceof AlternativePattern;
	}

	/** The tag of an enum value; for Option and Result a null pointer (a zero value) counts as tag 0. */
	private Value tagOf(Value value, Variant variant) {
		if (!Prelude.isPrelude(variant.eResource())) {
			return b.load(value, ObjectLayouts.ENUM_TAG);
		}
		int result = b.newSlot();
		b.storeSlot(result, Value.ZERO);
		String load = b.label("tag.load");
		String done = b.label("tag.end");
		b.branch(b.compare("ne", value, Value.ZERO), load, done);
		b.startBlock(load);
		b.storeSlot(result, b.load(value, ObjectLayouts.ENUM_TAG));
		b.jump(done);
		b.startBlock(done);
		return b.loadSlot(result);
	}
}
