package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quartz.codegen.RuntimeAbi;
import org.quartz.runtime.RuntimeSources;

/**
 * The two halves of the compiler–runtime interface agree: every function of RuntimeAbi is
 * declared in quartz_rt.h with the same arity and result kind, and nothing else is.
 */
class RuntimeAbiTest {

	private static final Pattern DECLARATION = Pattern
			.compile("^(QZ_NORETURN )?(qz_val|void) (qz_\\w+)\\(([^)]*)\\);$", Pattern.MULTILINE);

	@Test
	void headerAndRuntimeAbiDeclareTheSameFunctions() {
		String header = new String(RuntimeSources.RUNTIME.read("quartz_rt.h"), StandardCharsets.UTF_8);
		Map<String, String> declared = new TreeMap<>();
		Matcher m = DECLARATION.matcher(header);
		while (m.find()) {
			String params = m.group(4).trim();
			int arity = params.equals("void") ? 0 : params.split(",").length;
			String result = m.group(1) != null ? "NORETURN" : m.group(2).equals("void") ? "VOID" : "VALUE";
			declared.put(m.group(3), arity + " " + result);
		}
		Map<String, String> expected = new TreeMap<>();
		RuntimeAbi.all().forEach(f -> expected.put(f.name(), f.arity() + " " + f.result()));
		assertEquals(expected, declared);
	}
}
