package io.trailwatch.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Log level switches the CLI offers; the appenders themselves live in log4j2.xml. */
final class Logging {

    private Logging() {}

    /** {@code --verbose}: DEBUG for Trailwatch's own loggers. */
    static void verbose() {
        Configurator.setLevel("io.trailwatch", Level.DEBUG);
    }

    /** One-shot commands: warnings only, unless {@code -Dtrailwatch.log.level} asks otherwise. */
    static void quiet() {
        if (System.getProperty("trailwatch.log.level") == null) {
            Configurator.setLevel("io.trailwatch", Level.WARN);
        }
    }
}
