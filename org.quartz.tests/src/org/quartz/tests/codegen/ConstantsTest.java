package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Constants are compile-time values: a use is the value, never the defining expression again. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ConstantsTest {

	@Inject
	private GoldenPrograms programs;

	@Test
	void aUseIsTheValue() {
		String ir = programs.compileSource("c.qz", """
				const BASE = 40
				const ANSWER = BASE + 2
				def main()
				  exit(ANSWER)
				end
				""");
		assertTrue(ir.contains("i64 42"), ir);
		assertFalse(ir.contains("add i64"), ir);
	}

	/** Each constant uses the previous one three times: inlining the expressions would be 3^60 big. */
	@Test
	void chainOfConstantsCompilesToOneValue() {
		StringBuilder source = new StringBuilder("const C0 = 7\n");
		for (int i = 1; i <= 60; i++) {
			source.append("const C").append(i).append(" = C").append(i - 1).append(" + C").append(i - 1)
					.append(" - C").append(i - 1).append('\n');
		}
		source.append("def main()\n  exit(C60)\nend\n");
		String ir = programs.compileSource("chain.qz", source.toString());
		assertTrue(ir.contains("i64 7"), ir);
	}
}
