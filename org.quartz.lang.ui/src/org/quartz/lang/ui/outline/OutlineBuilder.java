package org.quartz.lang.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ActorField;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.Field;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TopLevel;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.Variant;
import org.quartz.lang.ui.outline.OutlineNode.Kind;

/** The outline of a parsed module: its top-level declarations, in source order, with their members. */
public class OutlineBuilder {

	public List<OutlineNode> build(XtextResource resource) {
		List<OutlineNode> nodes = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return nodes;
		}
		for (TopLevel element : module.getElements()) {
			OutlineNode node = nodeOf(element);
			if (node != null) {
				nodes.add(node);
			}
		}
		return nodes;
	}

	private OutlineNode nodeOf(TopLevel element) {
		if (element instanceof FunctionDecl function) {
			return node(function, Kind.FUNCTION, List.of());
		}
		if (element instanceof ConstDecl constant) {
			return node(constant, Kind.CONSTANT, List.of());
		}
		if (element instanceof StructDecl struct) {
			List<OutlineNode> fields = new ArrayList<>();
			for (Field field : struct.getFields()) {
				fields.add(node(field, Kind.FIELD, List.of()));
			}
			return node(struct, Kind.STRUCT, fields);
		}
		if (element instanceof EnumDecl enumDecl) {
			List<OutlineNode> variants = new ArrayList<>();
			for (Variant variant : enumDecl.getVariants()) {
				variants.add(node(variant, Kind.VARIANT, List.of()));
			}
			return node(enumDecl, Kind.ENUM, variants);
		}
		if (element instanceof TypeAlias alias) {
			return node(alias, Kind.TYPE_ALIAS, List.of());
		}
		if (element instanceof ActorDecl actor) {
			List<OutlineNode> members = new ArrayList<>();
			for (ActorField field : actor.getFields()) {
				members.add(node(field, Kind.ACTOR_FIELD, List.of()));
			}
			for (FunctionDecl method : actor.getMethods()) {
				members.add(node(method, Kind.METHOD, List.of()));
			}
			members.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
			return node(actor, Kind.ACTOR, members);
		}
		return null; // imports and top-level statements are not declarations
	}

	private static OutlineNode node(NamedElement element, Kind kind, List<OutlineNode> children) {
		List<INode> names = NodeModelUtils.findNodesForFeature(element, QuartzPackage.Literals.NAMED_ELEMENT__NAME);
		INode where = names.isEmpty() ? NodeModelUtils.findActualNodeFor(element) : names.get(0);
		int offset = where == null ? 0 : where.getOffset();
		int length = where == null ? 0 : where.getLength();
		String name = element.getName() == null ? "?" : element.getName();
		return new OutlineNode(name, kind, offset, length, List.copyOf(children));
	}
}
