package org.quartz.lang.ide.quickfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.quartz.lang.ide.model.SourceElements;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.Import;
import org.quartz.lang.quartz.LetDecl;
import org.quartz.lang.quartz.MatchExpression;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.scoping.ModuleSearchPath;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.inject.Inject;

/**
 * Quick fixes for common diagnostics: add the arms a match misses (QZ0501), declare an
 * assigned binding with `var` (QZ0201), write `elsif` for an `else if` that left an `if`
 * without its `end` (a syntax error at the next declaration or the end of the file), and import
 * a module of the search path that declares an undefined name (QZ0101).
 */
@SuppressWarnings("restriction") // Xtext's code action service is its language server's provisional API
public class QuartzCodeActions implements ICodeActionService2 {

	@Inject
	private ILocationInFileProvider locations;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		return options.getLanguageServerAccess().doSyncRead(options.getURI(), context -> {
			List<Either<Command, CodeAction>> actions = new ArrayList<>();
			if (!(context.getResource() instanceof XtextResource resource) || resource.getParseResult() == null) {
				return actions;
			}
			Document document = context.getDocument();
			for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
				String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
				if (QuartzIssueCodes.NON_EXHAUSTIVE_MATCH.equals(code)) {
					addMissingArms(document, resource, diagnostic, actions, options.getURI());
				} else if (QuartzIssueCodes.ASSIGN_TO_IMMUTABLE.equals(code)) {
					makeVar(document, resource, diagnostic, actions, options.getURI());
				} else if (QuartzIssueCodes.SYNTAX_ERROR.equals(code)) {
					elsif(document, resource, diagnostic, actions, options.getURI());
				} else if (QuartzIssueCodes.UNDEFINED_NAME.equals(code)) {
					importModule(document, resource, diagnostic, actions, options.getURI());
				}
			}
			return actions;
		});
	}

	/** Before the match's `end`, an arm `Enum::Variant(_) => panic(...)` per pattern the diagnostic's data lists. */
	private void addMissingArms(Document document, XtextResource resource, Diagnostic diagnostic,
			List<Either<Command, CodeAction>> actions, String uri) {
		List<String> patterns = strings(diagnostic.getData());
		EObject element = elementAt(document, resource, diagnostic.getRange().getStart());
		MatchExpression match = EcoreUtil2.getContainerOfType(element, MatchExpression.class);
		if (patterns.isEmpty() || match == null || match.getArms().isEmpty()) {
			return;
		}
		ILeafNode end = null;
		for (ILeafNode leaf : NodeModelUtils.getNode(match).getLeafNodes()) {
			if (!leaf.isHidden() && "end".equals(leaf.getText())) {
				end = leaf;
			}
		}
		if (end == null) {
			return;
		}
		Position armStart = document.getPosition(NodeModelUtils.getNode(match.getArms().get(0)).getOffset());
		Position endPosition = document.getPosition(end.getOffset());
		String indent = " ".repeat(armStart.getCharacter());
		StringBuilder arms = new StringBuilder();
		for (String pattern : patterns) {
			arms.append(indent).append(pattern).append(" => panic(\"unhandled ").append(pattern.replaceAll("\\(.*", ""))
					.append("\")\n");
		}
		Position lineStart = new Position(endPosition.getLine(), 0);
		actions.add(action("Add the missing match arms", diagnostic, uri, new TextEdit(new Range(lineStart, lineStart), arms.toString())));
	}

	/** `x = 1` then `x = 2`: the first becomes `var x = 1`. */
	private void makeVar(Document document, XtextResource resource, Diagnostic diagnostic,
			List<Either<Command, CodeAction>> actions, String uri) {
		NamedElement binding = SourceElements.declarationOf(elementAt(document, resource, diagnostic.getRange().getStart()));
		if (!(binding instanceof LetDecl let) || let.eResource() != resource) {
			return;
		}
		Position name = document.getPosition(locations.getSignificantTextRegion(let).getOffset());
		actions.add(action("Declare '" + let.getName() + "' with 'var'", diagnostic, uri,
				new TextEdit(new Range(name, name), "var ")));
	}

	/**
	 * `else if` opens an if nested in the else branch, which then lacks an `end`: the parser
	 * reports it where the next declaration starts, or at the end of the file. Offered for each
	 * `else if` between the previous declaration and the error.
	 */
	private void elsif(Document document, XtextResource resource, Diagnostic diagnostic,
			List<Either<Command, CodeAction>> actions, String uri) {
		int errorOffset = document.getOffSet(diagnostic.getRange().getStart());
		ILeafNode previous = null;
		List<ILeafNode[]> pairs = new ArrayList<>();
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.getOffset() >= errorOffset) {
				break;
			}
			if (leaf.isHidden() || leaf.getText().isBlank()) {
				continue;
			}
			if (startsDeclaration(document, leaf)) {
				pairs.clear();
			}
			if (previous != null && "else".equals(previous.getText()) && "if".equals(leaf.getText())
					&& previous.getStartLine() == leaf.getStartLine()) {
				pairs.add(new ILeafNode[] { previous, leaf });
			}
			previous = leaf;
		}
		for (ILeafNode[] pair : pairs) {
			Range range = new Range(document.getPosition(pair[0].getOffset()), document.getPosition(pair[1].getEndOffset()));
			actions.add(action("Replace 'else if' with 'elsif'", diagnostic, uri, new TextEdit(range, "elsif")));
		}
	}

	/** A token at the start of a line that begins a declaration (not the `end` of one). */
	private static boolean startsDeclaration(Document document, ILeafNode leaf) {
		return document.getPosition(leaf.getOffset()).getCharacter() == 0 && !"end".equals(leaf.getText());
	}

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!]?");

	/** `import m` for each module of the search path that declares the undefined name at its top level. */
	private void importModule(Document document, XtextResource resource, Diagnostic diagnostic,
			List<Either<Command, CodeAction>> actions, String uri) {
		String name = document.getSubstring(diagnostic.getRange());
		if (!NAME.matcher(name).matches() || resource.getURI() == null || !resource.getURI().isFile()) {
			return;
		}
		Path file = Path.of(resource.getURI().toFileString()).toAbsolutePath().normalize();
		Pattern declaration = Pattern.compile("^(?:extern\\s+\"[^\"]*\"\\s+)?(?:def|struct|enum|const|actor|trait|type|var)\\s+"
				+ Pattern.quote(name) + "(?![A-Za-z0-9_?!])", Pattern.MULTILINE);
		Set<String> modules = new LinkedHashSet<>();
		for (Path folder : ModuleSearchPath.of(resource.getResourceSet()).folders(file.getParent())) {
			modules.addAll(modulesDeclaring(folder, file, declaration));
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return;
		}
		Position at = new Position(0, 0);
		for (EObject element : module.getElements()) {
			if (element instanceof Import imported && imported.getImportURI() != null) {
				modules.remove(imported.getImportURI().replace(" ", ""));
				ITextRegion region = NodeModelUtils.getNode(imported).getTextRegion();
				at = new Position(document.getPosition(region.getOffset() + region.getLength()).getLine() + 1, 0);
			}
		}
		for (String imported : modules) {
			actions.add(action("Import '" + imported + "'", diagnostic, uri, new TextEdit(new Range(at, at), "import " + imported + "\n")));
		}
	}

	/**
	 * The module paths (`util`, `qspec/matchers`) of the files under {@code folder} that declare a
	 * name: a text search, as loading every module would add them all to the workspace's build.
	 */
	private static List<String> modulesDeclaring(Path folder, Path self, Pattern declaration) {
		List<String> modules = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return modules;
		}
		try (Stream<Path> files = Files.walk(folder, 8)) {
			for (Path candidate : files.filter(f -> f.toString().endsWith(".qz") && !f.equals(self)).sorted().toList()) {
				if (declaration.matcher(Files.readString(candidate)).find()) {
					String relative = folder.relativize(candidate).toString().replace('\\', '/');
					modules.add(relative.substring(0, relative.length() - ".qz".length()));
				}
			}
		} catch (IOException | UncheckedIOException e) {
			// An unreadable folder offers no import.
		}
		return modules;
	}

	private static EObject elementAt(Document document, XtextResource resource, Position position) {
		return SourceElements.elementOf(SourceElements.tokenAt(resource, document.getOffSet(position)));
	}

	/** The strings of a diagnostic's data as it comes back from the client (JSON), or as the server made it. */
	private static List<String> strings(Object data) {
		List<String> strings = new ArrayList<>();
		if (data instanceof JsonArray array) {
			for (JsonElement element : array) {
				strings.add(element.getAsString());
			}
		} else if (data instanceof Collection<?> collection) {
			collection.forEach(element -> strings.add(String.valueOf(element)));
		}
		return strings;
	}

	private static Either<Command, CodeAction> action(String title, Diagnostic diagnostic, String uri, TextEdit edit) {
		CodeAction action = new CodeAction(title);
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
		return Either.forRight(action);
	}
}
