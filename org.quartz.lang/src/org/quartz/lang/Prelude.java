package org.quartz.lang;

import java.net.URL;

import org.eclipse.emf.common.util.URI;

/** The prelude module (prelude/prelude.qz in this bundle): built-in types and functions. */
public final class Prelude {

	private static final URI LOCATION = locate();

	private Prelude() {
	}

	public static URI uri() {
		return LOCATION;
	}

	public static boolean isPrelude(org.eclipse.emf.ecore.resource.Resource resource) {
		return resource != null && LOCATION.equals(resource.getURI());
	}

	private static URI locate() {
		URL url = Prelude.class.getResource("/prelude/prelude.qz");
		if (url == null) {
			throw new IllegalStateException("prelude/prelude.qz is missing from the org.quartz.lang bundle");
		}
		return URI.createURI(url.toString());
	}
}
