package org.quartz.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random Quartz programs that follow the grammar and mostly the type rules: declarations
 * (structs, enums, constants, aliases, functions, an actor), statements, expressions of a chosen
 * type, patterns and the concurrency forms. Names come from the bindings in scope, so most
 * programs compile; a few choices are deliberately loose (a wrong-typed operand now and then)
 * to reach the error paths too.
 */
final class ProgramGenerator {

	/** The value types the generator builds expressions of. */
	enum Kind {
		INT("Int"), BOOL("Bool"), STRING("String"), VEC("Vec<Int>"), OPTION("Option<Int>"), CHANNEL("Channel<Int>"),
		TASK("Task<Int>"), POINT("Point"), SHAPE("Shape"), FN("Fn(Int): Int");

		final String typeName;

		Kind(String typeName) {
			this.typeName = typeName;
		}
	}

	private record Binding(String name, Kind kind, boolean mutable) {
	}

	private record Function(String name, List<Kind> params, Kind result) {
	}

	private static final int MAX_DEPTH = 4;

	private final Random random;
	private final StringBuilder out = new StringBuilder();
	private final List<Function> functions = new ArrayList<>();
	private final List<String> constants = new ArrayList<>();
	private List<Binding> scope = new ArrayList<>();
	private int names;
	private int indent;
	private int lambdas;
	private Kind result;
	private boolean hasActor;

	ProgramGenerator(long seed) {
		random = new Random(seed);
	}

	String program() {
		line("struct Point");
		line("  x: Int");
		line("  y: Int");
		line("end");
		line("enum Shape");
		line("  Circle(r: Int)");
		line("  Rect(w: Int, h: Int)");
		line("  Empty");
		line("end");
		line("type Meters = Int");
		line("def square(x: Int): Int = x * x");
		hasActor = chance(50);
		if (hasActor) {
			line("actor Counter");
			line("  var count: Int = 0");
			line("  def add(by: Int)");
			line("    count = count + by");
			line("  end");
			line("  def get(): Int = count");
			line("end");
		}
		int constantCount = random.nextInt(3);
		for (int i = 0; i < constantCount; i++) {
			String name = "LIMIT" + i;
			String value = constants.isEmpty() || chance(50) ? String.valueOf(random.nextInt(100))
					: constants.get(random.nextInt(constants.size())) + " + " + random.nextInt(100);
			line("const " + name + " = " + value);
			constants.add(name);
		}
		int functionCount = 1 + random.nextInt(4);
		for (int i = 0; i < functionCount; i++) {
			List<Kind> params = new ArrayList<>();
			int arity = random.nextInt(3);
			for (int p = 0; p < arity; p++) {
				params.add(pick(Kind.INT, Kind.INT, Kind.STRING, Kind.BOOL, Kind.VEC, Kind.POINT, Kind.SHAPE));
			}
			functions.add(new Function("f" + i, params, pick(Kind.INT, Kind.INT, Kind.STRING, Kind.BOOL, Kind.OPTION)));
		}
		for (Function function : functions) {
			function(function);
		}
		line("def main()");
		indent++;
		scope = new ArrayList<>();
		result = null;
		block(3 + random.nextInt(8), 0);
		indent--;
		line("end");
		return out.toString();
	}

	private void function(Function function) {
		scope = new ArrayList<>();
		List<String> params = new ArrayList<>();
		for (int i = 0; i < function.params().size(); i++) {
			Binding param = new Binding("a" + i, function.params().get(i), false);
			scope.add(param);
			params.add(param.name() + ": " + (i == 0 && param.kind() == Kind.INT && chance(20) ? "Meters"
					: param.kind().typeName));
		}
		result = function.result();
		String head = "def " + function.name() + "(" + String.join(", ", params) + "): " + result.typeName;
		if (chance(25)) {
			line(head + " = " + expression(result, 0));
			return;
		}
		line(head);
		indent++;
		block(random.nextInt(5), 1);
		line(expression(result, 0));
		indent--;
		line("end");
	}

