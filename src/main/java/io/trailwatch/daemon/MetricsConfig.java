package io.trailwatch.daemon;

import io.trailwatch.config.ConfigValueException;

/**
 * The {@code metrics:} section: where {@code /health}, {@code /ready} and {@code /metrics} are served.
 *
 * @param enabled whether to serve them (default true)
 * @param host    the address to bind (default {@code 127.0.0.1}: not reachable from other machines)
 * @param port    the TCP port (default 9464; 0 picks a free one, logged at start)
 */
public record MetricsConfig(Boolean enabled, String host, Integer port) {

    public static final int DEFAULT_PORT = 9464;

    public MetricsConfig {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? DEFAULT_PORT : port;
        if (port < 0 || port > 65535) {
            throw new ConfigValueException("port", port + " is out of range (use 1 to 65535, or 0 for any free port)");
        }
    }

    public static MetricsConfig defaults() {
        return new MetricsConfig(null, null, null);
    }
}
