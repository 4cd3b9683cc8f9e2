package org.quartz.lang.ide.folding;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ElsifClause;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.ForStmt;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.IfExpression;
import org.quartz.lang.quartz.ImplDecl;
import org.quartz.lang.quartz.Lambda;
import org.quartz.lang.quartz.LoopStmt;
import org.quartz.lang.quartz.MatchArm;
import org.quartz.lang.quartz.MatchExpression;
import org.quartz.lang.quartz.SelectExpression;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TraitDecl;
import org.quartz.lang.quartz.WhileStmt;

/**
 * Folding: a block from its first line to the line before its `end` (which stays in view), each
 * branch of an if separately, a multi-line match arm, and runs of two or more comment lines.
 */
public class QuartzFoldingRanges extends FoldingRangeService {

	@Override
	public List<FoldingRange> createFoldingRanges(Document document, XtextResource resource, CancelIndicator cancelIndicator) {
		List<FoldingRange> ranges = new ArrayList<>();
		if (resource.getParseResult() == null) {
			return ranges;
		}
		ICompositeNode root = resource.getParseResult().getRootNode();
		for (EObject element : (Iterable<EObject>) () -> resource.getAllContents()) {
			if (element instanceof IfExpression) {
				branches(document, NodeModelUtils.getNode(element), ranges);
			} else if (element instanceof MatchArm) {
				INode node = NodeModelUtils.getNode(element);
				ILeafNode last = lastLeaf(node);
				if (last != null) {
					add(ranges, line(document, node.getOffset()), line(document, last.getOffset()), null);
				}
			} else if (isBlock(element)) {
				INode node = NodeModelUtils.getNode(element);
				ILeafNode last = lastLeaf(node);
				if (last != null && "end".equals(last.getText())) {
					add(ranges, line(document, node.getOffset()), line(document, last.getOffset()) - 1, null);
				}
			}
		}
		comments(document, root, ranges);
		return ranges;
	}

	private static boolean isBlock(EObject element) {
		return element instanceof FunctionDecl || element instanceof StructDecl || element instanceof EnumDecl
				|| element instanceof TraitDecl || element instanceof ImplDecl || element instanceof ActorDecl
				|| element instanceof MatchExpression || element instanceof SelectExpression || element instanceof WhileStmt
				|| element instanceof ForStmt || element instanceof LoopStmt || element instanceof Lambda;
	}

	/** `if`, each `elsif` and `else`, each up to the line before the next of them or `end`. */
	private static void branches(Document document, ICompositeNode node, List<FoldingRange> ranges) {
		List<Integer> starts = new ArrayList<>();
		for (INode child : node.getChildren()) {
			boolean elsif = child.getSemanticElement() instanceof ElsifClause && child.getSemanticElement() != node.getSemanticElement();
			if (elsif || child.getGrammarElement() instanceof Keyword keyword && List.of("if", "else", "end").contains(keyword.getValue())) {
				starts.add(line(document, child.getOffset()));
			}
		}
		for (int i = 0; i + 1 < starts.size(); i++) {
			add(ranges, starts.get(i), starts.get(i + 1) - 1, null);
		}
	}

	/** Runs of lines that hold only a comment. */
	private static void comments(Document document, ICompositeNode root, List<FoldingRange> ranges) {
		int first = -1;
		int last = -1;
		for (ILeafNode leaf : root.getLeafNodes()) {
			if (leaf.isHidden() && leaf.getText().startsWith("#") && startsLine(leaf)) {
				int line = line(document, leaf.getOffset());
				if (first < 0 || line != last + 1) {
					add(ranges, first, last, FoldingRangeKind.Comment);
					first = line;
				}
				last = line;
			} else if (!leaf.getText().isBlank()) {
				add(ranges, first, last, FoldingRangeKind.Comment);
				first = -1;
				last = -1;
			}
		}
		add(ranges, first, last, FoldingRangeKind.Comment);
	}

	private static boolean startsLine(ILeafNode leaf) {
		String text = leaf.getRootNode().getText();
		for (int i = leaf.getOffset() - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The last token that is not blank (a block's own trailing newline is part of its node). */
	private static ILeafNode lastLeaf(INode node) {
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && !leaf.getText().isBlank()) {
				last = leaf;
			}
		}
		return last;
	}

	private static int line(Document document, int offset) {
		return document.getPosition(offset).getLine();
	}

	private static void add(List<FoldingRange> ranges, int start, int end, String kind) {
		if (start >= 0 && end > start) {
			FoldingRange range = new FoldingRange(start, end);
			range.setKind(kind);
			ranges.add(range);
		}
	}
}
