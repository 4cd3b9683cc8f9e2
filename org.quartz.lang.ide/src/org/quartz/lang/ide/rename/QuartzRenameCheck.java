package org.quartz.lang.ide.rename;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ArmBinding;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.services.QuartzGrammarAccess;

import com.google.inject.Inject;

/**
 * Whether a binding may take a new name: an identifier, not a reserved word, no other binding of
 * that name visible where the binding is declared or used that the rename would capture or
 * shadow, and no later `name = ...` that would become an assignment to the renamed binding.
 */
public class QuartzRenameCheck {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!]?");
	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Inject
	private IScopeProvider scopeProvider;

	private final Set<String> reserved;

	@Inject
	QuartzRenameCheck(QuartzGrammarAccess grammar) {
		Set<String> usableAsNames = GrammarUtil.containedKeywords(grammar.getValidIDRule()).stream().map(Keyword::getValue)
				.collect(Collectors.toSet());
		reserved = GrammarUtil.getAllKeywords(grammar.getGrammar()).stream()
				.filter(keyword -> IDENTIFIER.matcher(keyword).matches() && !usableAsNames.contains(keyword))
				.collect(Collectors.toSet());
	}

	/** Why {@code target} cannot be renamed to {@code newName}; null when it can. */
	public String problem(NamedElement target, String newName) {
		if (!IDENTIFIER.matcher(newName).matches()) {
			return "'" + newName + "' is not a name";
		}
		if (reserved.contains(newName)) {
			return "'" + newName + "' is a reserved word";
		}
		if (newName.equals(target.getName())) {
			return null;
		}
		QualifiedName name = QualifiedName.create(newName);
		EReference reference = isType(target) ? Q.getNamedTypeRef_Type() : Q.getNameRef_Ref();
		if (clashes(target, target, reference, name)) {
			return "'" + newName + "' is already visible where '" + target.getName() + "' is declared";
		}
		EObject root = EcoreUtil.getRootContainer(target);
		for (NameRef use : EcoreUtil2.eAllOfType(root, NameRef.class)) {
			if (use.getRef() == target && clashes(use, target, Q.getNameRef_Ref(), name)) {
				return "'" + newName + "' is already visible where '" + target.getName() + "' is used";
			}
		}
		for (LetDecl assignment : SourceElements.assignmentsTo(target, root)) {
			if (clashes(assignment, target, Q.getNameRef_Ref(), name)) {
				return "'" + newName + "' is already visible where '" + target.getName() + "' is assigned";
			}
		}
		QualifiedName oldName = QualifiedName.create(target.getName());
		for (LetDecl later : EcoreUtil2.eAllOfType(root, LetDecl.class)) {
			if (later != target && newName.equals(later.getName()) && later.getValue() != null
					&& resolves(later.getValue(), Q.getNameRef_Ref(), oldName) == target) {
				return "'" + newName + " = ...' would then assign to the renamed '" + target.getName() + "'";
			}
		}
		return null;
	}

	/**
	 * {@link #problem(NamedElement, String)}, and also where {@code resources} other than the
	 * declaration's own (importers of its module) use it.
	 */
	public String problem(NamedElement target, String newName, Iterable<? extends Resource> resources) {
		String problem = problem(target, newName);
		if (problem != null || newName.equals(target.getName())) {
			return problem;
		}
		QualifiedName name = QualifiedName.create(newName);
		for (Resource resource : resources) {
			if (resource == target.eResource() || resource.getContents().isEmpty()) {
				continue;
			}
			for (NameRef use : EcoreUtil2.eAllOfType(resource.getContents().get(0), NameRef.class)) {
				if (use.getRef() == target && clashes(use, target, Q.getNameRef_Ref(), name)) {
					return "'" + newName + "' is already visible where '" + target.getName() + "' is used in "
							+ resource.getURI().lastSegment();
				}
			}
		}
		return null;
	}

	/**
	 * Whether another element of the new name is visible at {@code context} and the rename would
	 * matter to it: a local binding (one would shadow the other), a module-level one when the
	 * target is module-level too, or a module-level one used where the renamed local would shadow it.
	 */
	private boolean clashes(EObject context, NamedElement target, EReference reference, QualifiedName name) {
		EObject visible = resolves(context, reference, name);
		if (visible == null || visible == target) {
			return false;
		}
		if (isLocal(visible) || !isLocal(target)) {
			return true;
		}
		int start = NodeModelUtils.getNode(target).getOffset();
		return EcoreUtil2.eAllOfType(region(target), NameRef.class).stream()
				.anyMatch(use -> use.getRef() == visible && NodeModelUtils.getNode(use).getOffset() > start);
	}

	private EObject resolves(EObject context, EReference reference, QualifiedName name) {
		IEObjectDescription description = scopeProvider.getScope(context, reference).getSingleElement(name);
		return description == null ? null : EcoreUtil.resolve(description.getEObjectOrProxy(), context);
	}

	/** Declared inside a function or a lambda (a binding, parameter or pattern name), not at module level. */
	private static boolean isLocal(EObject element) {
		return EcoreUtil2.getContainerOfType(element.eContainer(), FunctionDecl.class) != null
				|| EcoreUtil2.getContainerOfType(element.eContainer(), Lambda.class) != null;
	}

	/** Where a local binding is visible: its block, function, lambda, loop or match arm. */
	private static EObject region(EObject local) {
		MatchArm arm = EcoreUtil2.getContainerOfType(local, MatchArm.class);
		return arm != null && (local instanceof BindingPattern || local instanceof ArmBinding) ? arm : local.eContainer();
	}

	private static boolean isType(NamedElement element) {
		return element instanceof StructDecl || element instanceof EnumDecl || element instanceof TypeAlias
				|| element instanceof ActorDecl || element instanceof TraitDecl;
	}
}