	private void block(int statements, int depth) {
		int scopeSize = scope.size();
		for (int i = 0; i < statements; i++) {
			statement(depth);
		}
		scope.subList(scopeSize, scope.size()).clear();
	}

	private void statement(int depth) {
		int choice = random.nextInt(depth >= 3 ? 8 : 22);
		switch (choice) {
			case 0, 1, 2 -> {
				Kind kind = anyKind();
				String name = fresh();
				boolean mutable = chance(40);
				String annotation = chance(30) ? ": " + kind.typeName : "";
				line((mutable ? "var " : "") + name + annotation + " = " + expression(kind, 0));
				scope.add(new Binding(name, kind, mutable));
			}
			case 3 -> {
				Binding target = mutableBinding();
				if (target == null) {
					line("puts(" + expression(Kind.STRING, 0) + ")");
				} else if (target.kind() == Kind.INT && chance(50)) {
					line(target.name() + " " + pick("+=", "-=", "*=") + " " + expression(Kind.INT, 1));
				} else {
					line(target.name() + " = " + expression(target.kind(), 0));
				}
			}
			case 4 -> line(pick("puts", "print", "eputs") + "(" + expression(Kind.STRING, 0) + ")");
			case 5 -> vecOrChannelStatement();
			case 6 -> {
				Binding point = bindingOf(Kind.POINT, true);
				line(point == null ? "puts(\"no point\")" : point.name() + "." + pick("x", "y") + " = " + expression(Kind.INT, 1));
			}
			case 7 -> line(expression(anyKind(), 0));
			case 8, 9 -> ifStatement(depth);
			case 10 -> {
				String counter = fresh();
				line("var " + counter + " = 0");
				line("while " + counter + " < " + (1 + random.nextInt(4)));
				nested(() -> {
					line(counter + " += 1");
					block(random.nextInt(3), depth + 1);
					if (chance(20)) {
						line("if " + counter + " == 2 then break end");
					}
				});
				line("end");
			}
			case 11 -> {
				String variable = fresh();
				String iterable = chance(50) ? expression(Kind.INT, 2) + pick("..", "..=") + expression(Kind.INT, 2)
						: chance(50) ? expression(Kind.VEC, 1) : "str_split(\"a,b\", \",\")";
				line("for " + variable + " in " + iterable);
				nested(() -> {
					scope.add(new Binding(variable, iterable.startsWith("str_split") ? Kind.STRING : Kind.INT, false));
					block(1 + random.nextInt(3), depth + 1);
					if (chance(20)) {
						line(pick("continue", "break"));
					}
					scope.remove(scope.size() - 1);
				});
				line("end");
			}
			case 12 -> {
				line("loop");
				nested(() -> {
					block(random.nextInt(3), depth + 1);
					line("break");
				});
				line("end");
			}
			case 13 -> {
				String subject = expression(Kind.SHAPE, 1);
				line("match " + subject);
				nested(() -> matchArms(depth));
				line("end");
			}
			case 14 -> {
				line("match " + expression(Kind.INT, 1));
				nested(() -> {
					line(random.nextInt(9) + " | " + (10 + random.nextInt(9)) + " => puts(\"small\")");
					if (!constants.isEmpty() && chance(50)) {
						line(constants.get(random.nextInt(constants.size())) + " => puts(\"constant\")");
					}
					line("-1 => puts(\"minus\")");
					line("n =>");
					nested(() -> {
						scope.add(new Binding("n", Kind.INT, false));
						block(1 + random.nextInt(2), depth + 1);
						scope.remove(scope.size() - 1);
					});
				});
				line("end");
			}
			case 15 -> selectStatement(depth);
			case 16 -> line("defer puts(" + expression(Kind.STRING, 1) + ")");
			case 17 -> {
				if (result != null && random.nextBoolean()) {
					line("return " + expression(result, 1));
				} else {
					line("puts(" + expression(Kind.STRING, 1) + ")");
				}
			}
			case 18 -> {
				line("go_scope do ->");
				nested(() -> {
					lambdas++;
					line(task());
					block(random.nextInt(2), depth + 1);
					lambdas--;
				});
				line("end");
			}
			case 19 -> {
				String m = fresh();
				line(m + " = mutex_new(" + expression(Kind.INT, 2) + ")");
				line("mutex_lock(" + m + ")");
				line("mutex_set(" + m + ", mutex_get(" + m + ") + 1)");
				line("mutex_unlock(" + m + ")");
				String a = fresh();
				line(a + " = atomic_new(0)");
				line("atomic_add(" + a + ", " + expression(Kind.INT, 2) + ")");
			}
			case 20 -> {
				if (result == Kind.OPTION && lambdas == 0) {
					String name = fresh();
					line(name + " = " + expression(Kind.OPTION, 1) + "?");
					scope.add(new Binding(name, Kind.INT, false));
				} else {
					line("puts(to_s(" + expression(Kind.INT, 1) + "))");
				}
			}
			default -> {
				if (!hasActor) {
					line("puts(\"no actor\")");
					return;
				}
				String counter = fresh();
				line(counter + " = Counter.new()");
				line(counter + ".add(" + expression(Kind.INT, 2) + ")");
				line("puts(\"#{await " + counter + ".get()}\")");
			}
		}
	}

