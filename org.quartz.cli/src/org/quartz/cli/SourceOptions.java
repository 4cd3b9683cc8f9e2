package org.quartz.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Where imported modules are found: options of every command that compiles. */
final class SourceOptions {

	@Option(names = "-I", paramLabel = "DIR", description = "Also look for imported modules in DIR (repeatable).")
	List<Path> includeDirs = new ArrayList<>();

	@Option(names = "--stdlib-path", paramLabel = "DIR", description = "The standard library's folder (default: the bundled one).")
	Path stdlibPath;
}
