package org.quartz.tests.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.tests.e2e.Checkout;
import org.quartz.tests.e2e.CompilerClassPath;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real editor as the client: headless Neovim (Debian's package, installed by
 * tools/prerequisites.sh) drives a `quartz lsp` process through its built-in LSP client and its
 * own commands, scripted by org.quartz.tests/nvim/session.lua, which reports what the editor showed.
 */
class NeovimSessionTest {

	/** The whole session; the script bounds each of its steps more tightly. */
	private static final long SESSION_SECONDS = 120;

	private static final String SHAPES = """
			def area(w: Int, h: Int): Int
			  w * h
			end
			""";

	// Line 7 is a name half typed at the start of a statement; `x = 2` assigns an immutable binding.
	private static final String MAIN = """
			import shapes

			def main()
			  total = area(3, 4)
			  x = 1
			  x = 2
			  pu
			end
			""";

	@TempDir
	Path dir;

	@Test
	void neovimOpensCompletesHoversJumpsRenamesAndFixesAMultiFileProgram() throws Exception {
		Path project = dir.resolve("project");
		Files.createDirectories(project);
		Files.writeString(project.resolve("shapes.qz"), SHAPES);
		Files.writeString(project.resolve("main.qz"), MAIN);
		JsonObject session = run(project);

		assertEquals(List.of("QZ0101 error 6:2", "QZ0201 error 5:2"), diagnostics(session.get("opened_diagnostics")),
				"opened: `pu` is undefined, x is immutable");
		List<String> labels = strings(session.get("completion"));
		assertTrue(labels.contains("puts"), "completion of `pu` at the start of a statement: " + labels);
		assertEquals(List.of("QZ0201 error 5:2"), diagnostics(session.get("typed_diagnostics")), "after typing the statement");
		String hover = session.get("hover").getAsString();
		assertTrue(hover.contains("def area(w: Int, h: Int): Int"), "hover over the call: " + hover);

		JsonObject definition = session.getAsJsonObject("definition");
		assertEquals(project.resolve("shapes.qz").toString(), definition.get("file").getAsString(), "the jump's file");
		assertEquals(0, definition.get("line").getAsInt(), "the jump's line");
		assertEquals("def ".length(), definition.get("column").getAsInt(), "the jump lands on the function's name");

		String typed = MAIN.replace("  pu\n", "  puts(to_s(total + x))\n");
		JsonObject renamed = session.getAsJsonObject("renamed");
		assertEquals(typed.replace("area(", "surface("), renamed.get("main").getAsString(), "the call renamed");
		assertEquals(SHAPES.replace("area(", "surface("), renamed.get("shapes").getAsString(), "the declaration renamed");

		assertEquals(1, strings(session.get("code_actions")).size(), "the quick fixes of QZ0201: " + session.get("code_actions"));
		assertEquals(typed.replace("area(", "surface(").replace("  x = 1", "  var x = 1"), session.get("fixed").getAsString(),
				"the code action's edit applied");
		JsonObject remaining = session.getAsJsonObject("final_diagnostics");
		assertEquals(List.of(), diagnostics(remaining.get("main")), "main.qz after the fix");
		assertEquals(List.of(), diagnostics(remaining.get("shapes")), "shapes.qz after the rename");
		assertEquals(0, session.getAsJsonObject("server_exit").get("code").getAsInt(), "the server's exit code after shutdown");
	}

	/** Runs the session in Neovim; fails with Neovim's output and its LSP log (the server's stderr) if it did not finish. */
	private JsonObject run(Path project) throws Exception {
		Path home = dir.resolve("home");
		Path result = dir.resolve("session.json");
		Path stdout = dir.resolve("nvim-stdout.txt");
		Path stderr = dir.resolve("nvim-stderr.txt");
		List<String> server = List.of(CompilerClassPath.java(), "-cp", CompilerClassPath.get(), "org.quartz.cli.Main", "lsp");
		// dofile from the environment: a path inside an Ex command would need escaping.
		ProcessBuilder builder = new ProcessBuilder("nvim", "--headless", "--clean", "-u", "NONE", "-n",
				"-c", "lua dofile(os.getenv('QUARTZ_NVIM_SCRIPT'))", "-c", "cquit");
		Map<String, String> environment = builder.environment();
		environment.put("QUARTZ_NVIM_SCRIPT", Checkout.root().resolve("org.quartz.tests/nvim/session.lua").toString());
		environment.put("QUARTZ_NVIM_PROJECT", project.toString());
		environment.put("QUARTZ_NVIM_RESULT", result.toString());
		environment.put("QUARTZ_LSP_CMD", new Gson().toJson(server));
		environment.put("QUARTZ_CACHE_DIR", Checkout.cache().toString());
		// Neovim's state (and its LSP log, which holds the server's stderr) stays in the test's folder.
		for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
			environment.put(xdg, home.resolve(xdg.toLowerCase()).toString());
		}
		builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		builder.redirectOutput(stdout.toFile());
		builder.redirectError(stderr.toFile());
		Process nvim;
		try {
			nvim = builder.start();
		} catch (IOException e) {
			throw new AssertionError("cannot run nvim (tools/prerequisites.sh tests installs Debian's neovim)", e);
		}
		boolean finished = nvim.waitFor(SESSION_SECONDS, TimeUnit.SECONDS);
		if (!finished) {
			nvim.descendants().forEach(ProcessHandle::destroyForcibly);
			nvim.destroyForcibly().waitFor();
		}
		JsonObject session = Files.exists(result) ? JsonParser.parseString(Files.readString(result)).getAsJsonObject() : null;
		if (!finished || nvim.exitValue() != 0 || session == null || session.has("error")) {
			fail((finished ? "nvim exited with " + nvim.exitValue() : "nvim was killed after " + SESSION_SECONDS + " s")
					+ "\nsession: " + session
					+ "\nnvim's stdout:\n" + Files.readString(stdout)
					+ "\nnvim's stderr:\n" + Files.readString(stderr)
					+ "\nNeovim's LSP log (the server's stderr):\n" + log(home.resolve("xdg_cache_home/nvim/lsp.log")));
		}
		return session;
	}

	private static String log(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file) : "(none)";
	}

	/** Neovim's diagnostics as "CODE severity line:column" (0-based, as vim.diagnostic has them), sorted. */
	private static List<String> diagnostics(JsonElement list) {
		List<String> result = new ArrayList<>();
		for (JsonElement element : list.getAsJsonArray()) {
			JsonObject diagnostic = element.getAsJsonObject();
			int severity = diagnostic.get("severity").getAsInt(); // vim.diagnostic.severity
			result.add(diagnostic.get("code").getAsString() + " " + (severity == 1 ? "error" : severity == 2 ? "warning" : severity)
					+ " " + diagnostic.get("line").getAsInt() + ":" + diagnostic.get("column").getAsInt());
		}
		result.sort(null);
		return result;
	}

	private static List<String> strings(JsonElement list) {
		List<String> result = new ArrayList<>();
		list.getAsJsonArray().forEach(element -> result.add(element.getAsString()));
		return result;
	}
}
