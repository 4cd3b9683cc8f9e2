package org.quartz.lang.ide.model;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.scoping.LocalBindings;

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

	/**
	 * The declaration an element names: a reference's target, the binding an `x = e` assigns to,
	 * or the element itself when it is a declaration; null for anything else, or a reference that
	 * does not resolve.
	 */
	public static NamedElement declarationOf(EObject element) {
		if (element instanceof LetDecl let && LocalBindings.assignedBinding(let) != null) {
			return LocalBindings.assignedBinding(let);
		}
		if (element instanceof NameRef ref) {
			return ref.getRef() == null || ref.getRef().eIsProxy() ? null : ref.getRef();
		}
		if (element instanceof NamedTypeRef type) {
			return type.getType() == null || type.getType().eIsProxy() ? null : type.getType();
		}
		return element instanceof NamedElement named ? named : null;
	}

	/** The `x = e` statements in {@code root}'s tree that assign to {@code binding} (they parse as bindings). */
	public static List<LetDecl> assignmentsTo(NamedElement binding, EObject root) {
		return EcoreUtil2.eAllOfType(root, LetDecl.class).stream()
				.filter(let -> let != binding && LocalBindings.assignedBinding(let) == binding).toList();
	}

	/** The model element a token belongs to. */
	public static EObject elementOf(ILeafNode leaf) {
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}
}
