package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StdinSourceTest {

    private final List<InputUnit> units = new ArrayList<>();

    @Test
    void linesAreHandedOutAsTheyArriveAndTheEndIsSignalled() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        try (StdinSource source = new StdinSource(new PipedInputStream(writer))) {
            writer.write("{\"n\":1}\n{\"n\":2}\n{\"n\":".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            assertEquals("{\"n\":1}\n{\"n\":2}\n", pollUntilLines(source, 2));
            assertEquals(1, units.get(0).firstLine());
            assertEquals("-", units.get(0).origin());
            assertFalse(source.endOfInput());

            writer.write("3}\n".getBytes(StandardCharsets.UTF_8));
            writer.close();
            assertEquals("{\"n\":3}\n", pollUntilLines(source, 1));
            assertEquals(3, units.get(units.size() - 1).firstLine());
            pollUntilEnd(source);
            assertEquals(3, source.checkpoint().get("line").longValue());
        }
    }

    @Test
    void aLastLineWithoutNewlineIsHandedOutAtTheEnd() throws Exception {
        try (StdinSource source = new StdinSource(stream("a\nb"))) {
            pollUntilEnd(source);
            assertEquals("a\nb\n", allText());
        }
    }

    @Test
    void moreLinesThanTheQueueHoldsAllArriveInOrder() throws Exception {
        int total = StdinSource.QUEUE_LINES * 3;
        String input = IntStream.range(0, total).mapToObj(i -> i + "\n").collect(Collectors.joining());
        try (StdinSource source = new StdinSource(stream(input))) {
            pollUntilEnd(source);
            assertEquals(input, allText());
            assertEquals(total, source.checkpoint().get("line").longValue());
        }
    }

    @Test
    void anOverlongLineIsSkippedAndLaterLinesKeepTheirNumbers() throws Exception {
        String input = "x".repeat(StdinSource.MAX_LINE_BYTES + 1) + "\nok\n";
        try (StdinSource source = new StdinSource(stream(input))) {
            pollUntilEnd(source);
            assertEquals("ok\n", allText());
            assertEquals(2, units.get(0).firstLine());
        }
    }

    @Test
    void aRejectedUnitIsHandedOutAgain() throws Exception {
        try (StdinSource source = new StdinSource(stream("a\n"))) {
            for (int attempt = 0; attempt < 200 && units.isEmpty(); attempt++) {
                try {
                    source.poll(unit -> {
                        throw new IOException("sink down");
                    });
                } catch (IOException expected) {
                    source.poll(units::add);
                }
                Thread.sleep(5);
            }
            pollUntilEnd(source);
            assertEquals("a\n", allText());
        }
    }

    @Test
    void restoreChecksTheShapeOnly() {
        try (StdinSource source = new StdinSource(stream(""))) {
            source.restore(source.checkpoint().put("line", 42));
            ObjectNode bad = source.checkpoint().put("line", "many");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(bad))
                    .getMessage().contains("'line' must be a non-negative integer"));
        }
    }

    private String pollUntilLines(StdinSource source, int lines) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int attempt = 0; attempt < 400 && text.chars().filter(c -> c == '\n').count() < lines; attempt++) {
            source.poll(unit -> {
                units.add(unit);
                text.append(new String(unit.content(), StandardCharsets.UTF_8));
            });
            Thread.sleep(5);
        }
        return text.toString();
    }

    private void pollUntilEnd(StdinSource source) throws Exception {
        for (int attempt = 0; attempt < 400 && !source.endOfInput(); attempt++) {
            source.poll(units::add);
            Thread.sleep(5);
        }
        assertTrue(source.endOfInput(), "end of input signalled");
    }

    private String allText() {
        return units.stream().map(unit -> new String(unit.content(), StandardCharsets.UTF_8))
                .collect(Collectors.joining());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
