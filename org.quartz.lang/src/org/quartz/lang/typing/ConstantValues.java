package org.quartz.lang.typing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.quartz.lang.quartz.BinaryExpression;
import org.quartz.lang.quartz.BoolLiteral;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.FloatLiteral;
import org.quartz.lang.quartz.IntLiteral;
import org.quartz.lang.quartz.InterpolatedString;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.ParenthesizedExpression;
import org.quartz.lang.quartz.StringLiteral;
import org.quartz.lang.quartz.UnaryExpression;

/**
 * The values of constants (reference §2.3): a constant is a compile-time Int, Bool or String,
 * computed from literals, other constants, string interpolation and the operators on them, as
 * Go's constants are. Each constant is evaluated once per instance (the validator keeps one per
 * resource, code generation one per program), so a chain of constants each using the previous
 * one twice costs linear time.
 *
 * A constant has a value, or a {@link Problem} the validator reports: a cycle (every constant on
 * it reports), a part that is not known at compile time, an overflow or a division by zero. A
 * constant that only uses a constant with a problem, or whose operands have the wrong types (the
 * type checker reports those), has no value and no problem of its own.
 */
public final class ConstantValues {

	/** Why a constant has no value. */
	public enum Problem {
		/** The constant is defined in terms of itself; reported at each constant of the cycle. */
		CYCLE,
		/** A part of the value (reported there) is not a literal, a constant or an operator on them. */
		NOT_COMPILE_TIME,
		/** An Int operation (reported there) overflows. */
		OVERFLOW,
		/** A `/` or `%` (reported there) by zero. */
		DIVISION_BY_ZERO
	}

	/**
	 * A constant's value (Long, Double, Boolean or String), or its problem and where it lies; all
	 * null: no value, nothing to report.
	 */
	public record Result(Object value, EObject problemAt, Problem problem) {

		static final Result NONE = new Result(null, null, null);

		public boolean hasValue() {
			return value != null;
		}
	}

	/** Thrown inside an evaluation: the constant has no value. */
	private static final class NoValue extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final Result result;