	private void ifStatement(int depth) {
		line("if " + expression(Kind.BOOL, 1));
		nested(() -> block(1 + random.nextInt(3), depth + 1));
		int elsifs = random.nextInt(3);
		for (int i = 0; i < elsifs; i++) {
			line("elsif " + expression(Kind.BOOL, 1));
			nested(() -> block(1 + random.nextInt(2), depth + 1));
		}
		if (chance(50)) {
			line("else");
			nested(() -> block(1 + random.nextInt(2), depth + 1));
		}
		line("end");
	}

	private void matchArms(int depth) {
		if (chance(30)) {
			line("Circle(r) | Rect(r, _) => puts(\"#{r}\")");
			line("Empty => puts(\"empty\")");
			return;
		}
		line("Circle(r) => puts(\"#{r}\")");
		if (chance(50)) {
			line("Shape::Rect(w, _) =>");
			nested(() -> {
				scope.add(new Binding("w", Kind.INT, false));
				block(1 + random.nextInt(2), depth + 1);
				scope.remove(scope.size() - 1);
			});
			line("Empty => puts(\"empty\")");
		} else {
			line("_ => puts(\"other\")");
		}
	}

	private void selectStatement(int depth) {
		Binding channel = bindingOf(Kind.CHANNEL, false);
		String ch = channel == null ? "channel_new(1)" : channel.name();
		line("select");
		nested(() -> {
			line("recv(" + ch + ") as got => puts(\"#{got}\")");
			if (chance(50)) {
				line("send(" + ch + ", " + expression(Kind.INT, 2) + ") => puts(\"sent\")");
			}
			line("timeout(" + random.nextInt(5) + ") =>");
			nested(() -> block(1, depth + 1));
			if (chance(50)) {
				line("default => puts(\"none\")");
			}
		});
		line("end");
	}

	private void vecOrChannelStatement() {
		Binding vec = bindingOf(Kind.VEC, false);
		Binding channel = bindingOf(Kind.CHANNEL, false);
		if (vec != null && chance(50)) {
			line(pick(vec.name() + ".push(" + expression(Kind.INT, 1) + ")", "vec_push(" + vec.name() + ", 3)",
					"vec_pop(" + vec.name() + ")"));
		} else if (channel != null) {
			line(pick("send(" + channel.name() + ", " + expression(Kind.INT, 1) + ")", channel.name() + ".close",
					"try_send(" + channel.name() + ", 1)", "channel_close(" + channel.name() + ")"));
		} else {
			line("v" + names++ + " = " + expression(Kind.VEC, 0));
		}
	}

