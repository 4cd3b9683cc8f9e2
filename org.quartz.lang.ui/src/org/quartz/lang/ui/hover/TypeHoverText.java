package org.quartz.lang.ui.hover;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.ide.symbols.Signatures;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * What hovering shows: for a name (a declaration or a reference to one) `name: Type`, for a
 * function its signature, for another expression its type; as the type checker infers them.
 */
public class TypeHoverText {

	@Inject
	private EObjectAtOffsetHelper offsetHelper;

	@Inject
	private TypeChecker typeChecker;

	public Optional<String> at(XtextResource resource, int offset) {
		EObject element = offsetHelper.resolveElementAt(resource, offset);
		if (element == null) {
			return Optional.empty();
		}
		if (element instanceof FunctionDecl function) {
			return Optional.of(signatureOf(function));
		}
		Type type = typeChecker.typeOf(element);
		if (type == Type.Error.INSTANCE) {
			return Optional.empty(); // not typed (e.g. a type name) or already reported as wrong
		}
		if (element instanceof NamedElement named && named.getName() != null) {
			return Optional.of(named.getName() + ": " + type);
		}
		return Optional.of(type.toString());
	}

	/** As the language server's hover shows it: type parameters with their bounds, `self` alone. */
	private static String signatureOf(FunctionDecl function) {
		return "def " + Signatures.of(function);
	}
}
