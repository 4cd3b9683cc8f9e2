package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.quartz.lang.quartz.*;
import org.quartz.lang.quartz.Module;

import com.google.inject.Inject;

/**
 * Parses Quartz source that must be free of syntax errors, and renders models as compact
 * S-expressions so a test can state a tree's shape: {@code a + b * c} is {@code (+ a (* b c))}.
 * Names print as written, resolved or not.
 */
public class Parsing {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Inject
	private ParseHelper<Module> parseHelper;

	/** The module of {@code source}, which must parse without errors. */
	public Module parse(String source) {
		Module module;
		try {
			module = parseHelper.parse(source);
		} catch (Exception e) {
			throw new AssertionError("cannot parse", e);
		}
		List<Resource.Diagnostic> errors = module.eResource().getErrors();
		assertTrue(errors.isEmpty(), () -> "syntax errors: " + errors.stream()
				.map(e -> e.getLine() + ":" + e.getColumn() + " " + e.getMessage()).collect(Collectors.joining("; ")));
		return module;
	}

	/** The shapes of the top-level elements of {@code source}. */
	public List<String> shapes(String source) {
		return parse(source).getElements().stream().map(Parsing::shape).toList();
	}

	/** The shape of {@code source}, which must hold exactly one top-level element. */
	public String shape(String source) {
		List<String> shapes = shapes(source);
		assertEquals(1, shapes.size(), () -> "expected one element, got " + shapes);
		return shapes.get(0);
	}

	/** The one top-level element of {@code source}, which must be of {@code type}. */
	public <T extends EObject> T single(String source, Class<T> type) {
		List<TopLevel> elements = parse(source).getElements();
		assertEquals(1, elements.size(), () -> "expected one element, got " + elements.size());
		return type.cast(elements.get(0));
	}

