package org.quartz.lang.ui.workbench.navigation;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.ide.navigation.QuartzNavigation;
import org.quartz.lang.ide.navigation.QuartzNavigation.Occurrence;
import org.quartz.lang.prelude.Prelude;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.SharedDocumentParsers;

/**
 * Go to definition in the generic editor (Ctrl+click, F3): a link on a name to its declaration,
 * in this file, another workspace file or the standard library ({@link QuartzNavigation}).
 */
public class DeclarationHyperlinkDetector extends AbstractHyperlinkDetector {

	/** A link from a name to the declaration it stands for. */
	private record DeclarationLink(IRegion region, Occurrence declaration, ITextEditor editor) implements IHyperlink {

		@Override
		public IRegion getHyperlinkRegion() {
			return region;
		}

		@Override
		public String getTypeLabel() {
			return "Quartz declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open Declaration";
		}

		@Override
		public void open() {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			try {
				EditorPositions.open(page, editor, declaration);
			} catch (CoreException e) {
				StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
			}
		}
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IDocument document = viewer.getDocument();
		if (document == null) {
			return null;
		}
		QuartzNavigation navigation = QuartzInjector.get().getInstance(QuartzNavigation.class);
		int offset = region.getOffset();
		IHyperlink link = SharedDocumentParsers.INSTANCE.of(document).read(document.get(), resource -> {
			ILeafNode token = SourceElements.tokenAt(resource, offset);
			NamedElement declaration = token == null ? null : navigation.declarationAt(resource, offset);
			if (declaration == null || declaration.eResource() == null || Prelude.isPrelude(declaration.eResource())) {
				// built-ins have no source file to open
				return null;
			}
			return new DeclarationLink(new Region(token.getOffset(), token.getLength()), navigation.nameOf(declaration),
					getAdapter(ITextEditor.class));
		});
		return link == null ? null : new IHyperlink[] { link };
	}
}
