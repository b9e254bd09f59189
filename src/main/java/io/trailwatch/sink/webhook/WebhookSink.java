package io.trailwatch.sink.webhook;

import io.trailwatch.alert.Alert;
import io.trailwatch.sink.AlertSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * POSTs alerts to an HTTP endpoint through a durable disk spool.
 *
 * <p>{@link #deliver} first writes the alert to the spool (one file per alert, atomically and fsynced) and
 * returns; a background thread posts spooled alerts in spool order and deletes each file only after a 2xx.
 * An outage or a killed process therefore loses nothing: a new instance on the same spool directory resends
 * what is left. An alert whose id is already spooled (or was delivered by this instance) is not spooled twice.
 *
 * <p>Failures: connection errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and full
 * jitter ({@code backoffBase}, {@code backoffMax}, {@code maxAttempts} per round, then a pause of
 * {@code backoffMax} and a new round); a {@code Retry-After} on 429/503 (seconds or HTTP date, capped at one
 * hour) sets the delay instead. Any other non-2xx status means the endpoint will never take the request:
 * it is logged as an error and its alerts are moved to {@code rejected/} in the spool, not lost.
 *
 * <p>When the spool holds {@code maxSpoolSize} alerts, {@code deliver} blocks up to {@code spoolFullTimeout}
 * and then throws, so the pipeline does not checkpoint past undelivered alerts. {@link #close} stops
 * accepting, keeps sending for up to {@code drainTimeout} and leaves the rest spooled.
 *
 * <p>With {@code secretEnv} set, every request carries {@code sha256=<hex HMAC-SHA256 of the body>} in the
 * signature header. Neither the secret, nor the URL's query string or user info (sent as basic auth), ever
 * appears in logs, errors or {@link #name()}.
 */
public final class WebhookSink implements AlertSink {

    private static final Logger LOG = LogManager.getLogger(WebhookSink.class);
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final long MAX_RETRY_AFTER_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final int RECENT_IDS = 10_000;
    private static final int ERROR_BODY_CHARS = 200;

    private final WebhookSinkConfig config;
    private final String name;
    private final URI target;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final byte[] secret;
    private final WebhookPayloads payloads;
    private final HttpClient client;
    private final WebhookSpool spool;
    private final Thread sender;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<String> recentlyDelivered = new LinkedHashSet<>();
    private volatile boolean closed;
    private boolean stopping;
    private long delivered;
    private long retried;
    private long failedAttempts;
    private long rejected;
    private String lastError;

    /** A sink reading its secret and header values from the process environment. */
    public WebhookSink(WebhookSinkConfig config, Path spoolDir) throws IOException {
        this(config, spoolDir, System::getenv);
    }

    /**
     * A sink reading {@code secretEnv} and {@code ${NAME}} header values through {@code environment}.
     *
     * @throws IllegalArgumentException when a named environment variable is unset or a header is not allowed
     * @throws IOException when the spool directory cannot be created or read
     */
    public WebhookSink(WebhookSinkConfig config, Path spoolDir, Function<String, String> environment) throws IOException {
        this.config = config;
        URI uri = config.uri();
        this.name = "webhook:" + Redaction.redact(uri);
        this.rawQuery = uri.getRawQuery();
        this.target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (rawQuery == null ? "" : "?" + rawQuery));
        this.headers = resolveHeaders(config, uri, environment);
        this.secret = resolveSecret(config, environment);
        this.payloads = new WebhookPayloads(config.format(), config.batchSize());
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.spool = new WebhookSpool(spoolDir);
        this.sender = new Thread(this::sendLoop, "webhook-sender-" + config.name());
        this.sender.setDaemon(true);
        this.sender.setUncaughtExceptionHandler((thread, e) -> LOG.error(
                "{}: sender thread died ({}); {} alert(s) stay spooled in {} and are resent at the next start",
                name, e.toString(), spool.size(), spool.dir(), e));
        this.sender.start();
    }

    @Override
    public String name() {
        return name;
    }

    /** Spools {@code alert} durably; blocks while the spool is full, up to {@code spoolFullTimeout}. */
    @Override
    public void deliver(Alert alert) throws IOException {
        if (closed) {
            throw new IOException(name + " is closed; alert " + alert.alertId() + " was not spooled");
        }
        lock.lock();
        try {
            if (spool.contains(alert.alertId()) || recentlyDelivered.contains(alert.alertId())) {
                return;
            }
            long remaining = config.spoolFullTimeout().toNanos();
            while (spool.size() >= config.maxSpoolSize()) {
                if (remaining <= 0 || closed) {
                    throw new IOException(name + ": spool " + spool.dir() + " stayed full (" + spool.size()
                            + " alerts, maxSpoolSize " + config.maxSpoolSize() + ") for " + config.spoolFullTimeout()
                            + "; alert " + alert.alertId() + " was not spooled (the endpoint is down or slow; last error: "
                            + lastError + "; raise maxSpoolSize or spoolFullTimeout to absorb longer outages)");
                }
                remaining = changed.awaitNanos(remaining);
            }
            spool.add(alert);
            changed.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while spooling alert " + alert.alertId() + " for " + name);
        } finally {
            lock.unlock();
        }
    }

    public WebhookStats stats() {
        lock.lock();
        try {
            return new WebhookStats(delivered, retried, failedAttempts, rejected, spool.size(), lastError);
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting, sends for up to {@code drainTimeout}, and leaves what remains spooled for the next start. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            long remaining = config.drainTimeout().toNanos();
            while (!spool.isEmpty() && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            stopping = true;
            changed.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        sender.interrupt();
        try {
            sender.join(config.requestTimeout().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = stats().spoolSize();
        if (left > 0) {
            LOG.warn("{} closed with {} alert(s) still spooled in {}; they are resent at the next start", name, left, spool.dir());
        }
    }

    private void sendLoop() {
        int attempt = 0;
        long streak = 0;
        while (true) {
            List<WebhookSpool.Entry> batch;
            lock.lock();
            try {
                while (spool.isEmpty() && !stopping) {
                    changed.await();
                }
                if (stopping) {
                    return;
                }
                batch = spool.head(config.batchSize());
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Outcome outcome;
            try {
                outcome = post(batch);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (outcome.kind == Kind.RETRY) {
                    attempt++;
                    streak++;
                    if (!pauseBeforeRetry(outcome, attempt, streak)) {
                        return;
                    }
                    if (attempt >= config.maxAttempts()) {
                        attempt = 0;
                    }
                    continue;
                }
                if (streak > 0) {
                    LOG.info("{} reachable again after {} failed attempt(s)", name, streak);
                }
                attempt = 0;
                streak = 0;
                if (outcome.kind == Kind.REJECTED) {
                    LOG.error("{} refused {} alert(s) {} for good: {}; moved them to {} (fix the endpoint or payload, then resend)",
                            name, batch.size(), ids(batch), outcome.error, spool.dir().resolve("rejected"));
                }
                finish(batch, outcome.kind == Kind.DELIVERED);
            } catch (IOException e) {
                LOG.error("{}: spool {} failed ({}); retrying", name, spool.dir(), e.toString());
                if (!sleep(config.backoffMax().toMillis())) {
                    return;
                }
            }
        }
    }

    private void finish(List<WebhookSpool.Entry> batch, boolean accepted) throws IOException {
        lock.lock();
        try {
            for (WebhookSpool.Entry entry : batch) {
                if (accepted) {
                    spool.remove(entry);
                    delivered++;
                    remember(entry.alert().alertId());
                } else {
                    spool.reject(entry);
                    rejected++;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean pauseBeforeRetry(Outcome outcome, int attempt, long streak) {
        long delay;
        if (attempt >= config.maxAttempts()) {
            delay = config.backoffMax().toMillis();
            boolean firstRound = streak == attempt;
            LOG.log(firstRound ? Level.ERROR : Level.DEBUG,
                    "{}: {} attempts failed, last: {}; {} alert(s) stay spooled in {}, retrying every {} ms until it answers",
                    name, streak, outcome.error, stats().spoolSize(), spool.dir(), delay);
        } else {
            delay = outcome.retryAfterMillis >= 0 ? outcome.retryAfterMillis : backoff(attempt);
            LOG.log(streak == 1 ? Level.WARN : Level.DEBUG, "{}: {}; retrying in {} ms (alerts stay spooled)",
                    name, outcome.error, delay);
        }
        lock.lock();
        try {
            retried++;
        } finally {
            lock.unlock();
        }
        return sleep(delay);
    }

    /** Full jitter: uniform in [0, min(backoffMax, backoffBase * 2^(attempt-1))]. */
    private long backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        long cap = config.backoffMax().toMillis();
        int shift = Math.min(attempt - 1, 30);
        long bound = Math.min(cap, base << shift);
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }

    /** Waits {@code millis} unless the sink stops meanwhile; false when it stopped. */
    private boolean sleep(long millis) {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(millis);
            while (remaining > 0 && !stopping) {
                remaining = changed.awaitNanos(remaining);
            }
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Outcome post(List<WebhookSpool.Entry> batch) throws InterruptedException {
        byte[] body;
        try {
            body = payloads.body(batch.stream().map(WebhookSpool.Entry::alert).toList());
        } catch (RuntimeException e) {
            return new Outcome(Kind.REJECTED, "cannot render the " + config.format() + " payload: " + e, -1);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (secret != null) {
            request.header(config.signatureHeader(), "sha256=" + hmac(body));
        }
        Outcome outcome;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            outcome = classify(response);
        } catch (IOException e) {
            String detail = e.getMessage() != null ? scrub(e.getMessage())
                    : e instanceof ConnectException ? "connection refused or host unreachable" : "no detail";
            outcome = new Outcome(Kind.RETRY, e.getClass().getSimpleName() + " (" + detail + ")", -1);
        }
        if (outcome.kind != Kind.DELIVERED) {
            lock.lock();
            try {
                failedAttempts++;
                lastError = outcome.error;
            } finally {
                lock.unlock();
            }
        }
        return outcome;
    }

    private Outcome classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome(Kind.DELIVERED, null, -1);
        }
        String error = "HTTP " + status + bodySnippet(response.body());
        if (status == 429 || status == 503) {
            return new Outcome(Kind.RETRY, error, retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status == 408 || status >= 500) {
            return new Outcome(Kind.RETRY, error, -1);
        }
        return new Outcome(Kind.REJECTED, error, -1);
    }

    /** Milliseconds to wait per a Retry-After value (delta seconds or HTTP date), or -1 when absent or unreadable. */
    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.trim();
        long millis;
        if (v.chars().allMatch(Character::isDigit)) {
            millis = v.length() > 9 ? MAX_RETRY_AFTER_MILLIS : TimeUnit.SECONDS.toMillis(Long.parseLong(v));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                millis = Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException e) {
                LOG.debug("ignoring unreadable Retry-After '{}'", v);
                return -1;
            }
        }
        return Math.min(millis, MAX_RETRY_AFTER_MILLIS);
    }

    private String bodySnippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return ": " + scrub(oneLine.length() > ERROR_BODY_CHARS ? oneLine.substring(0, ERROR_BODY_CHARS) + "..." : oneLine);
    }

    /** Removes the URL's query and any secret from text that may have echoed them. */
    private String scrub(String text) {
        String out = text == null ? "" : text;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            out = out.replace(rawQuery, "<redacted>");
        }
        if (secret != null) {
            out = out.replace(new String(secret, StandardCharsets.UTF_8), "<redacted>");
        }
        return out;
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private void remember(String alertId) {
        recentlyDelivered.add(alertId);
        if (recentlyDelivered.size() > RECENT_IDS) {
            recentlyDelivered.remove(recentlyDelivered.iterator().next());
        }
    }

    private static List<String> ids(List<WebhookSpool.Entry> batch) {
        return batch.stream().map(e -> e.alert().alertId()).toList();
    }

    private static byte[] resolveSecret(WebhookSinkConfig config, Function<String, String> environment) {
        if (config.secretEnv() == null || config.secretEnv().isBlank()) {
            return null;
        }
        String value = environment.apply(config.secretEnv());
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + config.secretEnv() + " named by secretEnv of webhook sink '"
                    + config.name() + "' is not set (export it, or remove secretEnv to send unsigned requests)");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> resolveHeaders(WebhookSinkConfig config, URI uri, Function<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawUserInfo() != null) {
            String userInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            out.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        config.headers().forEach((key, value) -> out.put(key, expand(config, key, value, environment)));
        HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://localhost/"));
        out.keySet().forEach(key -> {
            try {
                probe.header(key, "x");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header '" + key + "' of webhook sink '" + config.name()
                        + "' cannot be set by Trailwatch (" + e.getMessage() + "); remove it from headers");
            }
        });
        return Map.copyOf(out);
    }

    private static String expand(WebhookSinkConfig config, String header, String value, Function<String, String> environment) {
        Matcher m = ENV_REFERENCE.matcher(value == null ? "" : value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String resolved = environment.apply(m.group(1));
            if (resolved == null) {
                throw new IllegalArgumentException("environment variable " + m.group(1) + " used by header '" + header
                        + "' of webhook sink '" + config.name() + "' is not set (export it before starting)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private enum Kind { DELIVERED, RETRY, REJECTED }

    private record Outcome(Kind kind, String error, long retryAfterMillis) {}
}
