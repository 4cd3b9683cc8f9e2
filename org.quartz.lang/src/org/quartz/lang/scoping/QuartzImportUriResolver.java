package org.quartz.lang.scoping;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.quartz.lang.quartz.Import;

/** Resolves `import a/b/c` to a file URI through the {@link ModuleSearchPath} of its resource set; null when no file exists. */
public class QuartzImportUriResolver extends ImportUriResolver {

	@Override
	public String resolve(EObject object) {
		if (!(object instanceof Import imp) || imp.getImportURI() == null) {
			return null;
		}
		return resolve(imp).map(path -> URI.createFileURI(path.toString()).toString()).orElse(null);
	}

	public java.util.Optional<Path> resolve(Import imp) {
		URI from = imp.eResource() == null ? null : imp.eResource().getURI();
		Path fromDir = from != null && from.isFile() ? Paths.get(from.toFileString()).getParent() : null;
		return ModuleSearchPath.of(imp.eResource() == null ? null : imp.eResource().getResourceSet())
				.find(imp.getImportURI(), fromDir);
	}
}
