package org.quartz.lang.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.quartz.lang.quartz.Declaration;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.Variant;

import com.google.inject.Inject;

/**
 * What a module exports, and under which name: its top-level declarations and the variants of
 * its enums and its globals, each by its simple name (imports bring names in unqualified).
 */
public class QuartzQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

	@Inject
	private IQualifiedNameConverter converter;

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		boolean exported = (object instanceof Declaration && object.eContainer() instanceof Module)
				|| object instanceof Variant || Globals.isGlobal(object);
		if (!exported) {
			return null;
		}
		String name = ((org.quartz.lang.quartz.NamedElement) object).getName();
		return name == null ? null : converter.toQualifiedName(name);
	}
}
