package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A {@code trailwatch run} child JVM for integration tests, with its log in a file. */
final class DaemonProcess implements AutoCloseable {

    private static int started;

    private final Path config;
    private final Path log;
    private Process process;

    DaemonProcess(Path config, Path log) {
        this.config = config;
        this.log = log;
    }

    DaemonProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.trailwatch.cli.Main", "run", "--config", config.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        started++;
        process = builder.start();
        return this;
    }

    /** SIGTERM, then the exit code (fails the test if it does not exit in time). */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("daemon did not exit within " + within + " of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    /** Writes to the daemon's standard input. */
    void sendToStdin(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            kill();
        }
    }

    /** Waits until {@code /ready} on the metrics port answers 200. */
    void awaitReady(int metricsPort, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        await(timeout, "/ready", () -> {
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** The body of {@code /metrics}. */
    String metrics(int metricsPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code condition} holds, failing with {@code what} and the log after {@code timeout}. */
    void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        await(timeout, what, condition, () -> "");
    }

    /** As {@link #await(Duration, String, BooleanSupplier)}, adding {@code detail} (what is still missing) to the failure. */
    void await(Duration timeout, String what, BooleanSupplier condition, Supplier<String> detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what + "; " + detail.get() + "; daemon log:\n" + log());
            }
            Thread.sleep(50);
        }
    }
}
