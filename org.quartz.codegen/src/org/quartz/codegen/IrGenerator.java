package org.quartz.codegen;

import org.eclipse.xtext.resource.XtextResource;
import org.quartz.codegen.ir.IrModule;
import org.quartz.codegen.llvm.LlvmPrinter;
import org.quartz.codegen.lower.ProgramLowering;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.scoping.QuartzImportUriResolver;
import org.quartz.lang.typing.TypeChecker;

/**
 * Compiles a validated program to LLVM IR text: the main module plus everything it imports
 * (already loaded into the same resource set and free of errors). The passes, in order:
 * <ol>
 * <li>{@link ProgramLowering}: the checked model to IR (closure conversion by
 * CaptureAnalysis, one FunctionLowering per function and lambda), then the passes over the IR:
 * FindWaitingFunctions, ResolveTaskCreation and, for each function that may wait and runs as a
 * task, its task form by BuildAsyncStateMachine;</li>
 * <li>{@link LlvmPrinter}: IR to LLVM text.</li>
 * </ol>
 */
public class IrGenerator {

	private final boolean verify;

	public IrGenerator() {
		this(false);
	}

	/** @param verify check the IR after each pass (IrVerifier), as the tests do */
	public IrGenerator(boolean verify) {
		this.verify = verify;
	}

	/** The whole program's LLVM IR; the same input always gives byte-identical text. */
	public String generate(Module main) {
		XtextResource resource = (XtextResource) main.eResource();
		TypeChecker types = resource.getResourceServiceProvider().get(TypeChecker.class);
		QuartzImportUriResolver imports = resource.getResourceServiceProvider().get(QuartzImportUriResolver.class);
		IrModule ir = new ProgramLowering(types, imports, verify).lower(main);
		return LlvmPrinter.print(ir);
	}
}
