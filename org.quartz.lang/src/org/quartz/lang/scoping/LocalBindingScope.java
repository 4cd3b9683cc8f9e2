package org.quartz.lang.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.quartz.lang.quartz.NamedElement;

/**
 * The local bindings at a point, then {@code outer}. Linking asks for one name at a time, which
 * {@link LocalBindings#lookup} answers without listing every binding in view (listing them at
 * each reference made a block's linking quadratic); the listing is made only when asked for
 * (completion, suggestions).
 */
final class LocalBindingScope implements IScope {

	private final EObject context;
	private final IScope outer;
	private IScope all;

	LocalBindingScope(EObject context, IScope outer) {
		this.context = context;
		this.outer = outer;
	}

	@Override
	public IEObjectDescription getSingleElement(QualifiedName name) {
		NamedElement local = name.getSegmentCount() == 1 ? LocalBindings.lookup(context, name.getFirstSegment()) : null;
		return local != null ? EObjectDescription.create(name, local) : outer.getSingleElement(name);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(QualifiedName name) {
		NamedElement local = name.getSegmentCount() == 1 ? LocalBindings.lookup(context, name.getFirstSegment()) : null;
		return local != null ? List.of(EObjectDescription.create(name, local)) : outer.getElements(name);
	}

	@Override
	public IEObjectDescription getSingleElement(EObject object) {
		return all().getSingleElement(object);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(EObject object) {
		return all().getElements(object);
	}

	@Override
	public Iterable<IEObjectDescription> getAllElements() {
		return all().getAllElements();
	}

	private IScope all() {
		if (all == null) {
			all = Scopes.scopeFor(LocalBindings.visibleAt(context).values(), outer);
		}
		return all;
	}
}
