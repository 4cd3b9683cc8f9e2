package org.quartz.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.quartz.lang.ide.server.QuartzLanguageServerLauncher;
import org.quartz.lang.scoping.ModuleSearchPath;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Run the language server (Language Server Protocol over stdin/stdout) for editors.")
final class LspCommand implements Callable<Integer> {

	private final Driver driver;

	@Mixin
	SourceOptions sources;

	LspCommand(Driver driver) {
		this.driver = driver;
	}

	@Override
	public Integer call() throws Exception {
		driver.configureServerLogging();
		Path stdlib = sources.stdlibPath != null ? driver.resolve(sources.stdlibPath) : driver.cache().stdlib();
		ModuleSearchPath searchPath = new ModuleSearchPath(sources.includeDirs.stream().map(driver::resolve).toList(), stdlib);
		OutputStream protocol = driver.out();
		PrintStream standardOut = System.out;
		// Only JSON-RPC may reach the protocol stream: anything else printed goes to stderr.
		System.setOut(driver.err());
		try {
			return QuartzLanguageServerLauncher.run(System.in, protocol, searchPath);
		} finally {
			System.setOut(standardOut);
		}
	}
}
