package org.quartz.lang.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.validation.Check;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.AlternativePattern;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.BoolLiteral;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.IntLiteral;
import org.quartz.lang.quartz.LiteralPattern;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.MatchExpression;
import org.quartz.lang.quartz.Pattern;
import org.quartz.lang.quartz.StringLiteral;
import org.quartz.lang.quartz.UnaryExpression;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantPattern;
import org.quartz.lang.quartz.WildcardPattern;
import org.quartz.lang.scoping.PatternNames;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Match exhaustiveness and variant pattern arity.
 *
 * What a match is over is read from its patterns, not from the subject's type: variant
 * patterns name their enum, literals their type. Patterns of different types in one position
 * are a type error the type checker reports; exhaustiveness is then not judged.
 *
 * Exhaustiveness is decided on the matrix of patterns, one row per arm (per alternative of
 * `a | b`), one column per position still to match: a column of enum variants is covered when,
 * for every variant, the rows that accept it cover that variant's fields; a column of Bool
 * when true and false are; a column of Int or String only by a catch-all (`_` or a name).
 * A constant's name in a pattern is a literal of its value. The same specialisation decides
 * whether an arm is reachable at all (usefulness), and every alternative of `a | b` must bind
 * the same names.
 */
public class PatternValidator extends ComposedValidator {

	/** What the patterns of a column match. */
	private enum Kind {
		/** Only catch-alls. */
		ANY, ENUM, BOOL, INT, STRING,
		/** Patterns of different types, or an unresolved variant: already reported elsewhere. */
		UNKNOWN
	}

	@Inject
	private IScopeProvider scopeProvider;

	@Inject
	private TypeChecker typeChecker;

	/** Bounds the usefulness search on pathological matches: past it an arm counts as reachable. */
	private static final int USEFULNESS_BUDGET = 100_000;
	private int usefulnessSteps;

	@Check
	public void checkExhaustive(MatchExpression match) {
		List<List<Pattern>> rows = expandAlternatives(
				match.getArms().stream().map(MatchArm::getPattern).filter(Objects::nonNull).map(List::of).toList());
		Kind kind = kind(rows);
		switch (kind) {
			case ENUM -> {
				List<Variant> missing = missingVariants(rows);
				if (!missing.isEmpty()) {
					List<String> names = missing.stream().map(variant -> rows.stream().anyMatch(row -> variantOf(row.get(0)) == variant)
							? variant.getName() + "(...)" : variant.getName()).toList();
					// The data: a pattern per missing variant, for the quick fix that adds the arms.
					errorAtKeyword("match is not exhaustive; missing " + String.join(", ", names), match, "match",
							QuartzIssueCodes.NON_EXHAUSTIVE_MATCH, missing.stream().map(PatternValidator::catchAll).toArray(String[]::new));
				}
			}
			case BOOL -> {
				if (!exhaustive(rows, 1)) {
					errorAtKeyword("a match on Bool must cover true and false, or have a '_' arm", match, "match",
							QuartzIssueCodes.MATCH_NEEDS_WILDCARD);
				}
			}
			case INT, STRING -> {
				if (!exhaustive(rows, 1)) {
					String type = kind == Kind.INT ? "Int" : "String";
					errorAtKeyword("a match on " + type + " needs a '_' arm", match, "match",
							QuartzIssueCodes.MATCH_NEEDS_WILDCARD);
				}
			}
			default -> {
				// Only catch-alls, or patterns the type checker rejects.
			}
		}
	}

	/** Every alternative of `a | b` binds the same names (their types are the type checker's). */
	@Check
	public void checkAlternativeBindings(AlternativePattern pattern) {
		Set<String> all = new TreeSet<>();
		List<Set<String>> perAlternative = new ArrayList<>();
		for (Pattern alternative : pattern.getAlternatives()) {
			Set<String> names = new TreeSet<>();
			PatternNames.bindingsOf(alternative).forEach(binding -> names.add(binding.getName()));
			perAlternative.add(names);
			all.addAll(names);
		}
		for (int i = 0; i < perAlternative.size(); i++) {
			for (String name : all) {
				if (!perAlternative.get(i).contains(name)) {
					error("'" + name + "' must be bound in every alternative of this pattern; this one does not bind it",
							pattern.getAlternatives().get(i), null, QuartzIssueCodes.OR_PATTERN_BINDINGS);
				}
			}
		}
	}

