package io.trailwatch.sink.file;

import static io.trailwatch.alert.TestData.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailwatch.alert.AlertFormat;
import io.trailwatch.alert.JsonAlertFormat;
import io.trailwatch.alert.OcsfAlertFormat;
import io.trailwatch.alert.TextAlertFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerAlertCreatingParentsAndKeepingEarlierContent() throws Exception {
        Path file = dir.resolve("nested/out/alerts.jsonl");
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file, new JsonAlertFormat())) {
            sink.deliver(alert(1));
            sink.flush();
        }
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file, new JsonAlertFormat())) {
            sink.deliver(alert(2));
            sink.deliver(alert(3));
        }

        List<String> lines = Files.readAllLines(file);

        assertEquals(3, lines.size());
        assertEquals(alert(1), JsonAlertFormat.parse(lines.get(0)));
        assertEquals(alert(3), JsonAlertFormat.parse(lines.get(2)));
        assertEquals("file:" + file, new JsonLinesFileSink(file, new JsonAlertFormat()).name());
    }

    @Test
    void aTornLastLineLeftByAKilledProcessDoesNotSwallowTheNextAlert() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        String whole = new JsonAlertFormat().render(alert(1));
        Files.writeString(file, whole + "\n" + whole.substring(0, 20));

        try (JsonLinesFileSink sink = new JsonLinesFileSink(file, new JsonAlertFormat())) {
            sink.deliver(alert(2));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(whole.substring(0, 20), lines.get(1));
        assertEquals(alert(2), JsonAlertFormat.parse(lines.get(2)));
    }

    @Test
    void aDeviceSuchAsDevNullTakesAlertsWithoutBeingSynced() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs a /dev/null device");

        try (JsonLinesFileSink sink = new JsonLinesFileSink(devNull, new JsonAlertFormat())) {
            sink.deliver(alert(1));
            sink.flush();
            sink.deliver(alert(2));
        }

        assertEquals(0, Files.size(devNull));
    }

    @Test
    void aResumingSinkSkipsAlertsTheFileAlreadyEndsWithAndAReplayWritesThemAgain() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        for (AlertFormat format : List.of(new JsonAlertFormat(), new OcsfAlertFormat(), new TextAlertFormat())) {
            Files.deleteIfExists(file);
            try (JsonLinesFileSink beforeCrash = JsonLinesFileSink.resuming(file, format)) {
                beforeCrash.deliver(alert(1));
                beforeCrash.deliver(alert(2));
            }
            try (JsonLinesFileSink afterRestart = JsonLinesFileSink.resuming(file, format)) {
                afterRestart.deliver(alert(1));
                afterRestart.deliver(alert(2));
                afterRestart.deliver(alert(3));
            }
            assertEquals(List.of(format.render(alert(1)), format.render(alert(2)), format.render(alert(3))),
                    Files.readAllLines(file), format.name());
        }

        try (JsonLinesFileSink replay = new JsonLinesFileSink(file, new TextAlertFormat())) {
            replay.deliver(alert(3));
        }
        assertEquals(4, Files.readAllLines(file).size());
    }
}
