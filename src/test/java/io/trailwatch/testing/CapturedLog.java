package io.trailwatch.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every message logged under {@code io.trailwatch}, down to DEBUG, while open. */
public final class CapturedLog extends AbstractAppender implements AutoCloseable {

    private static final String LOGGER = "io.trailwatch";
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        super("captured", null, null, true, Property.EMPTY_ARRAY);
    }

    public static CapturedLog capture() {
        CapturedLog log = new CapturedLog();
        log.attach();
        return log;
    }

    private void attach() {
        start();
        Configurator.setLevel(LOGGER, Level.DEBUG);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig logger = config.getLoggerConfig(LOGGER);
        logger.addAppender(this, Level.DEBUG, null);
        ctx.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        String thrown = event.getThrown() == null ? "" : " " + event.getThrown();
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage() + thrown);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getLoggerConfig(LOGGER).removeAppender(getName());
        ctx.updateLoggers();
        stop();
    }
}