		NoValue(Result result) {
			super(null, null, false, false);
			this.result = result;
		}
	}

	private final Map<ConstDecl, Result> results = new HashMap<>();

	public Result of(ConstDecl constant) {
		if (!results.containsKey(constant)) {
			evaluateWithDependencies(constant);
		}
		return results.get(constant);
	}

	/** A constant on the depth-first path, with the constants its value names still to visit. */
	private record Visit(ConstDecl constant, Iterator<ConstDecl> dependencies) {
	}

	/**
	 * Evaluates {@code root} after every constant it depends on, depth-first without recursion
	 * (a chain of thousands of constants must not overflow the stack); a constant met again
	 * while on the path closes a cycle.
	 */
	private void evaluateWithDependencies(ConstDecl root) {
		Deque<Visit> path = new ArrayDeque<>();
		Set<ConstDecl> onPath = new HashSet<>();
		path.push(new Visit(root, dependencies(root)));
		onPath.add(root);
		while (!path.isEmpty()) {
			Visit top = path.peek();
			if (top.dependencies().hasNext()) {
				ConstDecl next = top.dependencies().next();
				if (results.containsKey(next)) {
					continue;
				}
				if (onPath.contains(next)) {
					markCycle(path, next);
					continue;
				}
				path.push(new Visit(next, dependencies(next)));
				onPath.add(next);
			} else {
				path.pop();
				onPath.remove(top.constant());
				results.putIfAbsent(top.constant(), compute(top.constant()));   // a cycle's problem stays
			}
		}
	}

	/** Every constant on the path from {@code start} to the top is on a cycle. */
	private void markCycle(Deque<Visit> path, ConstDecl start) {
		for (Visit visit : path) {   // top first
			ConstDecl member = visit.constant();
			results.putIfAbsent(member, new Result(null, member, Problem.CYCLE));
			if (member == start) {
				return;
			}
		}
	}

	private static Iterator<ConstDecl> dependencies(ConstDecl constant) {
		if (constant.getValue() == null) {
			return Collections.emptyIterator();
		}
		List<ConstDecl> named = new ArrayList<>();
		for (NameRef name : EcoreUtil2.eAllOfType(constant.getValue(), NameRef.class)) {
			if (name.getRef() instanceof ConstDecl other && !other.eIsProxy()) {
				named.add(other);
			}
		}
		return named.iterator();
	}

	/** The constant's value once every constant it names has a result. */
	private Result compute(ConstDecl constant) {
		if (constant.getValue() == null) {
			return Result.NONE;
		}
		try {
			return new Result(evaluate(constant.getValue()), null, null);
		} catch (NoValue e) {
			return e.result;
		}
	}

	private Object evaluate(Expression e) {
		if (e instanceof IntLiteral literal) {
			return literal.getValue();
		}
		if (e instanceof FloatLiteral literal) {
			return literal.getValue();
		}
		if (e instanceof BoolLiteral literal) {
			return literal.isValue();
		}
		if (e instanceof StringLiteral literal) {
			return literal.getValue();
		}
		if (e instanceof ParenthesizedExpression parenthesized && parenthesized.getExpression() != null) {
			return evaluate(parenthesized.getExpression());
		}
		if (e instanceof NameRef name && name.getRef() instanceof ConstDecl constant && !constant.eIsProxy()) {
			Result result = results.getOrDefault(constant, Result.NONE);
			if (!result.hasValue()) {
				throw new NoValue(Result.NONE);
			}
			return result.value();
		}
		if (e instanceof InterpolatedString string) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < string.getParts().size(); i++) {
				text.append(string.getParts().get(i));
				if (i < string.getExpressions().size()) {
					Object value = evaluate(string.getExpressions().get(i));
					text.append(value instanceof Double d ? FloatText.of(d) : value);
				}
			}
			return text.toString();
		}
		if (e instanceof UnaryExpression unary && unary.getOperand() != null) {
			Object operand = evaluate(unary.getOperand());
			if ("-".equals(unary.getOp()) && operand instanceof Long n) {
				return arithmetic(unary, () -> Math.negateExact(n));
			}
			if ("-".equals(unary.getOp()) && operand instanceof Double d) {
				return -d;
			}
			if ("~".equals(unary.getOp()) && operand instanceof Long n) {
				return ~n;
			}
			if (operand instanceof Boolean b && ("not".equals(unary.getOp()) || "!".equals(unary.getOp()))) {
				return !b;
			}
			throw new NoValue(Result.NONE);
		}
		if (e instanceof BinaryExpression binary && binary.getLeft() != null && binary.getRight() != null) {
			return binary(binary, evaluate(binary.getLeft()), evaluate(binary.getRight()));
		}
		throw new NoValue(new Result(null, e, Problem.NOT_COMPILE_TIME));
	}

	private static Object binary(BinaryExpression e, Object left, Object right) {
		String op = e.getOp();
		if (left instanceof Long a && right instanceof Long b) {
			return switch (op) {
				case "+" -> arithmetic(e, () -> Math.addExact(a, b));
				case "-" -> arithmetic(e, () -> Math.subtractExact(a, b));
				case "*" -> arithmetic(e, () -> Math.multiplyExact(a, b));
				case "/", "%" -> {
					if (b == 0) {
						throw new NoValue(new Result(null, e, Problem.DIVISION_BY_ZERO));
					}
					if (a == Long.MIN_VALUE && b == -1) {
						throw new NoValue(new Result(null, e, Problem.OVERFLOW));
					}
					yield op.equals("/") ? a / b : a % b;
				}
				case "&" -> a & b;
				case "|" -> a | b;
				case "^" -> a ^ b;
				case "<<", ">>", ">>>" -> shift(op, a, b);
				default -> compare(op, Long.compare(a, b));
			};
		}
		if (left instanceof Double a && right instanceof Double b) {
			return switch (op) {
				case "+" -> a + b;
				case "-" -> a - b;
				case "*" -> a * b;
				case "/" -> a / b;
				case "%" -> a % b; // the sign follows the dividend, as C's fmod
				case "==" -> a.doubleValue() == b.doubleValue(); // IEEE: NaN equals nothing, -0.0 equals 0.0
				case "!=" -> a.doubleValue() != b.doubleValue();
				case "<" -> a < b;
				case "<=" -> a <= b;
				case ">" -> a > b;
				case ">=" -> a >= b;
				default -> throw new NoValue(Result.NONE);
			};
		}
		if (left instanceof String a && right instanceof String b) {
			return op.equals("+") ? a + b : compare(op, Integer.signum(compareBytes(a, b)));
		}
		if (left instanceof Boolean a && right instanceof Boolean b) {
			return switch (op) {
				case "and", "&&" -> a && b;
				case "or", "||" -> a || b;
				case "==" -> a.equals(b);
				case "!=" -> !a.equals(b);
				default -> throw new NoValue(Result.NONE);
			};
		}
		throw new NoValue(Result.NONE);
	}

	/** Shifts as the generated code does them: a count outside 0..63 shifts every bit out. */
	static long shift(String op, long value, long count) {
		boolean outside = count < 0 || count > 63;
		return switch (op) {
			case "<<" -> outside ? 0 : value << count;
			case ">>>" -> outside ? 0 : value >>> count;
			default -> value >> (outside ? 63 : count);
		};
	}

	/** Strings compare bytewise, as the runtime compares them. */
	private static int compareBytes(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static Object compare(String op, int c) {
		return switch (op) {
			case "==" -> c == 0;
			case "!=" -> c != 0;
			case "<" -> c < 0;
			case "<=" -> c <= 0;
			case ">" -> c > 0;
			case ">=" -> c >= 0;
			default -> throw new NoValue(Result.NONE);
		};
	}

	private static Object arithmetic(EObject at, LongSupplier operation) {
		try {
			return operation.getAsLong();
		} catch (ArithmeticException e) {
			throw new NoValue(new Result(null, at, Problem.OVERFLOW));
		}
	}
}
