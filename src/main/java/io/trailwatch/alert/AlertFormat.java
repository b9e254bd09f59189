package io.trailwatch.alert;

import java.util.Locale;

/** Renders an alert as one line of text for a sink. Implementations are stateless and thread-safe. */
public interface AlertFormat {

    /** The alert as one line, without the line terminator. */
    String render(Alert alert);

    /** The name users select it by in configuration ({@code text}, {@code json}, {@code ocsf}). */
    String name();

    /** The format called {@code name} (any case); throws naming the accepted values otherwise. */
    static AlertFormat named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "text" -> new TextAlertFormat();
            case "json" -> new JsonAlertFormat();
            case "ocsf" -> new OcsfAlertFormat();
            default -> throw new IllegalArgumentException("unknown alert format '" + name + "' (use one of text, json, ocsf)");
        };
    }
}
