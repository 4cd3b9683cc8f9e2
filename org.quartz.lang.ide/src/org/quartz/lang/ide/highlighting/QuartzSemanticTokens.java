package org.quartz.lang.ide.highlighting;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ArmBinding;
import org.quartz.lang.quartz.BindingPattern;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.LambdaParam;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.LoopVariable;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.Param;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantField;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * LSP semantic tokens for names: what each declared or referenced name denotes. Keywords,
 * strings and comments are left to the client's grammar.
 */
public class QuartzSemanticTokens {

	/** The legend; a token's type is an index into it. */
	public static final List<String> TOKEN_TYPES = List.of("function", "method", "parameter", "variable", "property",
			"type", "struct", "enum", "class", "typeParameter", "enumMember", "interface");
	public static final List<String> TOKEN_MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");

	private static final int DECLARATION = 1;
	private static final int READONLY = 2;
	private static final int DEFAULT_LIBRARY = 4;

	@Inject
	private TypeChecker typeChecker;

	private record Token(int offset, int length, int type, int modifiers) {
	}

	public SemanticTokens tokens(Document document, XtextResource resource) {
		List<Token> tokens = new ArrayList<>();
		if (resource.getParseResult() != null) {
			for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
				if (!leaf.isHidden() && leaf.getLength() > 0) {
					Token token = classify(leaf);
					if (token != null) {
						tokens.add(token);
					}
				}
			}
		}
		return new SemanticTokens(encode(document, tokens));
	}

	private Token classify(ILeafNode leaf) {
		Assignment assignment = assignmentOf(leaf);
		if (assignment == null) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (element == null) {
			return null;
		}
		if (assignment.getTerminal() instanceof CrossReference) {
			EStructuralFeature feature = element.eClass().getEStructuralFeature(assignment.getFeature());
			if (feature == null) {
				return null;
			}
			EObject target = feature.isMany() ? nthTarget(element, feature, leaf) : (EObject) element.eGet(feature, true);
			return target == null || target.eIsProxy() ? null : token(leaf, target, 0);
		}
		if ("name".equals(assignment.getFeature())) {
			return token(leaf, element, DECLARATION);
		}
		if ("member".equals(assignment.getFeature()) && element instanceof MemberAccess access) {
			CallTarget target = typeChecker.typing(access).callTarget(access);
			if (target instanceof CallTarget.FieldRead read) {
				return token(leaf, read.field(), 0);
			}
			if (target instanceof CallTarget.Function function) {
				return token(leaf, function.function(), 0);
			}
			if (target instanceof CallTarget.TraitMethod method) {
				return token(leaf, method.method(), 0);
			}
			if (target instanceof CallTarget.ActorMessage message) {
				return token(leaf, message.method(), 0);
			}
		}
		return null;
	}

	/** What the leaf names in a many-valued reference (a bound of `T: Eq + Hash`): the element of the list at the leaf's place. */
	private static EObject nthTarget(EObject element, EStructuralFeature feature, ILeafNode leaf) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
		List<?> targets = (List<?>) element.eGet(feature, true);
		for (int i = 0; i < nodes.size() && i < targets.size(); i++) {
			if (nodes.get(i).getOffset() <= leaf.getOffset() && leaf.getEndOffset() <= nodes.get(i).getEndOffset()) {
				return (EObject) targets.get(i);
			}
		}
		return null;
	}

	/** The assignment a name token fills, through the datatype rules (ValidID, MemberName) it is parsed by. */
	private static Assignment assignmentOf(ILeafNode leaf) {
		for (INode node = leaf; node != null; node = node.getParent()) {
			Assignment assignment = GrammarUtil.containingAssignment(node.getGrammarElement());
			if (assignment != null) {
				return assignment;
			}
			if (node != leaf && !GrammarUtil.isDatatypeRuleCall(node.getGrammarElement())) {
				return null;
			}
		}
		return null;
	}

	private static Token token(ILeafNode leaf, EObject denoted, int modifiers) {
		String type = typeOf(denoted);
		if (type == null) {
			return null;
		}
		if (denoted instanceof ConstDecl) {
			modifiers |= READONLY;
		}
		if (Prelude.isPrelude(denoted.eResource())) {
			modifiers |= DEFAULT_LIBRARY;
		}
		return new Token(leaf.getOffset(), leaf.getLength(), TOKEN_TYPES.indexOf(type), modifiers);
	}

	private static String typeOf(EObject denoted) {
		if (denoted instanceof FunctionDecl) {
			EObject owner = denoted.eContainer();
			return owner instanceof ActorDecl || owner instanceof TraitDecl || owner instanceof ImplDecl ? "method" : "function";
		}
		if (denoted instanceof Param || denoted instanceof LambdaParam) {
			return "parameter";
		}
		if (denoted instanceof VarDecl || denoted instanceof LetDecl || denoted instanceof LoopVariable
				|| denoted instanceof BindingPattern || denoted instanceof ArmBinding || denoted instanceof ConstDecl) {
			return "variable";
		}
		if (denoted instanceof Field || denoted instanceof ActorField || denoted instanceof VariantField) {
			return "property";
		}
		if (denoted instanceof StructDecl) {
			return "struct";
		}
		if (denoted instanceof EnumDecl) {
			return "enum";
		}
		if (denoted instanceof ActorDecl) {
			return "class";
		}
		if (denoted instanceof TypeAlias) {
			return "type";
		}
		if (denoted instanceof TypeParam) {
			return "typeParameter";
		}
		if (denoted instanceof Variant) {
			return "enumMember";
		}
		if (denoted instanceof TraitDecl) {
			return "interface";
		}
		return null;
	}

	/** LSP's relative encoding: per token, line delta, start delta, length, type, modifiers. */
	private static List<Integer> encode(Document document, List<Token> tokens) {
		tokens.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		List<Integer> data = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (Token token : tokens) {
			Position position = document.getPosition(token.offset());
			int deltaLine = position.getLine() - line;
			data.add(deltaLine);
			data.add(deltaLine == 0 ? position.getCharacter() - character : position.getCharacter());
			data.add(token.length());
			data.add(token.type());
			data.add(token.modifiers());
			line = position.getLine();
			character = position.getCharacter();
		}
		return data;
	}
}
