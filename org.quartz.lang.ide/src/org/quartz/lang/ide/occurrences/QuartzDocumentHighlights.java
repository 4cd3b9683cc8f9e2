package org.quartz.lang.ide.occurrences;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.quartz.Assignment;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.Declaration;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.Variant;

import com.google.inject.Inject;

/**
 * Every occurrence in the file of the name under the cursor: its declaration and each reference.
 * Where a value is bound or assigned (a binding's declaration, the target of `x = ...` or
 * `x += ...`) the kind is Write, other references are Read, and declarations of functions, types
 * and fields are Text.
 */
public class QuartzDocumentHighlights implements IDocumentHighlightService {

	@Inject
	private ILocationInFileProvider locations;

	@Override
	public List<? extends DocumentHighlight> getDocumentHighlights(Document document, XtextResource resource,
			DocumentHighlightParams params, CancelIndicator cancelIndicator) {
		NamedElement target = SourceElements.declarationOf(
				SourceElements.elementOf(SourceElements.tokenAt(resource, document.getOffSet(params.getPosition()))));
		List<DocumentHighlight> highlights = new ArrayList<>();
		if (target == null) {
			return highlights;
		}
		if (target.eResource() == resource && !resource.getContents().isEmpty()) {
			ITextRegion name = locations.getSignificantTextRegion(target);
			highlights.add(highlight(document, name.getOffset(), name.getOffset() + name.getLength(),
					bindsAValue(target) ? DocumentHighlightKind.Write : DocumentHighlightKind.Text));
		}
		for (LetDecl assignment : SourceElements.assignmentsTo(target, resource.getContents().get(0))) {
			ITextRegion name = locations.getSignificantTextRegion(assignment);
			highlights.add(highlight(document, name.getOffset(), name.getOffset() + name.getLength(), DocumentHighlightKind.Write));
		}
		for (EObject element : (Iterable<EObject>) () -> resource.getAllContents()) {
			for (EReference reference : element.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer()) {
					continue;
				}
				List<?> values = reference.isMany() ? (List<?>) element.eGet(reference, false)
						: List.of(element.eGet(reference, false) == null ? "" : element.eGet(reference, false));
				List<INode> nodes = NodeModelUtils.findNodesForFeature(element, reference);
				DocumentHighlightKind kind = element.eContainer() instanceof Assignment assignment
						&& assignment.getTarget() == element ? DocumentHighlightKind.Write : DocumentHighlightKind.Read;
				for (int i = 0; i < values.size() && i < nodes.size(); i++) {
					if (values.get(i) == target) {
						highlights.add(highlight(document, nodes.get(i).getOffset(), nodes.get(i).getEndOffset(), kind));
					}
				}
			}
		}
		return highlights;
	}

	/** A binding's declaration gives it its value; a function's, a type's or a field's does not. */
	private static boolean bindsAValue(NamedElement element) {
		return element instanceof ConstDecl || !(element instanceof Declaration || element instanceof Field
				|| element instanceof Variant || element instanceof TypeParam);
	}

	private static DocumentHighlight highlight(Document document, int start, int end, DocumentHighlightKind kind) {
		return new DocumentHighlight(new Range(document.getPosition(start), document.getPosition(end)), kind);
	}
}
