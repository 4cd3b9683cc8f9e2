package org.quartz.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.quartz.lang.loading.Program;
import org.quartz.lang.loading.QuartzDiagnostic;

/**
 * Prints diagnostics as the command line shows them: {@code file:line:col: error[CODE]: message},
 * then the source line and a caret under the column. The main file is named as the user gave
 * it, other modules relative to the working folder when inside it.
 */
public final class DiagnosticPrinter {

	private final URI mainUri;
	private final String mainName;
	private final Path workingDir;

	DiagnosticPrinter(URI mainUri, String mainName, Path workingDir) {
		this.mainUri = mainUri;
		this.mainName = mainName;
		this.workingDir = workingDir;
	}

	/** Prints a program's diagnostics, sorted by file name as shown, then position. */
	void printAll(Program program, PrintStream err) {
		List<QuartzDiagnostic> sorted = program.diagnostics().stream()
				.sorted(Comparator.comparing((QuartzDiagnostic d) -> fileName(d.uri())).thenComparingInt(QuartzDiagnostic::line)
						.thenComparingInt(QuartzDiagnostic::column))
				.toList();
		sorted.forEach(diagnostic -> print(diagnostic, fileName(diagnostic.uri()), err));
	}

	/** One diagnostic, with {@code file} as the file's name. */
	public static void print(QuartzDiagnostic diagnostic, String file, PrintStream err) {
		err.println(file + ":" + diagnostic.line() + ":" + diagnostic.column() + ": " + diagnostic.severity().label() + "["
				+ diagnostic.code() + "]: " + diagnostic.message());
		String sourceLine = diagnostic.sourceLine();
		if (sourceLine != null) {
			err.println(sourceLine);
			err.println(caretLine(sourceLine, diagnostic.column()));
		}
	}

	private String fileName(URI uri) {
		if (uri.equals(mainUri)) {
			return mainName;
		}
		if (!uri.isFile()) {
			return uri.toString();
		}
		Path path = Path.of(uri.toFileString());
		return path.startsWith(workingDir) ? workingDir.relativize(path).toString() : path.toString();
	}

	/** Keeps the source line's tabs so the caret lines up however wide the terminal shows a tab. */
	private static String caretLine(String sourceLine, int column) {
		StringBuilder caret = new StringBuilder();
		for (int i = 0; i < column - 1; i++) {
			caret.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
		}
		return caret.append('^').toString();
	}
}
