package org.quartz.lang.ide.server;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the language server looks for imported modules, as the command line does: each
 * importing file's folder, then {@code includeDirs}, then {@code stdlibDir}.
 */
public record ServerOptions(List<Path> includeDirs, Path stdlibDir) {

	public ServerOptions {
		includeDirs = List.copyOf(includeDirs);
	}
}
