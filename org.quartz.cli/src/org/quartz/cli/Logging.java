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
}
