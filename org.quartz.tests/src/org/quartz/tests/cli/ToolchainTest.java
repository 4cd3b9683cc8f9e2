package org.quartz.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.cli.BuildCache;
import org.quartz.cli.QuartzException;
import org.quartz.cli.Toolchain;
import org.quartz.tests.e2e.Checkout;

/** IR to object with llc (and opt), linked with the C runtime built in the cache. Needs llc and cc: CI installs them. */
class ToolchainTest {

	@TempDir
	Path dir;

	private final Toolchain tools = new Toolchain(System.getenv("PATH"));
	private final BuildCache cache = new BuildCache(Checkout.cache());

	@ParameterizedTest(name = "-O{0}")
	@ValueSource(ints = { 0, 2 })
	void linksIrWithTheRuntime(int optLevel) throws Exception {
		Path executable = build(Ir.EXIT_42, optLevel);
		assertEquals(42, run(executable));
	}

	@Test
	void theRuntimeProvidesMainAndTheArguments() throws Exception {
		Path executable = build(Ir.EXIT_WITH_ARGUMENT_COUNT, 2);
		assertEquals(3, run(executable, "one", "-two", "--three"));
	}

	@Test
	void aFailedLinkIsReportedAsTheUsersError() throws Exception {
		Path object = dir.resolve("program.o");
		tools.compileIr(Ir.UNDEFINED_FUNCTION, 0, object);
		List<Path> objects = new ArrayList<>(List.of(object));
		objects.addAll(cache.runtimeObjects(tools));
		QuartzException e = assertThrows(QuartzException.class, () -> tools.link(objects, dir.resolve("program")));
		assertTrue(e.getMessage().startsWith("linking failed: ") && e.getMessage().contains("no_such_function"),
				e.getMessage());
	}

	@Test
	void withoutLlcTheErrorSaysWhatToInstall() throws Exception {
		Toolchain none = new Toolchain(Files.createDirectory(dir.resolve("empty")).toString());
		QuartzException e = assertThrows(QuartzException.class,
				() -> none.compileIr(Ir.EXIT_42, 0, dir.resolve("program.o")));
		assertEquals("llc (LLVM) not found on PATH; install it: apt-get install llvm", e.getMessage());
	}

	@Test
	void withoutCcTheErrorSaysWhatToInstall() throws Exception {
		Toolchain none = new Toolchain(Files.createDirectory(dir.resolve("empty")).toString());
		QuartzException e = assertThrows(QuartzException.class, () -> none.link(List.of(), dir.resolve("program")));
		assertEquals("no C compiler (cc) found on PATH; install one: apt-get install gcc", e.getMessage());
	}

	@Test
	void withoutTheCollectorTheErrorSaysWhatToInstall() throws Exception {
		// A cc that fails the way gcc and ld do when libgc-dev is missing.
		Path bin = Files.createDirectory(dir.resolve("bin"));
		Path cc = bin.resolve("cc");
		Files.writeString(cc, """
				#!/bin/sh
				case "$*" in
				*-lgc*) echo "/usr/bin/ld: cannot find -lgc: No such file or directory" ;;
				*) echo "rt_alloc.c:1:10: fatal error: gc.h: No such file or directory" ;;
				esac
				exit 1
				""");
		Files.setPosixFilePermissions(cc, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
		Toolchain fake = new Toolchain(bin.toString());
		String expected = "the garbage collector (libgc) is not installed; install it: apt-get install libgc-dev";
		assertEquals(expected, assertThrows(QuartzException.class, () -> fake.link(List.of(), dir.resolve("program")))
				.getMessage());
		assertEquals(expected, assertThrows(QuartzException.class,
				() -> fake.compileC(List.of(dir.resolve("rt_alloc.c")), dir, dir)).getMessage());
	}

	@Test
	void concurrentFirstBuildsOfTheRuntimeAgree() throws Exception {
		BuildCache fresh = new BuildCache(dir.resolve("cache"));
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			Callable<List<Path>> build = () -> fresh.runtimeObjects(new Toolchain(System.getenv("PATH")));
			List<Future<List<Path>>> builds = pool.invokeAll(List.of(build, build, build));
			List<Path> first = builds.get(0).get();
			assertTrue(first.size() > 1, "runtime objects: " + first);
			for (Future<List<Path>> other : builds) {
				assertEquals(first, other.get());
			}
		} finally {
			pool.shutdown();
		}
		try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
			List<String> names = entries.map(p -> p.getFileName().toString()).toList();
			assertEquals(1, names.size(), "one runtime entry and no temporary folders left: " + names);
		}
	}

	private Path build(String ir, int optLevel) throws Exception {
		Path object = dir.resolve("program.o");
		tools.compileIr(ir, optLevel, object);
		List<Path> objects = new ArrayList<>(List.of(object));
		objects.addAll(cache.runtimeObjects(tools));
		Path executable = dir.resolve("program");
		tools.link(objects, executable);
		return executable;
	}

	private static int run(Path executable, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(executable.toString()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).inheritIO().start().waitFor();
	}
}
