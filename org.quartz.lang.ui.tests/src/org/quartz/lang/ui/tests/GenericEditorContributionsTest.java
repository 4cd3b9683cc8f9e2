package org.quartz.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.quartz.lang.ui.QuartzSourceViewerConfiguration;
import org.quartz.lang.ui.highlighting.TokenStyles;
import org.quartz.lang.ui.validation.ProblemAnnotation;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generic editor's contributions in plugin.xml: each class loads from the bundle, is made
 * without arguments (as the generic editor makes it) and has the type its extension point wants;
 * and a source viewer built only from those contributions, the way the generic editor builds
 * its viewer, colours, validates, completes and hovers.
 */
class GenericEditorContributionsTest {

	private static final String CONTENT_TYPE = "org.quartz.lang.ui.source";

	/** Each generic editor extension point and the type its `class` must have. */
	private static final Map<String, Class<?>> EXTENSION_TYPES = Map.of(
			"org.eclipse.ui.genericeditor.presentationReconcilers", IPresentationReconciler.class,
			"org.eclipse.ui.genericeditor.contentAssistProcessors", IContentAssistProcessor.class,
			"org.eclipse.ui.genericeditor.hoverProviders", ITextHover.class,
			"org.eclipse.ui.genericeditor.reconcilers", IReconciler.class);

	private Display display;
	private Shell shell;

	@BeforeEach
	void openShell() {
		shell = TestDisplay.newShell();
		display = shell.getDisplay();
	}

	@AfterEach
	void closeShell() {
		shell.dispose();
	}

	@Test
	void pluginXmlDeclaresTheQzContentTypeAndBindsItToTheGenericEditor() throws Exception {
		Element plugin = pluginXml();
		Element contentType = single(extensions(plugin, "org.eclipse.core.contenttype.contentTypes"), "content-type");
		assertEquals(CONTENT_TYPE, contentType.getAttribute("id"));
		assertEquals("qz", contentType.getAttribute("file-extensions"));
		Element binding = single(extensions(plugin, "org.eclipse.ui.editors"), "editorContentTypeBinding");
		assertEquals(CONTENT_TYPE, binding.getAttribute("contentTypeId"));
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", binding.getAttribute("editorId"));
	}

	@Test
	void everyGenericEditorContributionLoadsAndHasItsExtensionPointsType() throws Exception {
		for (Map.Entry<String, Class<?>> point : EXTENSION_TYPES.entrySet()) {
			Object contribution = contribution(point.getKey());
			assertInstanceOf(point.getValue(), contribution, point.getKey());
		}
	}

	@Test
	void aViewerMadeOfTheContributionsIsAQuartzEditor() throws Exception {
		String source = """
				def main()
				  total = 40 + 2
				  puts("#{total}")
				  puts(greeting)
				end
				""";
		SourceViewer viewer = new SourceViewer(shell, null, SWT.MULTI | SWT.V_SCROLL);
		viewer.configure(new ContributedConfiguration());
		viewer.setDocument(new Document(source), new AnnotationModel());
		shell.open();

		StyleRange def = viewer.getTextWidget().getStyleRangeAtOffset(0);
		assertNotNull(def, "'def' not coloured");
		assertEquals(TokenStyles.KEYWORD_COLOR, def.foreground);

		assertTrue(TestDisplay.waitFor(display, () -> !problems(viewer).isEmpty(), 20_000),
				"the contributed reconciler showed no diagnostic");
		assertEquals(List.of("QZ0101"), problems(viewer).stream().map(ProblemAnnotation::getCode).toList());

		IContentAssistProcessor completion = (IContentAssistProcessor) contribution(
				"org.eclipse.ui.genericeditor.contentAssistProcessors");
		ICompletionProposal[] proposals = completion.computeCompletionProposals(viewer, source.indexOf("greeting"));
		assertTrue(Arrays.stream(proposals).anyMatch(p -> p.getDisplayString().startsWith("total")),
				() -> Arrays.toString(proposals));

		ITextHover hover = (ITextHover) contribution("org.eclipse.ui.genericeditor.hoverProviders");
		int use = source.indexOf("total}");
		// the contributed hover implements ITextHover's getHoverInfo only (deprecated for ITextHoverExtension2)
		@SuppressWarnings("deprecation")
		String text = hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, use));
		assertEquals("total: Int", text);
	}

	/** What the generic editor's configuration does with the contributions for a document of our content type. */
	private final class ContributedConfiguration extends SourceViewerConfiguration {
		@Override
		public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
			return (IPresentationReconciler) uncheckedContribution("org.eclipse.ui.genericeditor.presentationReconcilers");
		}

		@Override
		public IReconciler getReconciler(ISourceViewer sourceViewer) {
			return (IReconciler) uncheckedContribution("org.eclipse.ui.genericeditor.reconcilers");
		}

		@Override
		public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
			ContentAssistant assistant = new ContentAssistant();
			assistant.setContentAssistProcessor((IContentAssistProcessor) uncheckedContribution(
					"org.eclipse.ui.genericeditor.contentAssistProcessors"), IDocument.DEFAULT_CONTENT_TYPE);
			return assistant;
		}
	}

	private static Object uncheckedContribution(String extensionPoint) {
		try {
			return contribution(extensionPoint);
		} catch (Exception e) {
			throw new AssertionError(extensionPoint, e);
		}
	}

	/** A new instance of the one class contributed to {@code extensionPoint} for Quartz sources. */
	private static Object contribution(String extensionPoint) throws Exception {
		List<Element> extensions = extensions(pluginXml(), extensionPoint);
		assertEquals(1, extensions.size(), extensionPoint);
		NodeList children = extensions.get(0).getElementsByTagName("*");
		assertEquals(1, children.getLength(), extensionPoint);
		Element element = (Element) children.item(0);
		assertEquals(CONTENT_TYPE, element.getAttribute("contentType"), extensionPoint);
		return bundle().loadClass(element.getAttribute("class")).getConstructor().newInstance();
	}

	private static Bundle bundle() {
		return FrameworkUtil.getBundle(QuartzSourceViewerConfiguration.class);
	}

	private static Element pluginXml() throws Exception {
		URL url = bundle().getEntry("plugin.xml");
		assertNotNull(url, "org.quartz.lang.ui has no plugin.xml");
		try (InputStream in = url.openStream()) {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
		}
	}

	private static List<Element> extensions(Element plugin, String point) {
		List<Element> found = new ArrayList<>();
		NodeList all = plugin.getElementsByTagName("extension");
		for (int i = 0; i < all.getLength(); i++) {
			Element extension = (Element) all.item(i);
			if (point.equals(extension.getAttribute("point"))) {
				found.add(extension);
			}
		}
		return found;
	}

	private static Element single(List<Element> extensions, String tag) {
		assertEquals(1, extensions.size());
		NodeList elements = extensions.get(0).getElementsByTagName(tag);
		assertEquals(1, elements.getLength(), tag);
		return (Element) elements.item(0);
	}

	private static List<ProblemAnnotation> problems(SourceViewer viewer) {
		List<ProblemAnnotation> problems = new ArrayList<>();
		for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ProblemAnnotation problem) {
				problems.add(problem);
			}
		}
		return problems;
	}
}