	private String expression(Kind kind, int depth) {
		if (depth >= MAX_DEPTH || chance(25)) {
			return leaf(kind);
		}
		int d = depth + 1;
		return switch (kind) {
			case INT -> switch (random.nextInt(14)) {
				case 0 -> expression(Kind.INT, d) + " " + pick("+", "-", "*", "/", "%") + " " + expression(Kind.INT, d);
				case 1 -> "-" + expression(Kind.INT, d);
				case 2 -> "(" + expression(Kind.INT, d) + ")";
				case 3 -> "if " + expression(Kind.BOOL, d) + " then " + expression(Kind.INT, d) + " else "
						+ expression(Kind.INT, d) + " end";
				case 4 -> "str_size(" + expression(Kind.STRING, d) + ")";
				case 5 -> "vec_size(" + expression(Kind.VEC, d) + ")";
				case 6 -> "unwrap_or(" + expression(Kind.OPTION, d) + ", " + expression(Kind.INT, d) + ")";
				case 7 -> "(" + expression(Kind.POINT, d) + ")." + pick("x", "y");
				case 8 -> "await " + expression(Kind.TASK, d);
				case 9 -> {
					Binding fn = bindingOf(Kind.FN, false);
					yield (fn != null ? fn.name() : "square") + "(" + expression(Kind.INT, d) + ")";
				}
				case 10 -> "match " + expression(Kind.SHAPE, d) + "\n" + indentation(1) + "Circle(r) => r\n"
						+ indentation(1) + "Rect(w, h) => w * h\n" + indentation(1) + "Empty => 0\n" + indentation(0) + "end";
				case 11 -> "recv(" + expression(Kind.CHANNEL, d) + ")";
				case 12 -> "(" + expression(Kind.STRING, d) + ").size";
				default -> call(Kind.INT);
			};
			case BOOL -> switch (random.nextInt(7)) {
				case 0 -> expression(Kind.INT, d) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + expression(Kind.INT, d);
				case 1 -> pick("not ", "!") + expression(Kind.BOOL, d);
				case 2 -> expression(Kind.BOOL, d) + " " + pick("and", "or", "&&", "||") + " " + expression(Kind.BOOL, d);
				case 3 -> "is_some?(" + expression(Kind.OPTION, d) + ")";
				case 4 -> expression(Kind.STRING, d) + " == " + expression(Kind.STRING, d);
				case 5 -> "task_done?(" + expression(Kind.TASK, d) + ")";
				default -> call(Kind.BOOL);
			};
			case STRING -> switch (random.nextInt(6)) {
				case 0 -> "\"#{" + expression(pick(Kind.INT, Kind.BOOL, Kind.STRING), d) + "} and #{"
						+ expression(Kind.INT, d) + "}\"";
				case 1 -> expression(Kind.STRING, d) + " + " + expression(Kind.STRING, d);
				case 2 -> "to_s(" + expression(Kind.INT, d) + ")";
				case 3 -> "(" + expression(Kind.INT, d) + ").to_s";
				case 4 -> "str_slice(" + expression(Kind.STRING, d) + ", 0, 1)";
				default -> call(Kind.STRING);
			};
			case VEC -> switch (random.nextInt(3)) {
				case 0 -> "[" + expression(Kind.INT, d) + ", " + expression(Kind.INT, d) + "]";
				case 1 -> "vec_new()";
				default -> "[]";
			};
			case OPTION -> switch (random.nextInt(4)) {
				case 0 -> "Some(" + expression(Kind.INT, d) + ")";
				case 1 -> "vec_pop(" + expression(Kind.VEC, d) + ")";
				case 2 -> "str_to_int(" + expression(Kind.STRING, d) + ")";
				default -> call(Kind.OPTION);
			};
			case CHANNEL -> "channel_new(" + random.nextInt(4) + ")";
			case TASK -> random.nextBoolean() ? task() : "go do -> " + lambdaBody(Kind.INT, d) + " end";
			case POINT -> "Point { x: " + expression(Kind.INT, d) + ", y: " + expression(Kind.INT, d) + " }";
			case SHAPE -> pick("Circle(" + expression(Kind.INT, d) + ")", "Shape::Rect(" + expression(Kind.INT, d) + ", 2)",
					"Empty", "Shape::Empty");
			case FN -> random.nextBoolean() ? "do x -> x + " + expression(Kind.INT, d) + " end"
					: "do x: Int -> " + lambdaBody(Kind.INT, d) + " end";
		};
	}

