package org.quartz.tests.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.quartz.tests.e2e.Checkout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build resolves the same things every day: the target platform lists each bundle at an exact
 * version and follows no dependencies (the platform's poms name ranges), no pom names a version
 * range, LATEST or RELEASE (maven-enforcer-plugin checks the project's dependencies and that every
 * plugin has a version, but not the dependencies of plugins), and the Maven wrapper names one
 * Maven.
 */
class BuildPinningTest {

	/** A version or a property standing for one; not a range, LATEST or RELEASE. */
	private static final Pattern EXACT = Pattern.compile("(\\d[\\w.-]*|\\$\\{[\\w.-]+\\})");

	@Test
	void theTargetPlatformListsExactVersionsAndFollowsNoDependencies() throws Exception {
		Document target = parse(Checkout.root().resolve("releng/org.quartz.target/org.quartz.target.target"));
		NodeList locations = target.getElementsByTagName("location");
		assertTrue(locations.getLength() > 0);
		List<String> unpinned = new ArrayList<>();
		for (int i = 0; i < locations.getLength(); i++) {
			Element location = (Element) locations.item(i);
			if (!"none".equals(location.getAttribute("includeDependencyDepth"))) {
				unpinned.add("location " + location.getAttribute("label") + " follows dependencies");
			}
		}
		NodeList dependencies = target.getElementsByTagName("dependency");
		assertTrue(dependencies.getLength() > 50, "found the target's bundles");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			String version = text(dependency, "version");
			if (!isExact(version) || version.startsWith("$")) {
				unpinned.add(text(dependency, "artifactId") + " " + version);
			}
		}
		assertEquals(List.of(), unpinned);
	}

	@Test
	void noPomNamesAVersionRange() throws Exception {
		List<Path> poms;
		try (Stream<Path> files = Files.walk(Checkout.root())) {
			poms = files.filter(f -> f.getFileName().toString().equals("pom.xml"))
					.filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")).toList();
		}
		assertTrue(poms.size() > 10, "found the poms: " + poms);
		List<String> unpinned = new ArrayList<>();
		for (Path pom : poms) {
			NodeList versions = parse(pom).getElementsByTagName("version");
			for (int i = 0; i < versions.getLength(); i++) {
				String version = versions.item(i).getTextContent().trim();
				if (!isExact(version)) {
					unpinned.add(Checkout.root().relativize(pom) + ": " + version);
				}
			}
		}
		assertEquals(List.of(), unpinned);
	}

	@Test
	void theMavenWrapperNamesOneMaven() throws IOException {
		Properties wrapper = new Properties();
		try (var in = Files.newInputStream(Checkout.root().resolve(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		assertTrue(wrapper.getProperty("distributionUrl").matches(".*/apache-maven-\\d+\\.\\d+\\.\\d+-bin\\.zip"),
				wrapper.getProperty("distributionUrl"));
	}

	@Test
	void rangesAndLatestAreNotExact() {
		assertTrue(isExact("2.42.0") && isExact("33.5.0-jre") && isExact("0.1.0-SNAPSHOT") && isExact("${tycho-version}"));
		for (String version : List.of("[2.1.1,3)", "[1.0,)", "(,2.0]", "LATEST", "RELEASE", "")) {
			assertFalse(isExact(version), version);
		}
	}

	private static boolean isExact(String version) {
		return EXACT.matcher(version).matches();
	}

	private static String text(Element parent, String child) {
		return parent.getElementsByTagName(child).item(0).getTextContent().trim();
	}

	private static Document parse(Path file) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
	}
}