	/**
	 * An arm whose every value an earlier arm already matches never runs (not judged on top of a
	 * type error in the match, nor of a variant pattern of the wrong arity).
	 */
	@Check
	public void checkReachable(MatchExpression match) {
		if (typeChecker.typing(match).issues().stream().anyMatch(issue -> EcoreUtil.isAncestor(match, issue.source()))
				|| EcoreUtil2.eAllOfType(match, VariantPattern.class).stream().anyMatch(PatternValidator::hasWrongArity)) {
			return;
		}
		List<List<Pattern>> previous = new ArrayList<>();
		for (MatchArm arm : match.getArms()) {
			Pattern pattern = arm.getPattern();
			if (pattern == null) {
				continue;
			}
			usefulnessSteps = 0;
			if (!previous.isEmpty() && !useful(previous, List.of(pattern), 1)) {
				warning("unreachable arm: the arms before it match every value it could", arm, Q.getMatchArm_Pattern(),
						QuartzIssueCodes.UNREACHABLE_ARM);
			}
			previous.add(List.of(pattern));
		}
	}

	/**
	 * Whether row {@code q} ({@code width} patterns) matches a value no row of {@code rows}
	 * matches: Maranget's usefulness, over the same specialisation as exhaustiveness.
	 */
	private boolean useful(List<List<Pattern>> rows, List<Pattern> q, int width) {
		if (width == 0) {
			return rows.isEmpty();
		}
		if (++usefulnessSteps > USEFULNESS_BUDGET) {
			return true;
		}
		Pattern head = q.get(0);
		if (head instanceof AlternativePattern alternatives) {
			return alternatives.getAlternatives().stream().anyMatch(a -> useful(rows, withHead(a, q), width));
		}
		List<List<Pattern>> expanded = expandAlternatives(rows);
		List<List<Pattern>> withQ = new ArrayList<>(expanded);
		withQ.add(q);
		Kind kind = kind(withQ);
		if (kind == Kind.UNKNOWN) {
			return true;
		}
		List<Pattern> tail = q.subList(1, q.size());
		if (!isCatchAll(head)) {
			Variant variant = variantOf(head);
			Object constructor = variant != null ? variant : literalValue(head);
			List<Pattern> fields = head instanceof VariantPattern vp && variant != null
					&& vp.getArguments().size() == variant.getFields().size() ? vp.getArguments()
							: Collections.nCopies(variant == null ? 0 : variant.getFields().size(), null);
			return useful(specialize(expanded, constructor), concat(fields, tail), fields.size() + width - 1);
		}
		List<Object> signature = switch (kind) {
			case ENUM -> {
				List<Object> variants = new ArrayList<>(enumOf(withQ).getVariants());
				boolean complete = variants.stream().allMatch(v -> expanded.stream().anyMatch(row -> variantOf(row.get(0)) == v));
				yield complete ? variants : null;
			}
			case BOOL -> expanded.stream().anyMatch(row -> Boolean.TRUE.equals(literalValue(row.get(0))))
					&& expanded.stream().anyMatch(row -> Boolean.FALSE.equals(literalValue(row.get(0))))
							? List.of(Boolean.TRUE, Boolean.FALSE) : null;
			default -> null;
		};
		if (signature == null) {
			return useful(specialize(expanded, null), tail, width - 1);
		}
		for (Object constructor : signature) {
			int arity = constructor instanceof Variant v ? v.getFields().size() : 0;
			if (useful(specialize(expanded, constructor), concat(Collections.nCopies(arity, null), tail), arity + width - 1)) {
				return true;
			}
		}
		return false;
	}

	private static List<Pattern> concat(List<Pattern> a, List<Pattern> b) {
		List<Pattern> result = new ArrayList<>(a);
		result.addAll(b);
		return result;
	}