	/** A lambda body as one expression. */
	private String lambdaBody(Kind kind, int depth) {
		lambdas++;
		try {
			return expression(kind, depth);
		} finally {
			lambdas--;
		}
	}

	/** `go f(...)` of a declared function (`go` of a built-in is not compiled yet). */
	private String task() {
		String call = call(Kind.INT);
		return call.matches("f\\d+\\(.*") ? "go " + call : "go square(" + expression(Kind.INT, MAX_DEPTH - 1) + ")";
	}

	private String call(Kind kind) {
		List<Function> matching = functions.stream().filter(f -> f.result() == kind).toList();
		if (matching.isEmpty()) {
			return leaf(kind);
		}
		Function function = matching.get(random.nextInt(matching.size()));
		List<String> arguments = new ArrayList<>();
		for (Kind param : function.params()) {
			arguments.add(expression(param, MAX_DEPTH - 1));
		}
		if (!arguments.isEmpty() && chance(20)) {
			// UFCS: x.f(rest).
			return "(" + arguments.get(0) + ")." + function.name() + "(" + String.join(", ", arguments.subList(1, arguments.size())) + ")";
		}
		return function.name() + "(" + String.join(", ", arguments) + ")";
	}

	private String leaf(Kind kind) {
		Binding binding = chance(70) ? bindingOf(kind, false) : null;
		if (binding != null) {
			return binding.name();
		}
		return switch (kind) {
			case INT -> chance(20) && !constants.isEmpty() ? constants.get(random.nextInt(constants.size()))
					: pick("0", "1", "42", "-7", "0xff", "1_000", "9223372036854775807");
			case BOOL -> pick("true", "false");
			case STRING -> pick("\"\"", "\"a\"", "\"tab\\t\"", "\"q\\\"\"", "\"#{1}\"");
			case VEC -> "[1, 2, 3]";
			case OPTION -> pick("None", "Some(1)");
			case CHANNEL -> "channel_new(1)";
			case TASK -> "go do -> 1 end";
			case POINT -> "Point { x: 1, y: 2 }";
			case SHAPE -> "Empty";
			case FN -> "do x -> x end";
		};
	}

	private Kind anyKind() {
		return pick(Kind.INT, Kind.INT, Kind.STRING, Kind.BOOL, Kind.VEC, Kind.OPTION, Kind.CHANNEL, Kind.TASK,
				Kind.POINT, Kind.SHAPE, Kind.FN);
	}

	private Binding bindingOf(Kind kind, boolean mutable) {
		List<Binding> candidates = scope.stream().filter(b -> b.kind() == kind && (!mutable || b.mutable())).toList();
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	private Binding mutableBinding() {
		List<Binding> candidates = scope.stream().filter(Binding::mutable).toList();
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	private String fresh() {
		return "v" + names++;
	}

	private void nested(Runnable body) {
		indent++;
		body.run();
		indent--;
	}

	private void line(String text) {
		out.append(indentation(0)).append(text).append('\n');
	}

	private String indentation(int extra) {
		return "  ".repeat(indent + extra);
	}

	private boolean chance(int percent) {
		return random.nextInt(100) < percent;
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[random.nextInt(choices.length)];
	}
}
