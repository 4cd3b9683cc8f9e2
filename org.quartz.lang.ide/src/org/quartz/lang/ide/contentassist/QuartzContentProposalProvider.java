package org.quartz.lang.ide.contentassist;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.quartz.lang.ide.symbols.Signatures;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.scoping.QuartzScopeProvider;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.Traits;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Completion: Xtext's proposals for names in scope and keywords, plus members after `.`: the
 * receiver's struct fields or actor methods, the methods of its traits (a type parameter's
 * bounds, the traits its type has an impl of), and the functions callable on it (UFCS: the
 * functions whose first parameter takes the receiver's type).
 */
public class QuartzContentProposalProvider extends IdeContentProposalProvider {

	@Inject
	private TypeChecker typeChecker;

	@Inject
	private QuartzScopeProvider scopeProvider;

	/**
	 * Leaves out the contexts that would glue a proposal to the name being typed: right after `pu`
	 * the parser also offers, with an empty prefix, what may follow a complete expression `pu`
	 * (operators, `do`, the names of an argument).
	 */
	@Override
	public void createProposals(Collection<ContentAssistContext> contexts, IIdeContentProposalAcceptor acceptor) {
		super.createProposals(contexts.stream().filter(context -> !endsAName(context)).toList(), acceptor);
	}

	private static boolean endsAName(ContentAssistContext context) {
		String text = context.getRootNode() == null ? "" : context.getRootNode().getText();
		int offset = context.getOffset();
		if (!context.getPrefix().isEmpty() || offset <= 0 || offset > text.length()) {
			return false;
		}
		char before = text.charAt(offset - 1);
		return Character.isLetterOrDigit(before) || before == '_' || before == '?' || before == '!';
	}

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		if ("member".equals(assignment.getFeature())) {
			Expression receiver = receiver(context);
			if (receiver != null) {
				memberProposals(receiver, context, acceptor);
			}
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/** The expression before the `.`: the parser may or may not have made the member access yet. */
	private static Expression receiver(ContentAssistContext context) {
		INode last = context.getLastCompleteNode();
		if (last != null && ".".equals(last.getText())
				&& NodeModelUtils.findActualSemanticObjectFor(last) instanceof MemberAccess access) {
			return access.getReceiver(); // the '.' belongs to the access whose receiver precedes it
		}
		for (EObject model : new EObject[] { context.getCurrentModel(), context.getPreviousModel() }) {
			if (model instanceof MemberAccess access && access.getMember() == null) {
				return access.getReceiver();
			}
			if (model instanceof Expression expression && !(model instanceof MemberAccess)) {
				return expression;
			}
		}
		return null;
	}

	private void memberProposals(Expression receiver, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Type type = typeChecker.typeOf(receiver);
		Map<String, ContentAssistEntry> entries = new LinkedHashMap<>();
		if (type instanceof Type.Named named && named.declaration() instanceof StructDecl struct) {
			for (Field field : struct.getFields()) {
				add(entries, field.getName(), ContentAssistEntry.KIND_FIELD, Signatures.of(field.getType()), context);
			}
		}
		if (type instanceof Type.Named named && named.declaration() instanceof ActorDecl actor) {
			for (FunctionDecl method : actor.getMethods()) {
				add(entries, method.getName(), ContentAssistEntry.KIND_METHOD, Signatures.of(method), context);
			}
			add(entries, CallTarget.ActorStop.MEMBER, ContentAssistEntry.KIND_METHOD, "stop()", context);
		}
		for (TraitDecl trait : traitsOf(type, receiver)) {
			for (FunctionDecl method : trait.getMethods()) {
				add(entries, method.getName(), ContentAssistEntry.KIND_METHOD,
						Signatures.of(method) + " (" + trait.getName() + ")", context);
			}
		}
		if (type instanceof Type.Named named) {
			for (IEObjectDescription description : getScopeProvider()
					.getScope(receiver, QuartzPackage.Literals.NAME_REF__REF).getAllElements()) {
				if (EcoreUtil.resolve(description.getEObjectOrProxy(), receiver) instanceof FunctionDecl function
						&& takesAsFirstArgument(function, named)) {
					add(entries, function.getName(), ContentAssistEntry.KIND_FUNCTION, Signatures.of(function), context);
				}
			}
		}
		entries.values().forEach(entry -> acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry)));
	}

	/** The traits whose methods a value of {@code type} has: a type parameter's bounds, or the visible traits the type has an impl of. */
	private List<TraitDecl> traitsOf(Type type, EObject context) {
		if (type instanceof Type.Parameter parameter) {
			return parameter.declaration().getBounds().stream().filter(trait -> !trait.eIsProxy()).toList();
		}
		if (type instanceof Type.Named named) {
			return scopeProvider.visibleTraits(context).stream().filter(trait -> Traits.implFor(trait, named) != null).toList();
		}
		return List.of();
	}

	private static boolean takesAsFirstArgument(FunctionDecl function, Type.Named type) {
		if (function.getParams().isEmpty() || !(function.getParams().get(0).getType() instanceof NamedTypeRef first)
				|| first.getType() == null || first.getType().eIsProxy()) {
			return false;
		}
		// A generic first parameter (`to_s<T>(value: T)`) takes any receiver.
		return first.getType() instanceof TypeParam || type.name().equals(first.getType().getName());
	}

	/** The first proposal for a name wins: a struct field shadows a function of the same name. */
	private void add(Map<String, ContentAssistEntry> entries, String name, String kind, String detail,
			ContentAssistContext context) {
		if (name == null || entries.containsKey(name)) {
			return;
		}
		ContentAssistEntry entry = getProposalCreator().createProposal(name, context, e -> {
			e.setKind(kind);
			e.setDescription(detail);
		});
		if (entry != null) {
			entries.put(name, entry);
		}
	}
}
