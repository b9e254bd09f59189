package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook receiver refuses connections (across a daemon restart), then answers 500, then 429 with
 * Retry-After, then 200: every alert arrives, none twice.
 */
class DaemonWebhookOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    private DaemonProcess daemon;
    private HttpServer receiver;
    private final AtomicInteger status = new AtomicInteger(500);
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedByScript = new AtomicInteger();

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void everyAlertArrivesOnceAfterRefusals500sAnd429sAndARestart() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        int port = DaemonProcess.freePort();
        Path tailed = temp.resolve("trail.jsonl");
        Path config = fixture.config("  - type: file\n    path: " + tailed + "\n",
                "  - type: webhook\n    name: hook\n    url: http://127.0.0.1:" + port + "/hook\n"
                        + "    backoffBase: 50ms\n    backoffMax: 300ms\n    drainTimeout: 1s\n");
        List<String> expected = new ArrayList<>();

        daemon = daemons.start(config, temp.resolve("daemon-1.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));
        appendEvents(tailed, expected, 0, 5);
        daemon.await(Duration.ofSeconds(20), "5 alerts spooled",
                () -> spooled(fixture) >= 5);
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());

        daemon = daemons.start(config, temp.resolve("daemon-2.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));
        appendEvents(tailed, expected, 5, 5);
        Thread.sleep(1000);

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        receiver.createContext("/hook", this::handle);
        receiver.start();
        daemon.await(Duration.ofSeconds(20), "requests answered 500", () -> refusedByScript.get() >= 3);
        status.set(429);
        int before = refusedByScript.get();
        daemon.await(Duration.ofSeconds(20), "requests answered 429", () -> refusedByScript.get() >= before + 2);
        status.set(200);
        daemon.await(Duration.ofSeconds(60), "all 10 alerts accepted", () -> accepted.size() >= expected.size());
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        assertEquals(expected.stream().sorted().toList(), accepted.stream().sorted().toList(), "every alert once");
    }

    private static long spooled(DaemonFixture fixture) {
        try (Stream<Path> files = Files.list(fixture.state.resolve("webhook/hook"))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void appendEvents(Path file, List<String> expected, int from, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            lines.append(DaemonFixture.record("hook-" + i, "StopLogging")).append('\n');
            expected.add("hook-" + i);
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int reply = status.get();
            if (reply == 200) {
                accepted.add(DaemonFixture.summaryEventId(JSON.readTree(body)));
            } else {
                refusedByScript.incrementAndGet();
                if (reply == 429) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
            }
            exchange.sendResponseHeaders(reply, -1);
        }
    }
}
