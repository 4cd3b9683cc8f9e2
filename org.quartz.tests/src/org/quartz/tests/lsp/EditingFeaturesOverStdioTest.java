package org.quartz.tests.lsp;

/** {@link EditingFeaturesTest}'s tests again, each against a {@code quartz lsp} process of its own, as an editor starts it. */
class EditingFeaturesOverStdioTest extends EditingFeaturesTest {

	@Override
	ServerUnderTest startServer() throws Exception {
		return new ServerProcess(workspace);
	}
}
