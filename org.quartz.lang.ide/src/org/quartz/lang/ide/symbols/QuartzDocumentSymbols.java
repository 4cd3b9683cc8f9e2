package org.quartz.lang.ide.symbols;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.VarDecl;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.scoping.Globals;

import com.google.inject.Inject;

/**
 * The outline of a module: functions, structs with their fields, enums with their variants,
 * actors with their fields and methods, traits and impls with their methods, type aliases,
 * constants and globals. One tree ({@link Symbol}) for the language server's document symbols
 * and the Eclipse editor's Outline view.
 */
public class QuartzDocumentSymbols {

	/**
	 * One declaration: its name, kind and detail as the language server sends them, the span of
	 * the whole declaration and of its name (offsets), and what it declares inside.
	 */
	public record Symbol(String name, SymbolKind kind, String detail, int offset, int endOffset, int nameOffset,
			int nameEndOffset, List<Symbol> children) {

		/** The text an outline shows: `def add(a: Int): Int`, `struct Point`, `x: Int`, `impl Shape for Circle`. */
		public String label() {
			return switch (kind) {
			case Function, Method -> "def " + detail;
			case Struct -> "struct " + name;
			case Enum -> "enum " + name;
			case Class, Interface -> detail + " " + name;
			case TypeParameter -> "type " + name;
			case Constant -> "const " + name;
			case Variable -> "var " + name;
			case Field -> name + ": " + detail;
			default -> name;
			};
		}
	}

	@Inject
	private ILocationInFileProvider locations;

	/** The language server's document symbols. */
	public List<DocumentSymbol> symbols(Document document, XtextResource resource) {
		return symbols(resource).stream().map(symbol -> toLsp(document, symbol)).toList();
	}

	/** The module's declarations, in source order. */
	public List<Symbol> symbols(XtextResource resource) {
		List<Symbol> symbols = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return symbols;
		}
		for (EObject element : module.getElements()) {
			add(symbols, symbol(element));
		}
		return symbols;
	}

	private static DocumentSymbol toLsp(Document document, Symbol symbol) {
		DocumentSymbol lsp = new DocumentSymbol(symbol.name(), symbol.kind(),
				range(document, symbol.offset(), symbol.endOffset()),
				range(document, symbol.nameOffset(), symbol.nameEndOffset()), symbol.detail());
		lsp.setChildren(new ArrayList<>(symbol.children().stream().map(child -> toLsp(document, child)).toList()));
		return lsp;
	}

	private Symbol symbol(EObject element) {
		if (element instanceof FunctionDecl function) {
			return create(function, SymbolKind.Function, Signatures.of(function), List.of());
		}
		if (element instanceof StructDecl struct) {
			List<Symbol> fields = new ArrayList<>();
			for (Field field : struct.getFields()) {
				add(fields, create(field, SymbolKind.Field, Signatures.of(field.getType()), List.of()));
			}
			return create(struct, SymbolKind.Struct, null, fields);
		}
		if (element instanceof EnumDecl enumeration) {
			List<Symbol> variants = new ArrayList<>();
			for (Variant variant : enumeration.getVariants()) {
				add(variants, create(variant, SymbolKind.EnumMember, null, List.of()));
			}
			return create(enumeration, SymbolKind.Enum, null, variants);
		}
		if (element instanceof ActorDecl actor) {
			List<Symbol> members = new ArrayList<>();
			for (EObject member : actor.eContents()) {
				if (member instanceof ActorField field) {
					add(members, create(field, SymbolKind.Field, Signatures.of(field.getType()), List.of()));
				} else if (member instanceof FunctionDecl method) {
					add(members, create(method, SymbolKind.Method, Signatures.of(method), List.of()));
				}
			}
			return create(actor, SymbolKind.Class, "actor", members);
		}
		if (element instanceof TraitDecl trait) {
			return create(trait, SymbolKind.Interface, "trait", methods(trait.getMethods()));
		}
		if (element instanceof ImplDecl impl) {
			return implSymbol(impl);
		}
		if (element instanceof TypeAlias alias) {
			return create(alias, SymbolKind.TypeParameter, null, List.of());
		}
		if (element instanceof ConstDecl constant) {
			return create(constant, SymbolKind.Constant, null, List.of());
		}
		if (element instanceof VarDecl global && Globals.isGlobal(global)) {
			return create(global, SymbolKind.Variable, null, List.of());
		}
		return null;
	}

	private List<Symbol> methods(List<FunctionDecl> methods) {
		List<Symbol> symbols = new ArrayList<>();
		for (FunctionDecl method : methods) {
			add(symbols, create(method, SymbolKind.Method, Signatures.of(method), List.of()));
		}
		return symbols;
	}

	/** `impl Shape for Circle`, named by its header as written (null while its trait or type is not written yet). */
	private Symbol implSymbol(ImplDecl impl) {
		ICompositeNode node = NodeModelUtils.getNode(impl);
		List<INode> trait = NodeModelUtils.findNodesForFeature(impl, QuartzPackage.Literals.IMPL_DECL__TRAIT);
		if (node == null || trait.isEmpty() || impl.getType() == null) {
			return null;
		}
		ICompositeNode type = NodeModelUtils.getNode(impl.getType());
		return new Symbol(Signatures.of(impl), SymbolKind.Object, null, node.getOffset(), node.getEndOffset(),
				trait.get(0).getOffset(), type.getEndOffset(), methods(impl.getMethods()));
	}

	private static void add(List<Symbol> symbols, Symbol symbol) {
		if (symbol != null) {
			symbols.add(symbol);
		}
	}

	/** Null for an element the parser left without a name (while typing). */
	private Symbol create(NamedElement element, SymbolKind kind, String detail, List<Symbol> children) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		if (element.getName() == null || element.getName().isEmpty() || node == null) {
			return null;
		}
		ITextRegion name = locations.getSignificantTextRegion(element);
		return new Symbol(element.getName(), kind, detail, node.getOffset(), node.getEndOffset(), name.getOffset(),
				name.getOffset() + name.getLength(), List.copyOf(children));
	}

	private static Range range(Document document, int start, int end) {
		return new Range(document.getPosition(start), document.getPosition(end));
	}
}
