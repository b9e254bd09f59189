package io.trailwatch.cloudtrail;

import io.trailwatch.source.Origin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A listener that keeps everything the decoder reports, plus helpers to decode test inputs. */
final class Collected implements DecodeListener {

    record Event(CloudTrailEvent event, Origin origin) {}

    record Bad(Origin origin, String reason, String excerpt) {}

    final List<Event> events = new ArrayList<>();
    final List<Bad> bad = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    static final Path FORMATS = Path.of("testdata", "formats");

    static Collected decode(Path file) throws IOException {
        Collected c = new Collected();
        new CloudTrailDecoder().decode(file, c);
        return c;
    }

    static Collected decode(String text) throws IOException {
        return decode(text.getBytes(StandardCharsets.UTF_8), new CloudTrailDecoder());
    }

    static Collected decode(byte[] bytes, CloudTrailDecoder decoder) throws IOException {
        Collected c = new Collected();
        decoder.decode(new ByteArrayInputStream(bytes), "test", c);
        return c;
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    List<String> eventNames() {
        return events.stream().map(e -> e.event().getEventName()).toList();
    }

    List<String> eventIds() {
        return events.stream().map(e -> e.event().getEventId()).toList();
    }

    CloudTrailEvent only() {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events.size() + "; bad: " + bad);
        }
        return events.get(0).event();
    }

    @Override
    public void onEvent(CloudTrailEvent event, Origin origin) {
        events.add(new Event(event, origin));
    }

    @Override
    public void onBadRecord(Origin origin, String reason, String excerpt) {
        bad.add(new Bad(origin, reason, excerpt));
    }

    @Override
    public void onSkippedFile(String file, String reason) {
        skipped.add(reason);
    }

    @Override
    public String toString() {
        return "events=" + eventNames() + " bad=" + bad + " skipped=" + skipped;
    }
}
