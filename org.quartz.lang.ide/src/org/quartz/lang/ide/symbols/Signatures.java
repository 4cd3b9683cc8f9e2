package org.quartz.lang.ide.symbols;

import java.util.stream.Collectors;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.TypeRef;

/** Declarations as source-like text for outlines, hovers and signature help. */
public final class Signatures {

	private Signatures() {
	}

	/** `name<T>(a: Int, b: String): R`. */
	public static String of(FunctionDecl function) {
		StringBuilder text = new StringBuilder(String.valueOf(function.getName()));
		if (!function.getTypeParams().isEmpty()) {
			text.append(function.getTypeParams().stream().map(TypeParam::getName).collect(Collectors.joining(", ", "<", ">")));
		}
		text.append(function.getParams().stream().map(Signatures::of).collect(Collectors.joining(", ", "(", ")")));
		if (function.getReturnType() != null) {
			text.append(": ").append(of(function.getReturnType()));
		}
		return text.toString();
	}

	/** `a: Int`; a built-in's last parameter that a call may leave out shows its value: `fill: String = " "`. */
	public static String of(Param param) {
		String text = param.getName() + ": " + of(param.getType());
		if (param.eContainer() instanceof FunctionDecl function
				&& function.getParams().indexOf(param) == function.getParams().size() - 1) {
			text += Prelude.lastParameterDefault(function).map(value -> " = \"" + value + "\"").orElse("");
		}
		return text;
	}

	/** A type as written in the source, whitespace normalised. */
	public static String of(TypeRef type) {
		if (type == null) {
			return "?";
		}
		return NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(type));
	}
}