	public static String shape(EObject e) {
		if (e == null) {
			return "null";
		}
		if (e instanceof BinaryExpression b) {
			return list(b.getOp(), b.getLeft(), b.getRight());
		}
		if (e instanceof UnaryExpression u) {
			return list(u.getOp(), u.getOperand());
		}
		if (e instanceof RangeLiteral r) {
			return list(r.getOp(), r.getFrom(), r.getTo());
		}
		if (e instanceof NameRef n) {
			return linkText(n, Q.getNameRef_Ref());
		}
		if (e instanceof IntLiteral i) {
			return Long.toString(i.getValue());
		}
		if (e instanceof FloatLiteral f) {
			return "f" + f.getValue();
		}
		if (e instanceof BoolLiteral b) {
			return Boolean.toString(b.isValue());
		}
		if (e instanceof NilLiteral) {
			return "nil";
		}
		if (e instanceof StringLiteral s) {
			return quote(s.getValue());
		}
		if (e instanceof InterpolatedString s) {
			List<Object> items = new ArrayList<>();
			for (int i = 0; i < s.getParts().size(); i++) {
				items.add(quote(s.getParts().get(i)));
				if (i < s.getExpressions().size()) {
					items.add(s.getExpressions().get(i));
				}
			}
			return list("str", items.toArray());
		}
		if (e instanceof ParenthesizedExpression p) {
			return shape(p.getExpression());
		}
		if (e instanceof Call c) {
			return list("call", c.getCallee(), c.getArguments(), c.getBlock());
		}
		if (e instanceof MemberAccess m) {
			return list(m.isExplicitArguments() ? ".call" : ".", m.getReceiver(), m.getMember(), m.getArguments(),
					m.getBlock());
		}
		if (e instanceof IndexExpression i) {
			return list("[]", i.getTarget(), i.getIndex());
		}
		if (e instanceof TryExpression t) {
			return list("?", t.getOperand());
		}
		if (e instanceof VecLiteral v) {
			return list("vec", v.getElements());
		}
		if (e instanceof Lambda l) {
			return list("do", l.getParams().isEmpty() ? null : list("params", l.getParams()), l.getBody());
		}
		if (e instanceof LambdaParam p) {
			return p.getType() == null ? p.getName() : p.getName() + ":" + typeText(p.getType());
		}
		if (e instanceof GoExpression g) {
			return list("go", g.getTask());
		}
		if (e instanceof AwaitExpression a) {
			return list("await", a.getTask());
		}
		if (e instanceof SendExpression s) {
			return list("send", s.getChannel(), s.getValue());
		}
		if (e instanceof RecvExpression r) {
			return list("recv", r.getChannel());
		}
		if (e instanceof StructLiteral s) {
			return list("struct", linkText(s, Q.getStructLiteral_Struct()), s.getFields());
		}
		if (e instanceof FieldInit f) {
			return list(linkText(f, Q.getFieldInit_Field()), f.getValue());
		}
		if (e instanceof VariantLiteral v) {
			return linkText(v, Q.getVariantLiteral_EnumType()) + "::" + linkText(v, Q.getVariantLiteral_Variant());
		}
		if (e instanceof IfExpression i) {
			return list("if", i.getCondition(), i.getThen(), i.getElsifs(), i.getElse() == null ? null : list("else", i.getElse()));
		}
		if (e instanceof ElsifClause c) {
			return list("elsif", c.getCondition(), c.getThen());
		}
		if (e instanceof MatchExpression m) {
			return list("match", m.getSubject(), m.getArms());
		}
		if (e instanceof MatchArm a) {
			return list("=>", a.getPattern(), a.getBody());
		}
		if (e instanceof SelectExpression s) {
			return list("select", s.getArms());
		}
		if (e instanceof RecvArm a) {
			return list("=>", a.getBinding() == null ? a.getRecv() : list("as", a.getRecv(), a.getBinding().getName()),
					a.getBody());
		}
		if (e instanceof SendArm a) {
			return list("=>", a.getSend(), a.getBody());
		}
		if (e instanceof TimeoutArm a) {
			return list("=>", list("timeout", a.getMilliseconds()), a.getBody());
		}
		if (e instanceof DefaultArm a) {
			return list("=>", "default", a.getBody());
		}
		if (e instanceof Block b) {
			return list("block", b.getStatements());
		}
		if (e instanceof LetDecl l) {
			return list("let", l.getType() == null ? l.getName() : l.getName() + ":" + typeText(l.getType()), l.getValue());
		}
		if (e instanceof VarDecl v) {
			return list("var", v.getType() == null ? v.getName() : v.getName() + ":" + typeText(v.getType()), v.getValue());
		}
		if (e instanceof Assignment a) {
			return list(a.getOp(), a.getTarget(), a.getValue());
		}
		if (e instanceof CommandCall c) {
			return list("command", linkText(c, Q.getCommandCall_Callee()), c.getArgument(), c.getBlock());
		}
		if (e instanceof WhileStmt w) {
			return list("while", w.getCondition(), w.getBody());
		}
		if (e instanceof ForStmt f) {
			return list("for", f.getVariable().getName(), f.getIterable(), f.getBody());
		}
		if (e instanceof LoopStmt l) {
			return list("loop", l.getBody());
		}
		if (e instanceof BreakStmt) {
			return "break";
		}
		if (e instanceof ContinueStmt) {
			return "continue";
		}
		if (e instanceof ReturnStmt r) {
			return list("return", r.getValue());
		}
		if (e instanceof DeferStmt d) {
			return list("defer", d.getAction());
		}
		if (e instanceof WildcardPattern) {
			return "_";
		}
		if (e instanceof BindingPattern b) {
			return b.getName();
		}
		if (e instanceof LiteralPattern l) {
			return shape(l.getLiteral());
		}
		if (e instanceof VariantPattern v) {
			boolean qualified = !NodeModelUtils.findNodesForFeature(v, Q.getVariantPattern_EnumType()).isEmpty();
			String name = qualified ? linkText(v, Q.getVariantPattern_EnumType()) + "::" : "";
			return list(name + linkText(v, Q.getVariantPattern_Variant()), v.getArguments());
		}
		if (e instanceof AlternativePattern a) {
			return list("|", a.getAlternatives());
		}
		return e.eClass().getName();
	}

	/** A type as written: `Int`, `Vec<Int>`, `Fn(Int): Bool`. */
	public static String typeText(TypeRef type) {
		return NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(type));
	}

	/** `(head item ...)`, leaving out null items and splicing lists. */
	private static String list(Object head, Object... items) {
		StringBuilder result = new StringBuilder("(").append(head instanceof EObject o ? shape(o) : head);
		for (Object item : items) {
			if (item instanceof List<?> elements) {
				elements.forEach(element -> result.append(' ').append(render(element)));
			} else if (item != null) {
				result.append(' ').append(render(item));
			}
		}
		return result.append(')').toString();
	}

	private static String render(Object item) {
		return item instanceof EObject o ? shape(o) : String.valueOf(item);
	}

	private static String quote(String value) {
		return '"' + value + '"';
	}

	private static String linkText(EObject owner, EStructuralFeature reference) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, reference);
		return nodes.isEmpty() ? "?" : NodeModelUtils.getTokenText(nodes.get(0));
	}
}
