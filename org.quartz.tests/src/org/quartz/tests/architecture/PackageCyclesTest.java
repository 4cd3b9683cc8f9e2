package org.quartz.tests.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quartz.tests.e2e.Checkout;

/**
 * The packages of org.quartz.lang's own sources (src/, not the generated src-gen/) depend on
 * each other without a cycle, so that each can be understood, and changed, below the ones that
 * use it: issue codes and the prelude below everything, typing below validation. A package
 * depends on another when one of its files names a class of it: an import, or a qualified name
 * in the code.
 */
class PackageCyclesTest {

	/** A qualified name of a project class: the package, then a class name (capitalised) or `*`. */
	private static final Pattern PROJECT_CLASS = Pattern.compile("\\b(org\\.quartz(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");

	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

	@Test
	void theLanguageBundlesPackagesHaveNoCycle() {
		Map<String, Set<String>> dependencies = packageDependencies(Checkout.root().resolve("org.quartz.lang/src"));
		assertTrue(dependencies.size() > 5, "found the packages: " + dependencies.keySet());
		List<String> cycle = findCycle(dependencies);
		assertTrue(cycle.isEmpty(), () -> "a package cycle: " + String.join(" -> ", cycle));
	}

	@Test
	void aCycleIsFound() {
		Map<String, Set<String>> dependencies = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
		assertEquals(List.of("a", "b", "c", "a"), findCycle(dependencies));
		assertEquals(List.of(), findCycle(Map.of("a", Set.of("b"), "b", Set.of(), "c", Set.of("a", "b"))));
	}

	/** For each package of the sources under {@code root}, the other project packages its files name. */
	private static Map<String, Set<String>> packageDependencies(Path root) {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String text = Files.readString(file);
				Matcher declared = PACKAGE.matcher(text);
				if (!declared.find()) {
					continue;
				}
				String own = declared.group(1);
				Set<String> named = dependencies.computeIfAbsent(own, p -> new TreeSet<>());
				Matcher used = PROJECT_CLASS.matcher(text.substring(declared.end()));
				while (used.find()) {
					if (!used.group(1).equals(own)) {
						named.add(used.group(1));
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return dependencies;
	}

	/** A cycle of the graph as a path that ends where it starts (the first found, in name order); empty if none. */
	static List<String> findCycle(Map<String, Set<String>> graph) {
		Set<String> done = new HashSet<>();
		for (String start : new TreeSet<>(graph.keySet())) {
			List<String> cycle = cycleFrom(start, graph, new ArrayList<>(), done);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		return List.of();
	}

	/** Depth-first from {@code node} with {@code path} leading to it; a node met again on the path closes a cycle. */
	private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
		int onPath = path.indexOf(node);
		if (onPath >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
			cycle.add(node);
			return cycle;
		}
		if (done.contains(node)) {
			return List.of();
		}
		path.add(node);
		for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
			List<String> cycle = cycleFrom(next, graph, path, done);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		done.add(node);
		return List.of();
	}
}
