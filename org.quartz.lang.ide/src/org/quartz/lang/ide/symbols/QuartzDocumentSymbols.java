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
 * constants and globals.
 */
public class QuartzDocumentSymbols {

	@Inject
	private ILocationInFileProvider locations;

	public List<DocumentSymbol> symbols(Document document, XtextResource resource) {
		List<DocumentSymbol> symbols = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return symbols;
		}
		for (EObject element : module.getElements()) {
			DocumentSymbol symbol = symbol(document, element);
			if (symbol != null) {
				symbols.add(symbol);
			}
		}
		return symbols;
	}

	private DocumentSymbol symbol(Document document, EObject element) {
		if (element instanceof FunctionDecl function) {
			return create(document, function, SymbolKind.Function, Signatures.of(function), List.of());
		}
		if (element instanceof StructDecl struct) {
			List<DocumentSymbol> fields = new ArrayList<>();
			for (Field field : struct.getFields()) {
				add(fields, create(document, field, SymbolKind.Field, Signatures.of(field.getType()), List.of()));
			}
			return create(document, struct, SymbolKind.Struct, null, fields);
		}
		if (element instanceof EnumDecl enumeration) {
			List<DocumentSymbol> variants = new ArrayList<>();
			for (Variant variant : enumeration.getVariants()) {
				add(variants, create(document, variant, SymbolKind.EnumMember, null, List.of()));
			}
			return create(document, enumeration, SymbolKind.Enum, null, variants);
		}
		if (element instanceof ActorDecl actor) {
			List<DocumentSymbol> members = new ArrayList<>();
			for (EObject member : actor.eContents()) {
				if (member instanceof ActorField field) {
					add(members, create(document, field, SymbolKind.Field, Signatures.of(field.getType()), List.of()));
				} else if (member instanceof FunctionDecl method) {
					add(members, create(document, method, SymbolKind.Method, Signatures.of(method), List.of()));
				}
			}
			return create(document, actor, SymbolKind.Class, "actor", members);
		}
		if (element instanceof TraitDecl trait) {
			return create(document, trait, SymbolKind.Interface, "trait", methods(document, trait.getMethods()));
		}
		if (element instanceof ImplDecl impl) {
			return implSymbol(document, impl);
		}
		if (element instanceof TypeAlias alias) {
			return create(document, alias, SymbolKind.TypeParameter, null, List.of());
		}
		if (element instanceof ConstDecl constant) {
			return create(document, constant, SymbolKind.Constant, null, List.of());
		}
		if (element instanceof VarDecl global && Globals.isGlobal(global)) {
			return create(document, global, SymbolKind.Variable, null, List.of());
		}
		return null;
	}

	private List<DocumentSymbol> methods(Document document, List<FunctionDecl> methods) {
		List<DocumentSymbol> symbols = new ArrayList<>();
		for (FunctionDecl method : methods) {
			add(symbols, create(document, method, SymbolKind.Method, Signatures.of(method), List.of()));
		}
		return symbols;
	}

	/** `impl Shape for Circle`, named by its header as written (null while its trait or type is not written yet). */
	private DocumentSymbol implSymbol(Document document, ImplDecl impl) {
		ICompositeNode node = NodeModelUtils.getNode(impl);
		List<INode> trait = NodeModelUtils.findNodesForFeature(impl, QuartzPackage.Literals.IMPL_DECL__TRAIT);
		if (node == null || trait.isEmpty() || impl.getType() == null) {
			return null;
		}
		ICompositeNode type = NodeModelUtils.getNode(impl.getType());
		DocumentSymbol symbol = new DocumentSymbol(Signatures.of(impl), SymbolKind.Object,
				range(document, node.getOffset(), node.getEndOffset()),
				range(document, trait.get(0).getOffset(), type.getEndOffset()), null);
		symbol.setChildren(methods(document, impl.getMethods()));
		return symbol;
	}

	private static void add(List<DocumentSymbol> symbols, DocumentSymbol symbol) {
		if (symbol != null) {
			symbols.add(symbol);
		}
	}

	/** Null for an element the parser left without a name (while typing). */
	private DocumentSymbol create(Document document, NamedElement element, SymbolKind kind, String detail,
			List<DocumentSymbol> children) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		if (element.getName() == null || element.getName().isEmpty() || node == null) {
			return null;
		}
		ITextRegion name = locations.getSignificantTextRegion(element);
		Range range = range(document, node.getOffset(), node.getEndOffset());
		Range selection = range(document, name.getOffset(), name.getOffset() + name.getLength());
		DocumentSymbol symbol = new DocumentSymbol(element.getName(), kind, range, selection, detail);
		symbol.setChildren(new ArrayList<>(children));
		return symbol;
	}

	private static Range range(Document document, int start, int end) {
		return new Range(document.getPosition(start), document.getPosition(end));
	}
}
