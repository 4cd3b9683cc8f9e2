package org.quartz.lang.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.ide.symbols.Signatures;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Expression;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.MemberAccess;
import org.quartz.lang.quartz.NameRef;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.NamedTypeRef;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.TypeParam;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.typing.CallTarget;
import org.quartz.lang.typing.Type;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Hover: the inferred type of the name or expression under the cursor (`x: Int`), a function's
 * signature (a trait's or an impl's method with its trait or impl), or what a type name declares
 * (a type parameter with its bounds).
 */
public class QuartzHoverService extends HoverService {

	@Inject
	private TypeChecker typeChecker;

	/** What hovering shows and over which span of text; the language server's and the Eclipse editor's. */
	public record HoverText(String text, int offset, int length) {
	}

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		HoverText hover = at(resource, document.getOffSet(params.getPosition()));
		if (hover == null) {
			return IHoverService.EMPTY_HOVER;
		}
		Range range = new Range(document.getPosition(hover.offset()), document.getPosition(hover.offset() + hover.length()));
		return new Hover(new MarkupContent(MarkupKind.MARKDOWN, "```quartz\n" + hover.text() + "\n```"), range);
	}

	/** The hover of the token at {@code offset}; null when there is nothing to say. */
	public HoverText at(XtextResource resource, int offset) {
		ILeafNode leaf = SourceElements.tokenAt(resource, offset);
		EObject element = SourceElements.elementOf(leaf);
		String text = element == null ? null : describe(element);
		return text == null ? null : new HoverText(text, leaf.getOffset(), leaf.getLength());
	}

	/** The hover text for a token's element; null when there is nothing to say. */
	String describe(EObject element) {
		if (element instanceof NameRef ref) {
			EObject target = ref.getRef();
			if (target instanceof FunctionDecl function) {
				return declaration(function);
			}
			if (target instanceof NamedElement named && !named.eIsProxy()) {
				String declared = typeDeclaration(named);
				return declared != null ? declared : named.getName() + ": " + typeOf(ref);
			}
			return null;
		}
		if (element instanceof MemberAccess access) {
			CallTarget target = typeChecker.typing(access).callTarget(access);
			if (target instanceof CallTarget.Function call) {
				return declaration(call.function());
			}
			if (target instanceof CallTarget.TraitMethod call) {
				return declaration(call.method());
			}
			if (target instanceof CallTarget.ActorMessage message) {
				return declaration(message.method());
			}
			return access.getMember() + ": " + typeOf(access);
		}
		if (element instanceof NamedTypeRef type && type.getType() != null && !type.getType().eIsProxy()) {
			String declared = typeDeclaration(type.getType());
			return declared != null ? declared : type.getType().getName();
		}
		if (element instanceof VariantLiteral literal) {
			return typeOf(literal);
		}
		if (element instanceof FunctionDecl function) {
			return declaration(function);
		}
		if (element instanceof ImplDecl impl) {
			return Signatures.of(impl);
		}
		if (element instanceof NamedElement named) {
			String declared = typeDeclaration(named);
			if (declared != null) {
				return declared;
			}
			if (named instanceof Field field) {
				return field.getName() + ": " + Signatures.of(field.getType());
			}
			if (named instanceof ActorField field) {
				return "var " + field.getName() + ": " + Signatures.of(field.getType());
			}
			if (named instanceof ConstDecl constant) {
				return "const " + constant.getName() + ": " + typeOf(constant);
			}
			return named.getName() + ": " + typeOf(named);
		}
		if (element instanceof Expression expression) {
			Type type = typeChecker.typeOf(expression);
			return type == Type.Error.INSTANCE ? null : type.toString();
		}
		return null;
	}

	private String typeOf(EObject element) {
		Type type = typeChecker.typeOf(element);
		return type == Type.Error.INSTANCE ? "?" : type.toString();
	}

	/** A function's signature; a trait's or an impl's method under the trait's or impl's first line, as in the source. */
	private static String declaration(FunctionDecl function) {
		String prefix = function.isExtern() ? "extern \"" + function.getAbi() + "\" def " : "def ";
		String text = prefix + Signatures.of(function);
		if (function.eContainer() instanceof TraitDecl trait) {
			return "trait " + trait.getName() + "\n  " + text;
		}
		if (function.eContainer() instanceof ImplDecl impl) {
			return Signatures.of(impl) + "\n  " + text;
		}
		return text;
	}

	/** For names of types: what kind of type they declare; null for other elements. */
	private static String typeDeclaration(NamedElement element) {
		if (element instanceof StructDecl) {
			return "struct " + element.getName();
		}
		if (element instanceof EnumDecl) {
			return "enum " + element.getName();
		}
		if (element instanceof ActorDecl) {
			return "actor " + element.getName();
		}
		if (element instanceof TypeAlias alias) {
			return alias.getType() == null ? "type " + alias.getName() : "type " + alias.getName() + " = " + Signatures.of(alias.getType());
		}
		if (element instanceof TypeParam param) {
			return "type parameter " + Signatures.of(param);
		}
		if (element instanceof TraitDecl) {
			return "trait " + element.getName();
		}
		if (element instanceof Variant variant && variant.eContainer() instanceof EnumDecl enumeration) {
			return enumeration.getName() + "::" + variant.getName();
		}
		return null;
	}
}
