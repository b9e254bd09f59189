package io.trailwatch.sink.stdout;

import static io.trailwatch.alert.TestData.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.TextAlertFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    @Test
    void printsOneFlushedLinePerAlert() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StdoutSink sink = new StdoutSink(new TextAlertFormat(), new PrintStream(bytes, false, StandardCharsets.UTF_8));

        sink.deliver(alert(1));

        assertEquals(new TextAlertFormat().render(alert(1)) + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failedStreamIsReportedNotSwallowed() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        StdoutSink sink = new StdoutSink(new TextAlertFormat(), new PrintStream(broken, false, StandardCharsets.UTF_8));

        assertThrows(IOException.class, () -> sink.deliver(alert(1)));
    }

    @Test
    void aClosedPipeIsToldApartFromAFullDisk() {
        StdoutSink closedPipe = new StdoutSink(new TextAlertFormat(),
                new StandardOutput(failingWith("Broken pipe"), StandardCharsets.UTF_8));
        StdoutSink fullDisk = new StdoutSink(new TextAlertFormat(),
                new StandardOutput(failingWith("No space left on device"), StandardCharsets.UTF_8));

        assertThrows(ReaderGoneException.class, () -> closedPipe.deliver(alert(1)));
        IOException full = assertThrows(IOException.class, () -> fullDisk.deliver(alert(1)));
        assertFalse(full instanceof ReaderGoneException);
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
    }

    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }
}
