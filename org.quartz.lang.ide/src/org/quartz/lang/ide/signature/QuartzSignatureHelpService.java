package org.quartz.lang.ide.signature;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.signatureHelp.ISignatureHelpService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.quartz.lang.ide.symbols.Signatures;
import org.quartz.lang.quartz.Call;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Signature help inside the parentheses of a call: the called function's parameters, the one
 * the cursor is in active. For `x.f(a)` (UFCS, or a trait's method) the receiver fills the first
 * parameter.
 */
public class QuartzSignatureHelpService implements ISignatureHelpService {

	@Inject
	private TypeChecker typeChecker;

	@Override
	public SignatureHelp getSignatureHelp(Document document, XtextResource resource, SignatureHelpParams params,
			CancelIndicator cancelIndicator) {
		if (resource.getParseResult() == null) {
			return EMPTY;
		}
		int offset = document.getOffSet(params.getPosition());
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(),
				Math.max(0, offset - 1));
		for (EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf); element != null;
				element = element.eContainer()) {
			if (!(element instanceof Call) && !(element instanceof MemberAccess)) {
				continue;
			}
			int argument = argumentAt(element, offset);
			if (argument < 0) {
				continue;
			}
			FunctionDecl function = calledFunction(element);
			if (function == null) {
				return EMPTY;
			}
			if (element instanceof MemberAccess access && !isActorMessage(access)) {
				argument++; // the receiver is the first argument
			}
			return help(function, argument);
		}
		return EMPTY;
	}

	/**
	 * The index of the argument {@code offset} lies in, counting the commas of this call's own
	 * parentheses; -1 when the offset is not between them.
	 */
	private static int argumentAt(EObject call, int offset) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(call);
		if (node == null) {
			return -1;
		}
		int depth = 0;
		int argument = -1;
		boolean ownParenthesesSeen = false;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (leaf.getOffset() >= offset) {
				break;
			}
			if (leaf.isHidden()) {
				continue;
			}
			EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
			String text = leaf.getText();
			if (owner == call && text.equals("(") && !ownParenthesesSeen) {
				ownParenthesesSeen = true;
				depth = 1;
				argument = 0;
			} else if (ownParenthesesSeen && owner == call && text.equals(")")) {
				return -1; // the cursor is after the call's closing parenthesis
			} else if (owner == call && text.equals(",") && depth == 1) {
				argument++;
			}
		}
		return argument;
	}

	private FunctionDecl calledFunction(EObject call) {
		if (call instanceof Call c && c.getCallee() instanceof NameRef ref && ref.getRef() instanceof FunctionDecl f) {
			return f;
		}
		CallTarget target = typeChecker.typing(call).callTarget(call);
		return target != null && target.declaration() instanceof FunctionDecl function ? function : null;
	}

	private boolean isActorMessage(MemberAccess access) {
		return typeChecker.typing(access).callTarget(access) instanceof CallTarget.ActorMessage;
	}

	private static SignatureHelp help(FunctionDecl function, int argument) {
		List<ParameterInformation> parameters = new ArrayList<>();
		for (Param param : function.getParams()) {
			parameters.add(new ParameterInformation(Signatures.of(param)));
		}
		SignatureInformation signature = new SignatureInformation(Signatures.of(function));
		signature.setParameters(parameters);
		int active = Math.min(argument, Math.max(0, parameters.size() - 1));
		signature.setActiveParameter(active);
		SignatureHelp help = new SignatureHelp(List.of(signature), 0, active);
		return help;
	}
}
