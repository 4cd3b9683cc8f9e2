package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.codegen.ir.ObjectLayouts;
import org.quartz.runtime.RuntimeSources;
import org.quartz.tests.e2e.NativeRun;

/**
 * The runtime objects compiled code reads and writes inline (ObjectLayouts) have the layout
 * quartz_rt.h gives them: a C program compiled against the header prints the offsets.
 */
class ObjectLayoutsTest {

	private static final String OFFSETS = """
			#include <stddef.h>
			#include <stdio.h>
			#include "quartz_rt.h"
			#define WORD(type, field) (long)(offsetof(struct type, field) / sizeof(int64_t))
			int main(void) {
			    printf("vec %ld %ld\\n", WORD(qz_vec, len), WORD(qz_vec, data));
			    printf("string %ld %ld\\n", WORD(qz_string, len), (long)offsetof(struct qz_string, bytes));
			    printf("strbuf %ld %ld %ld\\n", WORD(qz_strbuf, len), WORD(qz_strbuf, cap), WORD(qz_strbuf, bytes));
			    return 0;
			}
			""";

	@Test
	void inlineAccessesMatchTheRuntimeHeader(@TempDir Path dir) throws Exception {
		Files.write(dir.resolve("quartz_rt.h"), RuntimeSources.RUNTIME.read("quartz_rt.h"));
		Files.writeString(dir.resolve("offsets.c"), OFFSETS);
		Path program = dir.resolve("offsets");
		NativeRun compile = NativeRun.run(List.of("cc", "-std=c11", "-o", program.toString(),
				dir.resolve("offsets.c").toString()), Map.of(), Duration.ofSeconds(60), dir);
		assertEquals(0, compile.exitCode(), compile.describe());
		NativeRun run = NativeRun.run(List.of(program.toString()), Map.of(), Duration.ofSeconds(10), dir);
		assertEquals(0, run.exitCode(), run.describe());
		String expected = "vec " + ObjectLayouts.VEC_LEN + " " + ObjectLayouts.VEC_DATA + "\n"
				+ "string " + ObjectLayouts.STRING_LEN + " " + ObjectLayouts.STRING_BYTES + "\n"
				+ "strbuf " + ObjectLayouts.STRBUF_LEN + " " + ObjectLayouts.STRBUF_CAP + " " + ObjectLayouts.STRBUF_BYTES + "\n";
		assertEquals(expected, run.stdout());
	}
}
