package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.quartz.cli.Diagnostic;
import org.quartz.cli.Diagnostic.Severity;

class DiagnosticTest {

	@Test
	void anErrorShowsItsLineWithACaretUnderTheColumn() {
		assertEquals("""
				main.qz:2:8: error[QZ0101]: undefined name 'greeting'
				  puts(greeting)
				       ^
				""", print(new Diagnostic(Severity.ERROR, "QZ0101", "undefined name 'greeting'", "main.qz", 2, 8,
				"  puts(greeting)")));
	}

	@Test
	void theCaretKeepsTheLinesTabs() {
		assertEquals("a.qz:1:4: warning[QZ0403]: unreachable code\n\t\tx = 1\n\t\t ^\n",
				print(new Diagnostic(Severity.WARNING, "QZ0403", "unreachable code", "a.qz", 1, 4, "\t\tx = 1")));
	}

	@Test
	void withoutASourceLineOnlyTheMessageShows() {
		assertEquals("a.qz:0:0: error[QZ0000]: something\n",
				print(new Diagnostic(Severity.ERROR, "QZ0000", "something", "a.qz", 0, 0, null)));
	}

	private static String print(Diagnostic diagnostic) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		diagnostic.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
