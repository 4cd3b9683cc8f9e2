package org.quartz.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.lang.ui.QuartzInjector;
import org.quartz.lang.ui.document.DocumentParser;
import org.quartz.lang.ui.validation.DocumentValidator;
import org.quartz.tests.e2e.Checkout;
import org.quartz.tests.e2e.CliRun;
import org.quartz.tests.e2e.TestProgram;
import org.quartz.tests.lsp.InProcessServer;

/**
 * The command line (`quartz check`), the language server and the Eclipse editor report the same
 * diagnostics, errors and warnings, for the same file, with LF and with CRLF line ends: the
 * conformance error programs (copied into diagnostics/conformance), the project's own
 * (diagnostics/ and org.quartz.tests/programs/errors), each with the error its header expects.
 */
class DiagnosticsParityTest {

	/** The project's error programs this test cannot use, and why. */
	private static final Map<String, String> NOT_CHECKED = Map.of(
			"instantiation_depth.qz", "found by code generation: `check` passes it",
			"global_assign_type.qz", "imports a module of programs/modules through -I, which the editor has no setting for",
			"global_immutable.qz", "imports a module of programs/modules through -I, which the editor has no setting for");

	private static final Pattern CLI_DIAGNOSTIC = Pattern.compile("(.+):(\\d+):(\\d+): (error|warning)\\[(QZ\\d{4})\\]: (.*)");

	/** One diagnostic as the user reads it: 1-based line and column (as `quartz check` prints them). */
	record Reported(int line, int column, String severity, String code, String message) {

		@Override
		public String toString() {
			return line + ":" + column + " " + severity + "[" + code + "] " + message;
		}
	}

	private static final Comparator<Reported> ORDER = Comparator.comparingInt(Reported::line)
			.thenComparingInt(Reported::column).thenComparing(Reported::toString);

	@TempDir
	Path workspace;

	@Test
	void theCommandLineTheServerAndTheEditorReportTheSameDiagnostics() throws Exception {
		List<Path> programs = programs();
		List<String> differences = new ArrayList<>();
		try (InProcessServer server = new InProcessServer()) {
			server.client().initialize(workspace);
			for (Path program : programs) {
				for (boolean crlf : List.of(false, true)) {
					String label = program.getParent().getFileName() + "/" + name(program) + (crlf ? " (CRLF)" : "");
					// Each in a folder of its own, where all three read the same file.
					Path file = workspace.resolve(program.getParent().getFileName().toString())
							.resolve(name(program).replace(".qz", crlf ? "-crlf" : "")).resolve(name(program));
					Files.createDirectories(file.getParent());
					Files.writeString(file, crlf ? Files.readString(program).replace("\n", "\r\n") : Files.readString(program));
					Set<Reported> cli = commandLine(file);
					Set<Reported> lsp = languageServer(server, file);
					Set<Reported> editor = editor(file);
					if (!cli.equals(lsp) || !cli.equals(editor)) {
						differences.add(label + ":\n  quartz check: " + cli + "\n  quartz lsp:   " + lsp
								+ "\n  editor:       " + editor);
					}
					String expected = expectedError(program, cli);
					if (expected != null) {
						differences.add(label + ": " + expected);
					}
				}
			}
			server.client().shutdown();
			assertEquals(0, server.exitCode.get(60, TimeUnit.SECONDS), "the server's exit code");
		}
		assertEquals("", String.join("\n", differences), "files whose diagnostics differ or are not the expected ones");
	}

	/** The conformance copies, then the project's own error programs. */
	private static List<Path> programs() throws IOException {
		List<Path> programs = new ArrayList<>();
		Path root = Checkout.root();
		for (Path folder : List.of(root.resolve("org.quartz.lang.ui.tests/diagnostics/conformance"),
				root.resolve("org.quartz.lang.ui.tests/diagnostics"), root.resolve("org.quartz.tests/programs/errors"))) {
			try (Stream<Path> files = Files.list(folder)) {
				files.filter(f -> name(f).endsWith(".qz") && !NOT_CHECKED.containsKey(name(f))).sorted().forEach(programs::add);
			}
		}
		assertTrue(programs.size() >= 20, "the error programs: " + programs);
		return programs;
	}

	/** What the header expects (an error on `# error:` LINE, with `# code:` when given); null when the CLI reported it. */
	private static String expectedError(Path program, Set<Reported> reported) throws IOException {
		TestProgram expected = TestProgram.read(program);
		int line = expected.errorLine().orElseThrow(() -> new AssertionError(program + " has no # error: header"));
		boolean found = reported.stream().anyMatch(d -> d.line() == line && d.severity().equals("error")
				&& (expected.errorCode() == null || expected.errorCode().equals(d.code())));
		return found ? null
				: "expected an error" + (expected.errorCode() == null ? "" : "[" + expected.errorCode() + "]") + " on line "
						+ line + ", got " + reported;
	}

	/** `quartz check FILE`, in process; its diagnostics of that file, read from its stderr. */
	private static Set<Reported> commandLine(Path file) {
		CliRun run = CliRun.quartz("check", file.toString());
		Set<Reported> reported = new TreeSet<>(ORDER);
		for (String line : run.stderr().split("\n")) {
			Matcher matcher = CLI_DIAGNOSTIC.matcher(line);
			if (matcher.matches() && matcher.group(1).equals(file.toString())) {
				reported.add(new Reported(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
						matcher.group(4), matcher.group(5), matcher.group(6)));
			}
		}
		return reported;
	}

	/** The diagnostics the language server publishes for the file opened in an editor. */
	private static Set<Reported> languageServer(InProcessServer server, Path file) throws Exception {
		String uri = server.client().open(file, Files.readString(file));
		Set<Reported> reported = new TreeSet<>(ORDER);
		for (org.eclipse.lsp4j.Diagnostic diagnostic : server.client().diagnostics(uri)) {
			// LSP's positions are 0-based.
			reported.add(new Reported(diagnostic.getRange().getStart().getLine() + 1,
					diagnostic.getRange().getStart().getCharacter() + 1,
					diagnostic.getSeverity() == DiagnosticSeverity.Error ? "error"
							: diagnostic.getSeverity() == DiagnosticSeverity.Warning ? "warning" : diagnostic.getSeverity().toString(),
					diagnostic.getCode().getLeft(), diagnostic.getMessage().getLeft()));
		}
		return reported;
	}

	/** The Eclipse editor's validation of the file's text (its reconciler's), placed in the document by offset. */
	private static Set<Reported> editor(Path file) throws IOException, BadLocationException {
		String text = Files.readString(file);
		DocumentParser parser = new DocumentParser(QuartzInjector.get(), URI.createFileURI(file.toString()));
		DocumentValidator validator = QuartzInjector.get().getInstance(DocumentValidator.class);
		List<QuartzDiagnostic> diagnostics = parser.read(text, validator::validate);
		Document document = new Document(text);
		Set<Reported> reported = new TreeSet<>(ORDER);
		for (QuartzDiagnostic diagnostic : diagnostics) {
			int offset = Math.min(diagnostic.offset(), text.length());
			int line = document.getLineOfOffset(offset);
			reported.add(new Reported(line + 1, offset - document.getLineOffset(line) + 1,
					diagnostic.severity() == QuartzDiagnostic.Severity.ERROR ? "error" : "warning", diagnostic.code(), diagnostic.message()));
		}
		return reported;
	}

	private static String name(Path file) {
		return file.getFileName().toString();
	}
}