	@Check
	public void checkArity(VariantPattern pattern) {
		if (hasWrongArity(pattern)) {
			Variant variant = pattern.getVariant();
			error("'" + variant.getName() + "' has " + variant.getFields().size() + " field(s), the pattern names "
					+ pattern.getArguments().size(), pattern, null, QuartzIssueCodes.PATTERN_ARITY);
		}
	}

	/** Whether a variant pattern names more or fewer fields than its (resolved) variant has. */
	private static boolean hasWrongArity(VariantPattern pattern) {
		Variant variant = pattern.getVariant();
		return variant != null && !variant.eIsProxy() && pattern.getArguments().size() != variant.getFields().size();
	}

	/** A bare name of a variant with fields would silently bind instead of matching the variant. */
	@Check
	public void checkBareVariantWithFields(BindingPattern pattern) {
		if (pattern.getName() == null || PatternNames.isVariant(pattern)) {
			return;
		}
		IEObjectDescription found = scopeProvider.getScope(pattern, Q.getVariantPattern_Variant())
				.getSingleElement(QualifiedName.create(pattern.getName()));
		if (found != null && EcoreUtil.resolve(found.getEObjectOrProxy(), pattern) instanceof Variant variant) {
			error("variant '" + variant.getName() + "' has " + count(variant.getFields().size(), "field")
					+ "; match it as " + variant.getName() + "(...)", pattern, Q.getNamedElement_Name(),
					QuartzIssueCodes.PATTERN_ARITY);
		}
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	/** The variants of the first column's enum that the rows do not cover; `Name(...)` when partly covered. */
	private List<Variant> missingVariants(List<List<Pattern>> rows) {
		List<Variant> missing = new ArrayList<>();
		for (Variant variant : enumOf(rows).getVariants()) {
			if (!exhaustive(specialize(rows, variant), variant.getFields().size())) {
				missing.add(variant);
			}
		}
		return missing;
	}

	/** The pattern that matches every value of a variant: `Shape::Circle(_)`, `Shape::Empty`. */
	private static String catchAll(Variant variant) {
		String name = ((EnumDecl) variant.eContainer()).getName() + "::" + variant.getName();
		return variant.getFields().isEmpty() ? name
				: name + "(" + String.join(", ", Collections.nCopies(variant.getFields().size(), "_")) + ")";
	}

	/** Whether the rows, each {@code width} patterns wide, match every combination of values. */
	private boolean exhaustive(List<List<Pattern>> rows, int width) {
		if (width == 0) {
			return !rows.isEmpty();
		}
		List<List<Pattern>> expanded = expandAlternatives(rows);
		return switch (kind(expanded)) {
			case ENUM -> enumOf(expanded).getVariants().stream()
					.allMatch(variant -> exhaustive(specialize(expanded, variant), variant.getFields().size() + width - 1));
			case BOOL -> exhaustive(specialize(expanded, Boolean.TRUE), width - 1)
					&& exhaustive(specialize(expanded, Boolean.FALSE), width - 1);
			case ANY, INT, STRING -> exhaustive(specialize(expanded, null), width - 1);
			case UNKNOWN -> true;
		};
	}

	/** Rows whose first pattern is `a | b` become one row per alternative. */
	private List<List<Pattern>> expandAlternatives(List<List<Pattern>> rows) {
		List<List<Pattern>> expanded = new ArrayList<>();
		for (List<Pattern> row : rows) {
			if (row.get(0) instanceof AlternativePattern alternatives) {
				for (Pattern alternative : alternatives.getAlternatives()) {
					expanded.addAll(expandAlternatives(List.of(withHead(alternative, row))));
				}
			} else {
				expanded.add(row);
			}
		}
		return expanded;
	}

	private List<Pattern> withHead(Pattern head, List<Pattern> row) {
		List<Pattern> result = new ArrayList<>(row.size());
		result.add(head);
		result.addAll(row.subList(1, row.size()));
		return result;
	}

	/**
	 * The rows that accept {@code constructor} (a variant or a literal value; null for "a
	 * value no literal names") in the first column, with that column replaced by the
	 * constructor's fields: a variant pattern's arguments, or catch-alls for a catch-all.
	 */
	private List<List<Pattern>> specialize(List<List<Pattern>> rows, Object constructor) {
		int arity = constructor instanceof Variant variant ? variant.getFields().size() : 0;
		List<List<Pattern>> result = new ArrayList<>();
		for (List<Pattern> row : rows) {
			Pattern head = row.get(0);
			List<Pattern> fields;
			if (isCatchAll(head)) {
				fields = Collections.nCopies(arity, null);
			} else if (constructor instanceof Variant && variantOf(head) == constructor) {
				List<Pattern> arguments = head instanceof VariantPattern pattern ? pattern.getArguments() : List.of();
				// A wrong number of arguments is reported by checkArity; count the row as covering.
				fields = arguments.size() == arity ? arguments : Collections.nCopies(arity, null);
			} else if (constructor != null && !(constructor instanceof Variant) && constructor.equals(literalValue(head))) {
				fields = List.of();
			} else {
				continue;
			}
			List<Pattern> specialized = new ArrayList<>(fields);
			specialized.addAll(row.subList(1, row.size()));
			result.add(specialized);
		}
		return result;
	}

	private Kind kind(List<List<Pattern>> rows) {
		Kind kind = Kind.ANY;
		EnumDecl enumDecl = null;
		for (List<Pattern> row : rows) {
			Pattern head = row.get(0);
			if (isCatchAll(head)) {
				continue;
			}
			Kind headKind = headKind(head);
			if (headKind == Kind.ENUM) {
				EnumDecl owner = (EnumDecl) variantOf(head).eContainer();
				if (enumDecl != null && enumDecl != owner) {
					return Kind.UNKNOWN;
				}
				enumDecl = owner;
			}
			if (headKind == Kind.UNKNOWN || (kind != Kind.ANY && kind != headKind)) {
				return Kind.UNKNOWN;
			}
			kind = headKind;
		}
		return kind;
	}

	private Kind headKind(Pattern head) {
		Variant variant = variantOf(head);
		if (variant != null) {
			return variant.eIsProxy() || !(variant.eContainer() instanceof EnumDecl) ? Kind.UNKNOWN : Kind.ENUM;
		}
		Object value = literalValue(head);
		if (value instanceof Boolean) {
			return Kind.BOOL;
		}
		if (value instanceof Long) {
			return Kind.INT;
		}
		return value instanceof String ? Kind.STRING : Kind.UNKNOWN;
	}

	private EnumDecl enumOf(List<List<Pattern>> rows) {
		return rows.stream().map(row -> variantOf(row.get(0))).filter(Objects::nonNull)
				.map(variant -> (EnumDecl) variant.eContainer()).findFirst().orElseThrow();
	}

	/** `_`, or a name that binds (not one naming a payload-less variant); null stands for `_`. */
	private boolean isCatchAll(Pattern pattern) {
		return pattern == null || pattern instanceof WildcardPattern
				|| (pattern instanceof BindingPattern binding && PatternNames.binds(binding));
	}

	private Variant variantOf(Pattern pattern) {
		if (pattern instanceof VariantPattern variantPattern) {
			return variantPattern.getVariant();
		}
		return pattern instanceof BindingPattern binding ? PatternNames.variantOf(binding) : null;
	}

	/** The value a literal or constant pattern matches: a Boolean, Long or String; null for other patterns. */
	private Object literalValue(Pattern pattern) {
		if (pattern instanceof BindingPattern binding) {
			ConstDecl constant = PatternNames.constantOf(binding);
			return constant == null ? null : typeChecker.constants(constant.eResource()).of(constant).value();
		}
		if (!(pattern instanceof LiteralPattern literal)) {
			return null;
		}
		if (literal.getLiteral() instanceof BoolLiteral bool) {
			return bool.isValue();
		}
		if (literal.getLiteral() instanceof IntLiteral integer) {
			return integer.getValue();
		}
		if (literal.getLiteral() instanceof UnaryExpression negative && negative.getOperand() instanceof IntLiteral integer) {
			return -integer.getValue();
		}
		return literal.getLiteral() instanceof StringLiteral string ? string.getValue() : null;
	}
}
