package org.quartz.tests.cli;

/** Hand-written LLVM IR programs, to test the native half without the code generator. */
final class Ir {

	/** Exits with 42. */
	static final String EXIT_42 = """
			define i64 @quartz_main() {
			  ret i64 42
			}
			""";

	/** Exits with its number of command-line arguments (so the runtime must be linked in). */
	static final String EXIT_WITH_ARGUMENT_COUNT = """
			declare i64 @qz_args()
			declare i64 @qz_vec_size(i64)

			define i64 @quartz_main() {
			  %args = call i64 @qz_args()
			  %count = call i64 @qz_vec_size(i64 %args)
			  ret i64 %count
			}
			""";

	/** Calls a function nothing defines: linking fails. */
	static final String UNDEFINED_FUNCTION = """
			declare i64 @no_such_function()

			define i64 @quartz_main() {
			  %result = call i64 @no_such_function()
			  ret i64 %result
			}
			""";

	private Ir() {
	}
}
