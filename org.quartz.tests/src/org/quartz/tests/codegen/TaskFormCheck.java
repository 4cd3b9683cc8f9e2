package org.quartz.tests.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.quartz.codegen.ir.WaitingOperation;

/**
 * Reads a program's LLVM IR and finds blocking waits that code running as a task could reach:
 * from every resume function (a task form {@code *.async}, a call task {@code *.task}, a closure
 * task {@code quartz.closure.task.N}) through the functions it calls directly, any call of a
 * {@link WaitingOperation}'s blocking form. In a correct program there is none: a task waits
 * through task forms, which park it instead of blocking its worker.
 */
public final class TaskFormCheck {

	private static final Pattern DEFINE = Pattern.compile("^define [^@]*@\"?([^\"(]+)\"?\\(");
	private static final Pattern CALL = Pattern.compile("call (?:i64|void) @\"?([^\"(]+)\"?\\(");
	private static final Set<String> BLOCKING = Arrays.stream(WaitingOperation.values())
			.map(WaitingOperation::blockingForm).collect(Collectors.toSet());

	private TaskFormCheck() {
	}

	/** "resume function -> ... -> function: blocking form" for each one found; empty when none. */
	public static List<String> blockingWaitsInTasks(String llvm) {
		Map<String, List<String>> calls = new LinkedHashMap<>();
		List<String> current = null;
		for (String line : llvm.split("\n")) {
			Matcher define = DEFINE.matcher(line);
			if (define.find()) {
				current = new ArrayList<>();
				calls.put(define.group(1), current);
				continue;
			}
			if (current != null) {
				Matcher call = CALL.matcher(line);
				while (call.find()) {
					current.add(call.group(1));
				}
			}
		}
		List<String> found = new ArrayList<>();
		for (String root : calls.keySet()) {
			if (root.endsWith(".async") || root.endsWith(".task") || root.startsWith("quartz.closure.task.")) {
				search(root, calls, found);
			}
		}
		return found;
	}

	private static void search(String root, Map<String, List<String>> calls, List<String> found) {
		Deque<List<String>> paths = new ArrayDeque<>();
		paths.add(List.of(root));
		Set<String> seen = new HashSet<>();
		while (!paths.isEmpty()) {
			List<String> path = paths.removeFirst();
			String function = path.get(path.size() - 1);
			if (!seen.add(function)) {
				continue;
			}
			for (String callee : calls.getOrDefault(function, List.of())) {
				if (BLOCKING.contains(callee)) {
					found.add(String.join(" -> ", path) + ": " + callee);
				} else if (calls.containsKey(callee)) {
					List<String> longer = new ArrayList<>(path);
					longer.add(callee);
					paths.addLast(longer);
				}
			}
		}
	}
}
