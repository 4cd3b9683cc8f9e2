package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.cli.Compilation;

/** The front ends a process keeps between compilations (the compile server's): one per set of module folders. */
class LoadersTest {

	@TempDir
	Path dir;

	@Test
	void theSameFoldersShareALoaderOthersGetTheirOwn() {
		Compilation.Loaders loaders = new Compilation.Loaders();
		Path stdlib = dir.resolve("stdlib");
		Compilation.Loader plain = loaders.get(List.of(), stdlib);
		assertSame(plain, loaders.get(List.of(), stdlib));
		assertNotSame(plain, loaders.get(List.of(dir.resolve("lib")), stdlib), "an -I folder more");
		assertNotSame(plain, loaders.get(List.of(), dir.resolve("other-stdlib")), "another standard library");
	}
}
