package org.quartz.lang.ide.inlay;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.quartz.lang.quartz.LambdaParam;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.LoopVariable;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.scoping.LocalBindings;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Inlay hints: the inferred type after the name of a binding written without one (`x = 1`
 * shows `x: Int`, also `var`, loop variables and lambda parameters), as `quartz` infers it.
 */
public class QuartzInlayHints {

	@Inject
	private TypeChecker typeChecker;

	@Inject
	private ILocationInFileProvider locations;

	public List<InlayHint> hints(Document document, XtextResource resource, Range range) {
		List<InlayHint> hints = new ArrayList<>();
		int start = range == null ? 0 : document.getOffSet(range.getStart());
		int end = range == null ? Integer.MAX_VALUE : document.getOffSet(range.getEnd());
		for (EObject element : (Iterable<EObject>) () -> resource.getAllContents()) {
			if (!(element instanceof NamedElement binding) || !isUntypedBinding(binding) || binding.getName() == null) {
				continue;
			}
			ITextRegion name = locations.getSignificantTextRegion(binding);
			int after = name.getOffset() + name.getLength();
			if (after < start || after > end) {
				continue;
			}
			Type type = typeChecker.typeOf(binding);
			if (type == Type.Error.INSTANCE) {
				continue;
			}
			Position position = document.getPosition(after);
			InlayHint hint = new InlayHint(position, Either.forLeft(": " + type));
			hint.setKind(InlayHintKind.Type);
			hints.add(hint);
		}
		return hints;
	}

	/** A binding whose type is inferred: not written, and not an `x = e` that assigns an existing binding. */
	private static boolean isUntypedBinding(NamedElement element) {
		if (element instanceof LetDecl let) {
			return let.getType() == null && LocalBindings.assignedBinding(let) == null;
		}
		if (element instanceof VarDecl variable) {
			return variable.getType() == null;
		}
		if (element instanceof LambdaParam parameter) {
			return parameter.getType() == null;
		}
		return element instanceof LoopVariable;
	}
}
