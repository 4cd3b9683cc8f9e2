package org.quartz.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** The same program gives byte-identical IR, compilation after compilation. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class DeterminismTest {

	@Inject
	private GoldenPrograms programs;

	@ParameterizedTest
	@FieldSource("org.quartz.tests.codegen.GoldenPrograms#NAMES")
	void twoCompilationsGiveIdenticalIr(String name) {
		assertEquals(programs.compile(name), programs.compile(name));
	}
}
