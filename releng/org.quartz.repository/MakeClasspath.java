import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes the plain class path ./quartz runs the compiler on (org.quartz.cli.Main, no OSGi): a copy
 * of each of the product's bundles without its signature, and a file `classpath` listing them.
 * A signed jar is verified on every start and cannot go into a CDS archive; unsigned copies
 * start about half a second faster.
 *
 * Usage (the build runs it as a single-file program): java MakeClasspath.java PLUGINS OUTPUT
 */
public class MakeClasspath {

	private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

	public static void main(String[] args) throws IOException {
		Path plugins = Path.of(args[0]);
		Path output = Path.of(args[1]).toAbsolutePath();
		Path lib = output.resolve("lib");
		deleteTree(lib);
		Files.createDirectories(lib);
		List<String> classpath = new ArrayList<>();
		try (Stream<Path> jars = Files.list(plugins)) {
			for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
				Path copy = lib.resolve(jar.getFileName());
				copyWithoutSignature(jar, copy);
				classpath.add(copy.toString());
			}
		}
		Files.writeString(output.resolve("classpath"), String.join(":", classpath) + "\n");
	}

	private static void copyWithoutSignature(Path jar, Path copy) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!SIGNATURE.matcher(entry.getName()).matches()) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					in.transferTo(out);
					out.closeEntry();
				}
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}
}
