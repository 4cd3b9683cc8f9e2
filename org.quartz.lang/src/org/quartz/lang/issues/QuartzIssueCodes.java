package org.quartz.lang.issues;

/**
 * Every diagnostic code the compiler reports, in one place. Codes are stable: tests and users
 * refer to them. Ranges: 00xx syntax, 01xx names and modules, 02xx mutability, 03xx types,
 * 04xx control flow, 05xx patterns, 06xx concurrency, 09xx internal.
 *
 * A package of its own that depends on nothing else of the compiler, so that the parser, type
 * inference and validation can all name codes without depending on each other.
 */
public final class QuartzIssueCodes {

	private QuartzIssueCodes() {
	}

	// ---- syntax
	public static final String SYNTAX_ERROR = "QZ0001";
	public static final String INVALID_LITERAL = "QZ0002";

	// ---- names and modules
	public static final String UNDEFINED_NAME = "QZ0101";
	public static final String DUPLICATE_DECLARATION = "QZ0102";
	public static final String MODULE_NOT_FOUND = "QZ0103";
	public static final String AMBIGUOUS_NAME = "QZ0104";
	public static final String MAIN_AND_TOP_LEVEL_STATEMENTS = "QZ0105";
	public static final String STATEMENT_IN_IMPORTED_MODULE = "QZ0106";
	public static final String PRELUDE_ONLY = "QZ0107";
	public static final String NOT_A_TYPE = "QZ0108";
	public static final String NOT_A_VALUE = "QZ0109";
	public static final String UNKNOWN_ABI = "QZ0110";
	public static final String CYCLIC_TYPE_ALIAS = "QZ0111";
	public static final String CYCLIC_CONSTANT = "QZ0112";
	public static final String CONSTANT_NOT_COMPILE_TIME = "QZ0113";
	/** Overflow or division by zero while computing a constant. */
	public static final String CONSTANT_ARITHMETIC = "QZ0114";

	// ---- mutability
	public static final String ASSIGN_TO_IMMUTABLE = "QZ0201";
	public static final String FIELD_ASSIGN_THROUGH_IMMUTABLE = "QZ0202";
	public static final String INDEX_ASSIGN_THROUGH_IMMUTABLE = "QZ0203";
	public static final String INVALID_ASSIGNMENT_TARGET = "QZ0204";

	// ---- types
	public static final String TYPE_MISMATCH = "QZ0301";
	public static final String WRONG_ARGUMENT_COUNT = "QZ0302";
	public static final String NOT_CALLABLE = "QZ0303";
	public static final String CANNOT_INFER = "QZ0304";
	public static final String OPERATOR_TYPE = "QZ0305";
	public static final String UNKNOWN_MEMBER = "QZ0306";
	public static final String CONDITION_NOT_BOOL = "QZ0307";
	public static final String TRY_OUTSIDE_OPTION_OR_RESULT = "QZ0308";
	public static final String RETURN_TYPE_MISMATCH = "QZ0309";
	public static final String MISSING_FIELD = "QZ0310";
	public static final String WRONG_TYPE_ARGUMENTS = "QZ0311";
	public static final String NOT_ITERABLE = "QZ0312";
	public static final String VOID_VALUE = "QZ0313";
	public static final String INVALID_MAIN = "QZ0314";
	/** An Int and a Float in one operation: Quartz never converts implicitly (reference §11). */
	public static final String MIXED_INT_AND_FLOAT = "QZ0315";
	/** A type argument without an impl of a trait its parameter's bound names (`largest(points)` without `impl Ord for Point`). */
	public static final String MISSING_IMPL = "QZ0316";
	/** An impl that does not define one of its trait's methods. */
	public static final String MISSING_TRAIT_METHOD = "QZ0317";
	/** An impl's method whose signature is not the trait's, with Self replaced by the implementing type. */
	public static final String IMPL_SIGNATURE_MISMATCH = "QZ0318";
	/** An impl's method that its trait does not declare. */
	public static final String NOT_A_TRAIT_METHOD = "QZ0319";
	/** A second impl of one trait for one type, or an impl in neither the trait's nor the type's module. */
	public static final String CONFLICTING_IMPL = "QZ0320";
	/** A method of a trait or impl whose first parameter is not `self`, a parameter without a type elsewhere, or a bound where none may be. */
	public static final String INVALID_TRAIT_DECLARATION = "QZ0321";
	/** Found by code generation: bounded functions that would need instances without end (f<T> calls g<Vec<T>>, which calls f). */
	public static final String INSTANTIATION_DEPTH = "QZ0322";

	// ---- control flow
	public static final String MISSING_RETURN = "QZ0401";
	public static final String BREAK_OUTSIDE_LOOP = "QZ0402";
	public static final String UNREACHABLE_CODE = "QZ0403";
	/** A `return` in a constant's, a global's or an actor field's value: no function to leave. */
	public static final String RETURN_OUTSIDE_FUNCTION = "QZ0404";

	// ---- patterns
	public static final String NON_EXHAUSTIVE_MATCH = "QZ0501";
	public static final String MATCH_NEEDS_WILDCARD = "QZ0502";
	public static final String PATTERN_ARITY = "QZ0503";
	public static final String PATTERN_TYPE = "QZ0504";
	/** A name bound by some alternatives of `a | b` but not all. */
	public static final String OR_PATTERN_BINDINGS = "QZ0505";
	/** A warning: earlier arms match everything this arm could. */
	public static final String UNREACHABLE_ARM = "QZ0506";

	// ---- concurrency
	public static final String SELECT_WITHOUT_ARMS = "QZ0601";
	public static final String AWAIT_NON_TASK = "QZ0602";
	public static final String SELECT_DUPLICATE_DEFAULT = "QZ0603";
	/** Checked, compiled from a later release on: `go` of a built-in. */
	public static final String CONCURRENCY_NOT_COMPILED_YET = "QZ0604";
	public static final String GO_NEEDS_CALL = "QZ0605";
	/** An actor method named `stop`: it would hide the built-in `c.stop()` that ends the actor. */
	public static final String ACTOR_RESERVED_METHOD = "QZ0606";
}
