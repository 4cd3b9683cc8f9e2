package org.quartz.lang.ide.model;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/** What the source holds at an offset: the token there and its model element. */
public final class SourceElements {

	private SourceElements() {
	}

	/**
	 * The token at {@code offset}, or the one ending there (a cursor right after a name), skipping
	 * whitespace and newlines; null when there is none.
	 */
	public static ILeafNode tokenAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if ((leaf == null || leaf.isHidden() || leaf.getText().isBlank()) && offset > 0) {
			leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
		}
		return leaf == null || leaf.isHidden() || leaf.getText().isBlank() ? null : leaf;
	}

	/** The model element a token belongs to. */
	public static EObject elementOf(ILeafNode leaf) {
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}
}
