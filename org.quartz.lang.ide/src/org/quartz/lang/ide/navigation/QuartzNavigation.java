package org.quartz.lang.ide.navigation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.ide.rename.QuartzRenameCheck;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Go to definition, find references and rename, for the language server and the Eclipse editor:
 * the declaration a name at an offset stands for, and where that declaration's name occurs in a
 * given set of resources (its declaration, every reference, every `x = e` assigning to it, and
 * every `.name` member call or field read that the type checker resolves to it).
 */
public class QuartzNavigation {

	/** A span of text in a resource: where a name stands. */
	public record Occurrence(URI uri, int offset, int length) {
	}

	/** What a rename changes, or why it cannot be done. */
	public record RenameEdits(String problem, Map<URI, List<Occurrence>> edits) {
	}

	private static final Comparator<Occurrence> IN_TEXT_ORDER = Comparator.comparing((Occurrence o) -> o.uri().toString())
			.thenComparingInt(Occurrence::offset);

	@Inject
	private ILocationInFileProvider locations;

	@Inject
	private TypeChecker typeChecker;

	@Inject
	private QuartzRenameCheck renameCheck;

	/**
	 * The declaration named by the token at {@code offset}: a reference's or a member call's
	 * target, the binding an assignment writes, or a declaration's own name; null for anything else.
	 */
	public NamedElement declarationAt(XtextResource resource, int offset) {
		EObject element = SourceElements.elementOf(SourceElements.tokenAt(resource, offset));
		if (element instanceof MemberAccess access) {
			return memberTarget(access);
		}
		return SourceElements.declarationOf(element);
	}

	/** Where the declaration's name stands. */
	public Occurrence nameOf(NamedElement declaration) {
		ITextRegion name = locations.getSignificantTextRegion(declaration);
		return new Occurrence(declaration.eResource().getURI(), name.getOffset(), name.getLength());
	}

	/**
	 * Every occurrence of {@code declaration}'s name in {@code resources} (the declaration's own
	 * resource is searched whether it is among them or not), in resource and text order.
	 */
	public List<Occurrence> occurrences(NamedElement declaration, Iterable<? extends Resource> resources,
			boolean includeDeclaration) {
		URI target = EcoreUtil.getURI(declaration);
		List<Resource> searched = new ArrayList<>();
		searched.add(declaration.eResource());
		resources.forEach(resource -> {
			if (!searched.contains(resource)) {
				searched.add(resource);
			}
		});
		List<Occurrence> found = new ArrayList<>();
		if (includeDeclaration) {
			found.add(nameOf(declaration));
		}
		for (Resource resource : searched) {
			if (resource instanceof XtextResource) {
				references(resource, declaration, target, found);
			}
		}
		for (LetDecl assignment : SourceElements.assignmentsTo(declaration, EcoreUtil.getRootContainer(declaration))) {
			ITextRegion region = locations.getSignificantTextRegion(assignment);
			found.add(new Occurrence(assignment.eResource().getURI(), region.getOffset(), region.getLength()));
		}
		return found.stream().distinct().sorted(IN_TEXT_ORDER).toList();
	}

	/**
	 * The edits renaming {@code declaration} to {@code newName} in {@code resources}, grouped by
	 * resource; or, when the name is refused ({@link QuartzRenameCheck}), the reason and no edits.
	 */
	public RenameEdits rename(NamedElement declaration, String newName, Iterable<? extends Resource> resources) {
		String problem = renameCheck.problem(declaration, newName, resources);
		if (problem != null) {
			return new RenameEdits(problem, Map.of());
		}
		Map<URI, List<Occurrence>> edits = new LinkedHashMap<>();
		for (Occurrence occurrence : occurrences(declaration, resources, true)) {
			edits.computeIfAbsent(occurrence.uri(), uri -> new ArrayList<>()).add(occurrence);
		}
		return new RenameEdits(null, edits);
	}

	private void references(Resource resource, NamedElement declaration, URI target, List<Occurrence> found) {
		for (TreeIterator<EObject> all = resource.getAllContents(); all.hasNext();) {
			EObject element = all.next();
			// Only a member of the same name may stand for it: the rest is not type-checked for nothing.
			if (element instanceof MemberAccess access && declaration.getName() != null
					&& declaration.getName().equals(access.getMember()) && isTarget(memberTarget(access), declaration, target)) {
				add(found, resource, NodeModelUtils.findNodesForFeature(access, QuartzPackage.Literals.MEMBER_ACCESS__MEMBER));
				continue;
			}
			for (EReference reference : element.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer() || reference.isDerived()) {
					continue;
				}
				List<INode> nodes = NodeModelUtils.findNodesForFeature(element, reference);
				List<?> values = reference.isMany() ? (List<?>) element.eGet(reference, true)
						: Collections.singletonList(element.eGet(reference, true));
				for (int i = 0; i < values.size() && i < nodes.size(); i++) {
					if (values.get(i) instanceof EObject referenced && isTarget(referenced, declaration, target)) {
						add(found, resource, List.of(nodes.get(i)));
					}
				}
			}
		}
	}

	private static boolean isTarget(EObject candidate, NamedElement declaration, URI target) {
		return candidate != null && (candidate == declaration || !candidate.eIsProxy() && target.equals(EcoreUtil.getURI(candidate)));
	}

	private static void add(List<Occurrence> found, Resource resource, List<INode> nodes) {
		for (INode node : nodes) {
			found.add(new Occurrence(resource.getURI(), node.getOffset(), node.getLength()));
		}
	}

	/** The function, method or field a `receiver.name` stands for, as the type checker resolved it. */
	private NamedElement memberTarget(MemberAccess access) {
		CallTarget target = typeChecker.typing(access).callTarget(access);
		return target == null ? null : target.declaration();
	}
}
