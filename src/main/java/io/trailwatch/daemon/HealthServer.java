package io.trailwatch.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Serves {@code /metrics} (Prometheus text format, by the Prometheus client's own server), {@code /health}
 * (200 while the feeding thread runs, else 503) and {@code /ready} (200 once the sources have been read up
 * to the present after start, else 503).
 */
final class HealthServer implements Closeable {

    private static final Logger LOG = LogManager.getLogger(HealthServer.class);

    private final HTTPServer server;

    HealthServer(MetricsConfig config, PrometheusRegistry registry, BooleanSupplier healthy, BooleanSupplier ready)
            throws IOException {
        try {
            server = HTTPServer.builder().inetAddress(InetAddress.getByName(config.host())).port(config.port())
                    .registry(registry).defaultHandler(new Probes(healthy, ready)).buildAndStart();
        } catch (IOException e) {
            throw new IOException("cannot serve metrics on " + config.host() + ":" + config.port() + " (" + e
                    + "); choose a free 'metrics.port' or set 'metrics.enabled: false'", e);
        }
        LOG.info("Serving /health, /ready and /metrics on http://{}:{}/", config.host(), server.getPort());
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private record Probes(BooleanSupplier healthy, BooleanSupplier ready) implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                int status;
                String body;
                if (path.equals("/health")) {
                    status = healthy.getAsBoolean() ? 200 : 503;
                    body = status == 200 ? "ok\n" : "feeding thread stopped\n";
                } else if (path.equals("/ready")) {
                    status = ready.getAsBoolean() ? 200 : 503;
                    body = status == 200 ? "ready\n" : "catching up with the sources\n";
                } else {
                    status = 404;
                    body = "not found: use /health, /ready or /metrics\n";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
