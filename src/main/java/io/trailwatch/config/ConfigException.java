package io.trailwatch.config;

/**
 * A user's configuration mistake. The message is one line that names the file, the line when known,
 * the key path and the fix, for example
 * {@code suppression.yaml:7: unknown key 'maintenanceWindows[0].strat' (known keys: account, principal, start, end, ticket, rules)}.
 * It is meant to be printed as is, without a stack trace.
 */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
