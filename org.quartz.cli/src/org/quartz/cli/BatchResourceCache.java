package org.quartz.cli;

import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.xtext.util.OnChangeEvictingCache;

import com.google.inject.Singleton;

/**
 * The command line's resource cache (scopes, inferred types): its adapter watches the resource,
 * not each object in it. Xtext's watches every object so that an edit clears the cache; a
 * compilation never changes a model once it is linked (the next program gets a new resource
 * set), and attaching the adapter to every object of a large program took about 7% of its
 * check.
 */
@Singleton
final class BatchResourceCache extends OnChangeEvictingCache {

	@Override
	protected CacheAdapter createCacheAdapter() {
		return new CacheAdapter() {
			@Override
			protected void addAdapter(Notifier notifier) {
				// the resource's objects are not watched: see the class comment
			}
		};
	}
}
