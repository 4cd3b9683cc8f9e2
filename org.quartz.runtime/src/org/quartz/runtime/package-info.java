/** The Quartz runtime (C sources under runtime/) and standard library (stdlib/). */
package org.quartz.runtime;
