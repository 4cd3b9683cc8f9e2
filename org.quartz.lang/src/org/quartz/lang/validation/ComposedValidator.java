package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.quartz.lang.quartz.QuartzPackage;

/** A validator for one concern; {@link QuartzValidator} composes them and registers for all. */
public abstract class ComposedValidator extends AbstractDeclarativeValidator {

	protected static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Override
	public void register(EValidatorRegistrar registrar) {
		// Composed into QuartzValidator; not registered on its own.
	}

	/**
	 * Reports an error on the first occurrence of {@code keyword} in {@code element}'s text, so
	 * that a construct spanning many lines (a match, a select) is reported at its first line.
	 * {@code data} goes with the issue for quick fixes.
	 */
	protected void errorAtKeyword(String message, EObject element, String keyword, String code, String... data) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (leaf.getGrammarElement() instanceof Keyword k && keyword.equals(k.getValue())) {
					acceptError(message, element, leaf.getOffset(), leaf.getLength(), code, data);
					return;
				}
			}
		}
		error(message, element, null, code, data);
	}

	/** The line {@code element} starts on, for messages that point back at it. */
	protected static int lineOf(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? 0 : node.getStartLine();
	}
}
