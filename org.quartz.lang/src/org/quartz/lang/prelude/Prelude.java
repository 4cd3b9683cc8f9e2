package org.quartz.lang.prelude;

import java.net.URL;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.quartz.lang.quartz.FunctionDecl;

/**
 * The prelude module (prelude/prelude.qz in this bundle): built-in types and functions. A package
 * of its own, below scoping, typing, validation and code generation, which all ask about it.
 */
public final class Prelude {

	private static final URI LOCATION = locate();

	/**
	 * Built-ins whose last parameter may be left out, and the value it then has. The language has
	 * no default arguments and a module no two functions of one name, so the type checker allows
	 * the shorter call and the code generator passes this value.
	 */
	private static final Map<String, String> LAST_PARAMETER_DEFAULTS = Map.of(
			"str_ljust", " ", "str_rjust", " ", "str_center", " ");

	private Prelude() {
	}

	public static URI uri() {
		return LOCATION;
	}

	public static boolean isPrelude(org.eclipse.emf.ecore.resource.Resource resource) {
		return resource != null && LOCATION.equals(resource.getURI());
	}

	/** The value of a built-in's last parameter when a call leaves it out (a String), if it may. */
	public static Optional<String> lastParameterDefault(FunctionDecl function) {
		if (function == null || !function.isExtern() || !"builtin".equals(function.getAbi())
				|| !isPrelude(function.eResource())) {
			return Optional.empty();
		}
		return Optional.ofNullable(LAST_PARAMETER_DEFAULTS.get(function.getName()));
	}

	private static URI locate() {
		URL url = Prelude.class.getResource("/prelude/prelude.qz");
		if (url == null) {
			throw new IllegalStateException("prelude/prelude.qz is missing from the org.quartz.lang bundle");
		}
		return URI.createURI(url.toString());
	}
}
