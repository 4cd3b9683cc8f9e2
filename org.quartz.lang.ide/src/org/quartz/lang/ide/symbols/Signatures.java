package org.quartz.lang.ide.symbols;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeRef;

/** Declarations as source-like text for outlines, hovers and signature help. */
public final class Signatures {

	private Signatures() {
	}

	/** `name<T: Ord>(a: Int, b: T): R`. */
	public static String of(FunctionDecl function) {
		StringBuilder text = new StringBuilder(String.valueOf(function.getName()));
		if (!function.getTypeParams().isEmpty()) {
			text.append(function.getTypeParams().stream().map(Signatures::of).collect(Collectors.joining(", ", "<", ">")));
		}
		text.append(function.getParams().stream().map(Signatures::of).collect(Collectors.joining(", ", "(", ")")));
		if (function.getReturnType() != null) {
			text.append(": ").append(of(function.getReturnType()));
		}
		return text.toString();
	}

	/** `T`, or with its bounds as written: `T: Eq + Hash`. */
	public static String of(TypeParam param) {
		List<INode> bounds = NodeModelUtils.findNodesForFeature(param, QuartzPackage.Literals.TYPE_PARAM__BOUNDS);
		return bounds.isEmpty() ? param.getName()
				: param.getName() + ": " + bounds.stream().map(NodeModelUtils::getTokenText).collect(Collectors.joining(" + "));
	}

	/**
	 * `a: Int`; `self` of a trait's or an impl's method, which has no type written, alone; a
	 * built-in's last parameter that a call may leave out shows its value: `fill: String = " "`.
	 */
	public static String of(Param param) {
		if (param.getType() == null) {
			return param.getName();
		}
		String text = param.getName() + ": " + of(param.getType());
		if (param.eContainer() instanceof FunctionDecl function
				&& function.getParams().indexOf(param) == function.getParams().size() - 1) {
			text += Prelude.lastParameterDefault(function).map(value -> " = \"" + value + "\"").orElse("");
		}
		return text;
	}

	/** `impl Shape for Circle`, names as written. */
	public static String of(ImplDecl impl) {
		List<INode> trait = NodeModelUtils.findNodesForFeature(impl, QuartzPackage.Literals.IMPL_DECL__TRAIT);
		return "impl " + (trait.isEmpty() ? "?" : NodeModelUtils.getTokenText(trait.get(0))) + " for " + of(impl.getType());
	}

	/** A type as written in the source, whitespace normalised. */
	public static String of(TypeRef type) {
		if (type == null) {
			return "?";
		}
		return NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(type));
	}
}
