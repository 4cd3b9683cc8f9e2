package org.quartz.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

import picocli.CommandLine.IVersionProvider;

/** {@code quartz --version}: the org.quartz.cli bundle's version, from its manifest. */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		// The manifest beside this class, wherever the bundle lies (a jar, a folder, an OSGi bundle).
		URL manifest = new URL(Version.class.getResource("Version.class"), "../../../META-INF/MANIFEST.MF");
		try (InputStream in = manifest.openStream()) {
			return new String[] { "quartz " + new Manifest(in).getMainAttributes().getValue("Bundle-Version") };
		}
	}
}
