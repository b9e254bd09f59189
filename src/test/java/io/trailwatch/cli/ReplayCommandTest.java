package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.sink.stdout.StandardOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwatch replay} end to end, in-process: exit codes, outputs, dead letters, suppression. */
class ReplayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDING = "testdata/recordings/iam-create-use-delete";
    private static final List<String> REQUIRED = List.of("alertId", "ruleId", "title", "severity", "techniques",
            "principal", "accountId", "firstEventTime", "lastEventTime", "eventCount", "eventIds", "summary", "suppressed");

    @Test
    void findsTheCreateUseDeleteSequenceInTheBundledRecording() {
        CliRun run = CliRun.of("replay", RECORDING);

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("iam-user-create-use-delete"), run.out());
        assertTrue(run.out().contains("malicious-iam-user"), run.out());
        assertTrue(run.err().contains("alerts 1, suppressed 0"), run.err());
    }

    @Test
    void aFullDiskBehindStandardOutputStopsTheRunWithOneLine() {
        CliRun run = replayInto(failingWith("No space left on device"));

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("trailwatch replay: stopped: sink stdout could not take alert "), run.err());
        assertTrue(run.err().contains("standard output failed: No space left on device"), run.err());
    }

    @Test
    void aReaderThatClosesThePipeEndsTheRunQuietly() {
        CliRun run = replayInto(failingWith("Broken pipe"));

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("", run.err());
    }

    private static CliRun replayInto(OutputStream stdout) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new StandardOutput(stdout, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int exit = new Main(Commands.all()).run(new String[] {"replay", RECORDING}, terminal);
        return new CliRun(exit, "", err.toString(StandardCharsets.UTF_8));
    }

    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void anOutputPathThatCannotBeWrittenFailsBeforeTheRunEvenWithoutAlerts(@TempDir Path dir) throws IOException {
        Path quiet = Files.writeString(dir.resolve("quiet.jsonl"), "{\"eventID\":\"q1\",\"eventName\":\"GetObject\","
                + "\"eventTime\":\"2024-01-02T03:04:05Z\",\"eventSource\":\"s3.amazonaws.com\"}\n");

        CliRun run = CliRun.of("replay", "--output", dir.toString(), quiet.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch replay: --output: cannot append to " + dir + ": Is a directory (give a file in a directory"
                + " you can write)", run.err().strip());
    }

    @Test
    void aMissingInputIsOneLineNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-logs");

        CliRun run = CliRun.of("replay", missing.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch replay: " + missing + ": no such file or directory (check the path)", run.err().strip());
    }

    @Test
    void jsonAlertsToAFileCarryEveryRequiredField(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("alerts.jsonl");
        CliRun run = CliRun.of("replay", "--format", "json", "--output", out.toString(), RECORDING);

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size());
        JsonNode alert = JSON.readTree(lines.get(0));
        REQUIRED.forEach(k -> assertTrue(alert.has(k), "missing " + k + " in " + alert));
        assertTrue(alert.get("techniques").isArray() && alert.get("eventIds").isArray());
        assertEquals(3, alert.get("eventIds").size());
    }

    @Test
    void statsFileHoldsTheCountersTheProcessCpuAndTheHeap(@TempDir Path dir) throws IOException {
        Path stats = dir.resolve("stats.json");
        CliRun run = CliRun.of("replay", "--quiet", "--stats", stats.toString(), "--output", dir.resolve("a.jsonl").toString(),
                RECORDING);

        assertEquals(0, run.exit(), run.err());
        JsonNode s = JSON.readTree(stats.toFile());
        assertEquals(1, s.path("alerts").asLong());
        assertEquals(7, s.path("records").asLong());
        JsonNode cpu = s.path("cpuSeconds");
        assertTrue(cpu.path("process").asDouble() > 0 && cpu.path("feedThread").asDouble() > 0, s.toString());
        assertTrue(cpu.path("process").asDouble() >= cpu.path("feedThread").asDouble(), s.toString());
        assertTrue(cpu.has("jitThreads") && cpu.has("gcThreads"), s.toString());
        assertTrue(s.path("liveHeapAtEndBytes").asLong() > 0, s.toString());
        assertEquals(s.path("collections").asLong(), s.path("heapSamples").size());
    }

    @Test
    void badInputIsDeadLetteredWithItsOriginAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-notjson.json"), "this is not json\n");
        byte[] gz = gzip("{\"Records\":[" + record("e1", "2024-08-01T10:00:00Z") + "," + record("e2", "2024-08-01T10:00:01Z"));
        Files.write(in.resolve("b-truncated.json.gz"), java.util.Arrays.copyOf(gz, gz.length - 12));
        Files.writeString(in.resolve("c-lines.jsonl"), record("e3", "2024-08-01T10:00:02Z") + "\n"
                + "[1,2]\n" + record("e4", "not a time") + "\n" + record("e5", "2024-08-01T10:00:03Z") + "\n");
        Path dead = dir.resolve("dead.jsonl");

        CliRun run = CliRun.of("replay", "--dead-letter", dead.toString(), in.toString());

        assertEquals(0, run.exit(), run.err());
        List<JsonNode> letters = Files.readAllLines(dead).stream().map(ReplayCommandTest::parse).toList();
        assertTrue(letters.size() >= 4, letters.toString());
        assertTrue(letters.stream().allMatch(l -> l.hasNonNull("file") && l.hasNonNull("reason")), letters.toString());
        JsonNode badTime = letters.stream().filter(l -> l.get("reason").asText().contains("'not a time'")).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for the bad eventTime: " + letters));
        assertTrue(badTime.get("file").asText().endsWith("c-lines.jsonl"), badTime.toString());
        assertEquals(3, badTime.get("line").asLong(), "reported at its line");
        assertEquals(record("e4", "not a time"), badTime.get("excerpt").asText(), "the excerpt is that record, no more");
        assertTrue(run.err().matches("(?s).*bad records " + letters.size() + " .*"), run.err());
        assertTrue(run.err().contains(": 3 records in"), "e1 before the gzip cut, e3 and e5: " + run.err());

        CliRun strict = CliRun.of("replay", "--strict", "--dead-letter", dir.resolve("dead2.jsonl").toString(), in.toString());
        assertEquals(1, strict.exit(), "--strict fails the run on bad input");
    }

    @Test
    void anEntryOfATreeThatCannotBeReadIsCountedAndDeadLetteredAndTheTreeIsStillRead(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(in.resolve("a.jsonl"), record("e1", "2024-08-01T10:00:00Z") + "\n");
        Path broken = Files.createSymbolicLink(in.resolve("b.json"), in.resolve("gone.json"));
        Files.writeString(in.resolve("c.jsonl"), record("e2", "2024-08-01T10:00:01Z") + "\n");
        Path dead = dir.resolve("dead.jsonl");
        Path stats = dir.resolve("stats.json");

        CliRun run = CliRun.of("replay", "--dead-letter", dead.toString(), "--stats", stats.toString(),
                dir.resolve("in").toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("(0 skipped as not CloudTrail, 1 unreadable): 2 records in"), run.err());
        assertTrue(run.err().contains("bad records 1 "), run.err());
        JsonNode counters = JSON.readTree(stats.toFile());
        assertEquals(List.of(3L, 0L, 1L, 2L, 1L), List.of(counters.path("inputs").asLong(), counters.path("skippedFiles").asLong(),
                counters.path("unreadableInputs").asLong(), counters.path("records").asLong(),
                counters.path("badRecords").asLong()), "the summary's counters: " + counters);
        List<JsonNode> letters = Files.readAllLines(dead).stream().map(ReplayCommandTest::parse).toList();
        assertEquals(1, letters.size(), letters.toString());
        assertEquals(broken.toString(), letters.get(0).get("file").asText());
        assertEquals("read failed: broken symbolic link (its target does not exist)", letters.get(0).get("reason").asText());
    }

    @Test
    void aCleanRunLeavesNoDeadLetterFile(@TempDir Path dir) {
        Path dead = dir.resolve("dead.jsonl");
        assertEquals(0, CliRun.of("replay", "--dead-letter", dead.toString(), RECORDING).exit());
        assertFalse(Files.exists(dead));
    }

    @Test
    void aMaintenanceWindowSuppressesVisibly(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("suppress.yaml"), """
                maintenanceWindows:
                  - account: "229654561268"
                    principal: "arn:aws:iam::229654561268:user/christophe"
                    start: 2024-08-01T13:00:00Z
                    end: 2024-08-01T15:00:00Z
                    ticket: CHG-1234
                """);
        CliRun run = CliRun.of("replay", "--format", "json", "--config", config.toString(), RECORDING);

        assertEquals(0, run.exit(), run.err());
        JsonNode alert = parse(run.out().strip());
        assertTrue(alert.get("suppressed").asBoolean());
        assertTrue(alert.get("suppressionReason").asText().contains("CHG-1234"), alert.toString());
    }

    @Test
    void userMistakesAreOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("replay", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope"));

        Path config = Files.writeString(dir.resolve("bad.yaml"), "maintenanceWindows:\n  - strat: 2024-01-01T00:00:00Z\n");
        CliRun badConfig = CliRun.of("replay", "--config", config.toString(), RECORDING);
        assertEquals(2, badConfig.exit());
        assertTrue(badConfig.err().contains("bad.yaml:2") && badConfig.err().contains("strat"), badConfig.err());
        assertFalse(badConfig.err().contains("\tat "), "no stack trace without --verbose");

        assertEquals(2, CliRun.of("replay").exit());
        assertEquals(2, CliRun.of("replay", "--format", "xml", RECORDING).exit());
        assertEquals(2, CliRun.of("frobnicate").exit());
        assertEquals(0, CliRun.of("replay", "--help").exit());
    }

    @Test
    void anOutputThatIsAlsoAnInputIsRefusedAndTheInputLeftAlone(@TempDir Path dir) throws IOException {
        String records = record("e1", "2024-08-01T10:00:00Z") + "\n";
        Path in = Files.writeString(dir.resolve("in.jsonl"), records);

        for (String option : List.of("--output", "--dead-letter", "--stats")) {
            CliRun run = CliRun.of("replay", option, in.toString(), in.toString());

            assertEquals(ExitCode.USAGE, run.exit(), run.err());
            assertEquals("trailwatch replay: " + option + ": " + in + " is also a replay input (it would be appended to"
                    + " while it is read: write it outside the inputs)", run.err().strip());
            assertEquals(records, Files.readString(in), option + " left the input as it was");
        }
    }

    @Test
    void anOutputInsideAnInputDirectoryIsRefusedOnceItExists(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("in.jsonl"), record("e1", "2024-08-01T10:00:00Z") + "\n");
        Path alerts = Files.writeString(logs.resolve("alerts.jsonl"), "");

        CliRun run = CliRun.of("replay", "-o", alerts.toString(), "--dead-letter", dir.resolve("dead.jsonl").toString(),
                logs.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertTrue(run.err().startsWith("trailwatch replay: --output: " + alerts + " is also a replay input"), run.err());
    }

    @Test
    void twoOutputsInOneFileAreRefused(@TempDir Path dir) {
        Path out = dir.resolve("out.jsonl");

        CliRun run = CliRun.of("replay", "-o", out.toString(), "--dead-letter", out.toString(), RECORDING);

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch replay: --dead-letter: " + out + " is also the --output file (give each output its own"
                + " file)", run.err().strip());
    }

    @Test
    void aStatsFileInAMissingDirectoryIsWrittenLikeTheOtherOutputs(@TempDir Path dir) throws IOException {
        Path stats = dir.resolve("new/dir/stats.json");

        CliRun run = CliRun.of("replay", "-q", "--stats", stats.toString(), "-o", dir.resolve("a.jsonl").toString(), RECORDING);

        assertEquals(0, run.exit(), run.err());
        assertEquals(7, JSON.readTree(stats.toFile()).path("records").asLong());
    }

    @Test
    void aStatsPathThatCannotBeWrittenFailsBeforeTheRun(@TempDir Path dir) {
        CliRun run = CliRun.of("replay", "--stats", dir.toString(), RECORDING);

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("", run.out(), "no alert was raised: the run did not start");
        assertTrue(run.err().startsWith("trailwatch replay: --stats: cannot write " + dir + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aMissingOptionValueIsNotTakenForAMissingInput() {
        CliRun run = CliRun.of("replay", "--threads", RECORDING);

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch replay: --threads: '" + RECORDING + "' is not a thread count (use 1 to 256)", run.err().strip());
    }

    @Test
    void aBrokenRuleIsReportedAsFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("epl"));
        Files.writeString(rules.resolve("broken.epl"), """
                // a comment line

                @Name('broken') select * fromm CloudTrail;
                """);
        CliRun run = CliRun.of("replay", "--rules", rules.toString(), RECORDING);

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("broken.epl:3:"), run.err());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static String record(String id, String time) {
        return "{\"eventID\":\"" + id + "\",\"eventName\":\"ListBuckets\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventTime\":\"" + time + "\",\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"111122223333\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\"}}";
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aDirectoryWithNothingToReplaySaysSoAndIsNotAnError(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("NOTES.md"), "# not CloudTrail\n");

        CliRun run = CliRun.of("replay", "-q", "--dead-letter", empty.resolve("dead.jsonl").toString(), empty.toString());

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("trailwatch replay: no input file under " + empty + " (hidden files and *.md/*.txt notes are skipped);"
                + " nothing to replay", run.err().strip());
        assertEquals("", run.out());
    }
}
