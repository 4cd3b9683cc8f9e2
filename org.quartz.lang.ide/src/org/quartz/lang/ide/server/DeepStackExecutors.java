package org.quartz.lang.ide.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.xtext.ide.ExecutorServiceProvider;

import com.google.inject.Singleton;

/**
 * The server's request threads, with the command line's room for recursion: parsing, linking
 * and type checking recurse once per nesting level, and the JIT-compiled parser's frames are
 * large enough that a default 1 MB stack overflows below the language's nesting limit (256).
 */
@Singleton
@SuppressWarnings("restriction") // the executor service of Xtext's language server is provisional API
public class DeepStackExecutors extends ExecutorServiceProvider {

	/** Reserved, not committed: a thread uses only what it touches. */
	static final long STACK_SIZE = 64L * 1024 * 1024;

	private final AtomicInteger threads = new AtomicInteger();

	@Override
	protected ExecutorService createInstance(String key) {
		return Executors.newCachedThreadPool(
				task -> new Thread(null, task, "quartz-lsp-" + threads.incrementAndGet(), STACK_SIZE));
	}
}
