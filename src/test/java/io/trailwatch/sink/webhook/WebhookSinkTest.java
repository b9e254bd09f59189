package io.trailwatch.sink.webhook;

import static io.trailwatch.alert.TestData.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import io.trailwatch.sink.webhook.TestWebhookServer.Reply;
import io.trailwatch.testing.CapturedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofMillis(20);

    @TempDir
    Path spool;

    private static WebhookSinkConfig.Builder fast(String url) {
        return WebhookSinkConfig.builder(url)
                .timeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100), 5)
                .spool(100, Duration.ofMillis(200), Duration.ofMillis(300));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static String deadUrl() throws IOException {
        return "http://127.0.0.1:" + TestWebhookServer.freePort() + "/hook";
    }

    @Test
    void postsOneAlertAsJsonAndEmptiesTheSpool() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start()) {
            WebhookSink sink = new WebhookSink(fast(server.url()).build(), spool);
            Alert alert = alert(1);

            sink.deliver(alert);
            await("delivery", () -> sink.stats().delivered() == 1);
            sink.close();

            JsonNode body = JSON.readTree(server.requests().get(0).body());
            assertEquals(alert.alertId(), body.get("alertId").asText());
            assertEquals("application/json", server.requests().get(0).header("Content-Type"));
            assertEquals(0, sink.stats().spoolSize());
            assertEquals(List.of("rejected"), Files.list(spool).map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void batchesSpooledAlertsIntoOneArray() throws Exception {
        WebhookSink offline = new WebhookSink(fast(deadUrl()).build(), spool);
        for (int i = 1; i <= 3; i++) {
            offline.deliver(alert(i));
        }
        offline.close();

        try (TestWebhookServer server = TestWebhookServer.start()) {
            WebhookSink sink = new WebhookSink(fast(server.url()).batchSize(3).build(), spool);
            await("batch delivery", () -> sink.stats().delivered() == 3);
            sink.close();

            assertEquals(1, server.requests().size());
            JsonNode batch = JSON.readTree(server.requests().get(0).body());
            assertTrue(batch.isArray());
            assertEquals(List.of(alert(1).alertId(), alert(2).alertId(), alert(3).alertId()),
                    List.of(batch.get(0).get("alertId").asText(), batch.get(1).get("alertId").asText(), batch.get(2).get("alertId").asText()),
                    "spool order is delivery order");
        }
    }

    @Test
    void retriesWhileConnectionIsRefusedThenDeliversWhenTheServerIsUp() throws Exception {
        int port = TestWebhookServer.freePort();
        WebhookSink sink = new WebhookSink(fast("http://127.0.0.1:" + port + "/hook").build(), spool);
        sink.deliver(alert(1));
        await("a refused attempt", () -> sink.stats().failedAttempts() >= 1);
        assertTrue(sink.stats().lastError().startsWith("ConnectException"), sink.stats().lastError());

        try (TestWebhookServer server = new TestWebhookServer(port)) {
            await("delivery after the server came up", () -> sink.stats().delivered() == 1);
            sink.close();
            assertEquals(1, server.requests().size());
            assertTrue(sink.stats().retried() >= 1);
        }
    }

    @Test
    void retriesServerErrorsUntilSuccess() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(Reply.of(500), Reply.of(502), Reply.of(200))) {
            WebhookSink sink = new WebhookSink(fast(server.url()).build(), spool);

            sink.deliver(alert(1));
            await("delivery", () -> sink.stats().delivered() == 1);
            sink.close();

            WebhookStats stats = sink.stats();
            assertEquals(3, server.requests().size());
            assertEquals(2, stats.retried());
            assertEquals(2, stats.failedAttempts());
            assertTrue(stats.lastError().startsWith("HTTP 502"), stats.lastError());
        }
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        Reply tooMany = new Reply(429, Map.of("Retry-After", "1"), "");
        try (TestWebhookServer server = TestWebhookServer.start(tooMany)) {
            WebhookSink sink = new WebhookSink(fast(server.url()).build(), spool);

            sink.deliver(alert(1));
            await("delivery", () -> sink.stats().delivered() == 1);
            sink.close();

            List<TestWebhookServer.Request> requests = server.requests();
            long gapMillis = Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()).toMillis();
            assertTrue(gapMillis >= 900, "waited " + gapMillis + " ms, Retry-After asked for 1000 (backoff max is 100)");
        }
    }

    @Test
    void clientErrorIsNotRetriedAndTheAlertIsKeptInRejected() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(new Reply(400, Map.of(), "bad payload"));
             CapturedLog log = CapturedLog.capture()) {
            WebhookSink sink = new WebhookSink(fast(server.url()).build(), spool);
            Alert alert = alert(1);

            sink.deliver(alert);
            await("rejection", () -> sink.stats().rejected() == 1);
            sink.close();

            assertEquals(1, server.requests().size());
            assertEquals(0, sink.stats().retried());
            assertTrue(Files.exists(spool.resolve("rejected").resolve(alert.alertId() + ".json")));
            assertTrue(log.text().contains("ERROR"), log.text());
            assertTrue(log.text().contains("HTTP 400"), log.text());
        }
    }

    @Test
    void signsTheBodyWithHmacOfTheSecretFromTheNamedEnvironmentVariable() throws Exception {
        String secret = "s3cret-value";
        try (TestWebhookServer server = TestWebhookServer.start()) {
            WebhookSinkConfig config = fast(server.url()).signature(null, "TRAILWATCH_WEBHOOK_SECRET")
                    .headers(Map.of("X-Api-Key", "key-${API_KEY}")).build();
            WebhookSink sink = new WebhookSink(config, spool,
                    Map.of("TRAILWATCH_WEBHOOK_SECRET", secret, "API_KEY", "k1")::get);

            sink.deliver(alert(1));
            await("delivery", () -> sink.stats().delivered() == 1);
            sink.close();

            TestWebhookServer.Request request = server.requests().get(0);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, request.header("X-Trailwatch-Signature"));
            assertEquals("key-k1", request.header("X-Api-Key"));
        }
    }

    @Test
    void missingSecretEnvironmentVariableIsNamed() {
        WebhookSinkConfig config = fast("http://127.0.0.1:1/hook").signature(null, "TRAILWATCH_WEBHOOK_SECRET").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookSink(config, spool, name -> null));

        assertTrue(e.getMessage().startsWith("environment variable TRAILWATCH_WEBHOOK_SECRET named by secretEnv"), e.getMessage());
    }

    @Test
    void neverLogsTheSecretTheQueryOrTheUserInfo() throws Exception {
        String secret = "hmac-secret-42";
        try (TestWebhookServer server = TestWebhookServer.start(
                new Reply(500, Map.of(), "error for token=query-token-99"), Reply.of(404));
             CapturedLog log = CapturedLog.capture()) {
            String url = "http://ops:basic-pass-7@127.0.0.1:" + server.port() + "/hook?token=query-token-99";
            WebhookSink sink = new WebhookSink(fast(url).signature(null, "SECRET").build(), spool, Map.of("SECRET", secret)::get);

            sink.deliver(alert(1));
            await("rejection", () -> sink.stats().rejected() == 1);
            sink.close();

            String everything = log.text() + "\n" + sink.name() + "\n" + sink.stats();
            assertFalse(log.text().isEmpty());
            for (String leak : List.of(secret, "query-token-99", "basic-pass-7", "ops:")) {
                assertFalse(everything.contains(leak), "leaked " + leak + " in:\n" + everything);
            }
            assertEquals("webhook:http://127.0.0.1:" + server.port() + "/hook?<redacted>", sink.name());
            assertEquals("token=query-token-99", server.requests().get(0).query());
            assertTrue(server.requests().get(0).header("Authorization").startsWith("Basic "));
        }
    }

    @Test
    void spoolSurvivesARestartAndDeliversEachAlertExactlyOnce() throws Exception {
        String url;
        int port = TestWebhookServer.freePort();
        url = "http://127.0.0.1:" + port + "/hook";
        WebhookSink first = new WebhookSink(fast(url).build(), spool);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            Alert alert = alert(i);
            ids.add(alert.alertId());
            first.deliver(alert);
        }
        first.close();
        assertEquals(5, first.stats().spoolSize());

        try (TestWebhookServer server = new TestWebhookServer(port)) {
            WebhookSink second = new WebhookSink(fast(url).build(), spool);
            await("resend of the spool", () -> second.stats().delivered() == 5);
            second.deliver(alert(3));
            second.close();

            List<String> received = server.requests().stream().map(r -> {
                try {
                    return JSON.readTree(r.body()).get("alertId").asText();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertEquals(5, received.size(), "each alert exactly once: " + received);
            assertEquals(ids, new HashSet<>(received));
            try (Stream<Path> left = Files.list(spool)) {
                assertEquals(List.of("rejected"), left.map(p -> p.getFileName().toString()).toList());
            }
        }
    }

    @Test
    void respoolingAnAlreadySpooledAlertIsANoOp() throws Exception {
        WebhookSink sink = new WebhookSink(fast(deadUrl()).build(), spool);

        sink.deliver(alert(1));
        sink.deliver(alert(1));

        assertEquals(1, sink.stats().spoolSize());
        sink.close();
    }

    @Test
    void fullSpoolBlocksThenFailsDeliver() throws Exception {
        WebhookSink sink = new WebhookSink(fast(deadUrl()).spool(2, SHORT, SHORT).build(), spool);
        sink.deliver(alert(1));
        sink.deliver(alert(2));

        IOException e = assertThrows(IOException.class, () -> sink.deliver(alert(3)));

        assertTrue(e.getMessage().contains("maxSpoolSize 2"), e.getMessage());
        assertEquals(2, sink.stats().spoolSize());
        sink.close();
        assertThrows(IOException.class, () -> sink.deliver(alert(4)), "closed sinks accept nothing");
    }

    @Test
    void slackFormatCarriesTheAlertFields() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start()) {
            WebhookSink sink = new WebhookSink(fast(server.url()).format("slack").build(), spool);
            Alert alert = alert(1);

            sink.deliver(alert);
            await("delivery", () -> sink.stats().delivered() == 1);
            sink.close();

            JsonNode body = JSON.readTree(server.requests().get(0).body());
            String text = body.get("text").asText();
            assertTrue(text.contains(alert.alertId()) && text.contains(alert.principal()) && text.contains("HIGH"), text);
            String section = body.at("/blocks/0/text/text").asText();
            assertTrue(section.contains(alert.ruleId()) && section.contains(alert.accountId()) && section.contains(alert.summary()), section);
        }
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));

        assertEquals(2000, WebhookSink.retryAfterMillis("2"));
        long fromDate = WebhookSink.retryAfterMillis(inTenSeconds);
        assertTrue(fromDate > 8000 && fromDate <= 10_000, "from date: " + fromDate);
        assertEquals(Duration.ofHours(1).toMillis(), WebhookSink.retryAfterMillis("99999999999"));
        assertEquals(-1, WebhookSink.retryAfterMillis("soon"));
        assertEquals(-1, WebhookSink.retryAfterMillis(null));
    }
}
