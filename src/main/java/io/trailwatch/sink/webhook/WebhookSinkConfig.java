package io.trailwatch.sink.webhook;

import io.trailwatch.alert.Severity;
import io.trailwatch.config.ConfigValueException;
import io.trailwatch.sink.SinkConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: webhook}: alerts POSTed as JSON to an HTTP(S) endpoint, through a durable disk spool.
 * Absent settings take the defaults below.
 *
 * @param name             names the spool directory under the state directory; default derived from the URL
 * @param url              the endpoint; required. Its query string and user info are never logged
 * @param minSeverity      least severity sent; null for all
 * @param format           {@code json} (default), {@code ocsf} or {@code slack} (incoming-webhook payload)
 * @param batchSize        alerts per request (default 1); above 1 the body is a JSON array (slack: one message)
 * @param connectTimeout   TCP/TLS connect timeout (default 5s)
 * @param requestTimeout   whole-request timeout (default 10s)
 * @param backoffBase      first retry delay bound (default 500ms); delays are full-jitter exponential
 * @param backoffMax       retry delay cap (default 60s)
 * @param maxAttempts      attempts per round (default 10); after a round the sender waits {@code backoffMax}
 *                         and starts again: alerts stay spooled, never dropped
 * @param signatureHeader  header carrying {@code sha256=<hex HMAC-SHA256 of the body>} (default {@code X-Trailwatch-Signature})
 * @param secretEnv        name of the environment variable holding the HMAC secret; no signature when absent
 * @param headers          extra headers; a value {@code ${NAME}} is replaced by environment variable NAME
 * @param maxSpoolSize     alerts the spool holds before {@code deliver} blocks (default 10000)
 * @param spoolFullTimeout how long {@code deliver} blocks on a full spool before failing (default 30s)
 * @param drainTimeout     how long {@code close} keeps sending before leaving the rest spooled (default 10s)
 */
public record WebhookSinkConfig(String name, String url, Severity minSeverity, String format, Integer batchSize,
                                Duration connectTimeout, Duration requestTimeout, Duration backoffBase,
                                Duration backoffMax, Integer maxAttempts, String signatureHeader, String secretEnv,
                                Map<String, String> headers, Integer maxSpoolSize, Duration spoolFullTimeout,
                                Duration drainTimeout) implements SinkConfig {

    private static final Set<String> FORMATS = Set.of("json", "ocsf", "slack");

    public WebhookSinkConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("missing key 'url' (the endpoint alerts are POSTed to, https://...)");
        }
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigValueException("url", Redaction.redact(uri) + " is not an http(s) URL with a host (use https://host/path)");
        }
        format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new ConfigValueException("format", "'" + format + "' is not a webhook format (use one of json, ocsf, slack)");
        }
        batchSize = atLeast("batchSize", batchSize, 1, 1);
        maxAttempts = atLeast("maxAttempts", maxAttempts, 10, 1);
        maxSpoolSize = atLeast("maxSpoolSize", maxSpoolSize, 10_000, 1);
        connectTimeout = positive("connectTimeout", connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positive("requestTimeout", requestTimeout, Duration.ofSeconds(10));
        backoffBase = positive("backoffBase", backoffBase, Duration.ofMillis(500));
        backoffMax = positive("backoffMax", backoffMax, Duration.ofSeconds(60));
        spoolFullTimeout = positive("spoolFullTimeout", spoolFullTimeout, Duration.ofSeconds(30));
        drainTimeout = positive("drainTimeout", drainTimeout, Duration.ofSeconds(10));
        signatureHeader = signatureHeader == null || signatureHeader.isBlank() ? "X-Trailwatch-Signature" : signatureHeader;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (name == null || name.isBlank()) {
            name = "webhook-" + Redaction.shortHash(url);
        } else if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigValueException("name", "'" + name + "' may hold only letters, digits, '.', '_' and '-' (it names the spool directory)");
        }
    }

    /** A configuration with every default, for {@code url}. */
    public static WebhookSinkConfig of(String url) {
        return builder(url).build();
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    URI uri() {
        return parse(url);
    }

    private static URI parse(String url) {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigValueException("url", "is not a valid URI at index " + e.getIndex() + " (check for spaces or unescaped characters)");
        }
    }

    private static int atLeast(String key, Integer value, int fallback, int min) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new ConfigValueException(key, value + " is below the minimum " + min);
        }
        return value;
    }

    private static Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new ConfigValueException(key, value + " must be positive (e.g. 500ms, 5s)");
        }
        return value;
    }

    /** Builds a configuration in code (tests, embedding); unset values take the defaults. */
    public static final class Builder {
        private final String url;
        private String name;
        private Severity minSeverity;
        private String format;
        private Integer batchSize;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private Duration backoffBase;
        private Duration backoffMax;
        private Integer maxAttempts;
        private String signatureHeader;
        private String secretEnv;
        private Map<String, String> headers;
        private Integer maxSpoolSize;
        private Duration spoolFullTimeout;
        private Duration drainTimeout;

        private Builder(String url) {
            this.url = url;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder minSeverity(Severity value) {
            this.minSeverity = value;
            return this;
        }

        public Builder format(String value) {
            this.format = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        public Builder backoff(Duration base, Duration max, int attempts) {
            this.backoffBase = base;
            this.backoffMax = max;
            this.maxAttempts = attempts;
            return this;
        }

        public Builder signature(String header, String secretEnvName) {
            this.signatureHeader = header;
            this.secretEnv = secretEnvName;
            return this;
        }

        public Builder headers(Map<String, String> value) {
            this.headers = value;
            return this;
        }

        public Builder spool(int maxSize, Duration fullTimeout, Duration drain) {
            this.maxSpoolSize = maxSize;
            this.spoolFullTimeout = fullTimeout;
            this.drainTimeout = drain;
            return this;
        }

        public WebhookSinkConfig build() {
            return new WebhookSinkConfig(name, url, minSeverity, format, batchSize, connectTimeout, requestTimeout,
                    backoffBase, backoffMax, maxAttempts, signatureHeader, secretEnv, headers, maxSpoolSize,
                    spoolFullTimeout, drainTimeout);
        }
    }
}
