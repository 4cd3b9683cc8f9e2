package org.quartz.cli;

import java.util.logging.Level;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.varia.NullAppender;

/**
 * Keeps library logging (Xtext logs through log4j 1.x, Guice through java.util.logging) off the
 * terminal: the compiler talks to its users through diagnostics only. In debug mode warnings
 * go to stderr.
 */
final class Logging {

	private Logging() {
	}

	static void configure(boolean debug) {
		// Skips log4j's search of the class path for a configuration file, which takes a while.
		System.setProperty("log4j.defaultInitOverride", "true");
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		if (debug) {
			root.setLevel(org.apache.log4j.Level.WARN);
			root.addAppender(new ConsoleAppender(new PatternLayout("%p %c: %m%n"), ConsoleAppender.SYSTEM_ERR));
		} else {
			root.setLevel(org.apache.log4j.Level.OFF);
			root.addAppender(new NullAppender()); // without an appender log4j warns about having none
		}
		java.util.logging.Logger.getLogger("").setLevel(debug ? Level.WARNING : Level.OFF);
	}

	/**
	 * The language server's logging: its stdout carries the protocol, so everything goes to
	 * stderr, which editors show in their server log.
	 */
	static void configureServer(boolean debug) {
		System.setProperty("log4j.defaultInitOverride", "true");
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.setLevel(debug ? org.apache.log4j.Level.INFO : org.apache.log4j.Level.ERROR);
		root.addAppender(new ConsoleAppender(debug ? new PatternLayout("%p %c: %m%n") : new OneLineLayout(),
				ConsoleAppender.SYSTEM_ERR));
		java.util.logging.Logger.getLogger("").setLevel(debug ? Level.INFO : Level.SEVERE);
	}

	/** A log line with the exception's message but no stack trace (QUARTZ_DEBUG=1 shows those). */
	private static final class OneLineLayout extends PatternLayout {

		OneLineLayout() {
			super("%p %c: %m");
		}

		@Override
		public String format(org.apache.log4j.spi.LoggingEvent event) {
			String line = super.format(event);
			Throwable thrown = event.getThrowableInformation() == null ? null
					: event.getThrowableInformation().getThrowable();
			return thrown == null ? line + "\n" : line + " (" + thrown + ")\n";
		}

		@Override
		public boolean ignoresThrowable() {
			return false; // this layout shows the exception itself, in one line
		}
	}
}
