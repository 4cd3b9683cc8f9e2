package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.eclipse.emf.common.util.URI;
import org.quartz.cli.DiagnosticPrinter;
import org.quartz.lang.loading.QuartzDiagnostic;
import org.quartz.lang.loading.QuartzDiagnostic.Severity;

/** How the command line prints a diagnostic (the file's name is the printer's choice, not the diagnostic's URI). */
class DiagnosticTest {

	private static final URI FILE = URI.createFileURI("/work/main.qz");

	@Test
	void anErrorShowsItsLineWithACaretUnderTheColumn() {
		assertEquals("""
				main.qz:2:8: error[QZ0101]: undefined name 'greeting'
				  puts(greeting)
				       ^
				""", print(new QuartzDiagnostic(Severity.ERROR, "QZ0101", "undefined name 'greeting'", FILE, 2, 8, 0, 0,
				"  puts(greeting)"), "main.qz"));
	}

	@Test
	void theCaretKeepsTheLinesTabs() {
		assertEquals("a.qz:1:4: warning[QZ0403]: unreachable code\n\t\tx = 1\n\t\t ^\n",
				print(new QuartzDiagnostic(Severity.WARNING, "QZ0403", "unreachable code", FILE, 1, 4, 0, 0,
				"\t\tx = 1"), "a.qz"));
	}

	@Test
	void withoutASourceLineOnlyTheMessageShows() {
		assertEquals("a.qz:0:0: error[QZ0000]: something\n",
				print(new QuartzDiagnostic(Severity.ERROR, "QZ0000", "something", FILE, 0, 0, 0, 0,
				null), "a.qz"));
	}

	private static String print(QuartzDiagnostic diagnostic, String file) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DiagnosticPrinter.print(diagnostic, file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
