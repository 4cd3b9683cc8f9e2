package org.quartz.codegen;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A program that type-checks but cannot be compiled, found while lowering: so far only a
 * bounded function whose instances would never end (reference §5.5). Carries the code and the
 * place, {@code file:line:column}, like a validation diagnostic.
 */
public final class LoweringError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;
	private final String location;

	public LoweringError(String code, EObject at, String message) {
		super(message);
		this.code = code;
		this.location = locationOf(at);
	}

	public String code() {
		return code;
	}

	/** {@code file.qz:line:column} of the element it is about. */
	public String location() {
		return location;
	}

	private static String locationOf(EObject at) {
		String file = at.eResource() == null ? "?" : at.eResource().getURI().lastSegment();
		ICompositeNode node = NodeModelUtils.findActualNodeFor(at);
		if (node == null) {
			return file;
		}
		int offset = node.getOffset();
		int column = offset - node.getRootNode().getText().lastIndexOf('\n', offset - 1);
		return file + ":" + node.getStartLine() + ":" + column;
	}
}
