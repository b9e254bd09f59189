package io.trailwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.daemon.state.MergePatch;
import io.trailwatch.daemon.state.StateStore;
import io.trailwatch.source.LiveSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Source positions that survive restarts without losing pattern state. For each source it keeps a short
 * history of <em>marks</em>: a committed position and the newest event time read up to it. A commit (made
 * only after the sinks took every alert produced so far) appends each source's current position as a mark
 * and saves, with the engine's event time {@code W} at that moment (never below the one saved before), the
 * document {@value #DOCUMENT}: {@code {"watermark": W, "sources": {"<id>": [{"checkpoint": {...} | null,
 * "maxEventTime": t}, {"patch": {...}, "maxEventTime": t}, ...]}}}: a mark after the first is stored as the {@link MergePatch}
 * from the one before, so the document grows with what changed between marks, not with the number of marks
 * times the size of a position (a delivery tree's position lists the files read in its last {@code ignoreOlder}).
 *
 * <p>On start each source is restored to its newest mark whose {@code maxEventTime} is older than
 * {@code W − the pack's longest lookback} (the longest rule window, or longer when a base module the rules use
 * keeps state longer): what came after it is read again, so every partial match that could still complete is
 * rebuilt, with the base modules' state it depends on, and alerts it re-derives are dropped by their id. A mark
 * with a null checkpoint is the start of the input, until the first unit read from there names a position for it. A restored position
 * the source now writes differently (an older format) is kept as the source writes it, so the next commit
 * saves the current format, and the marks after it are dropped: the re-read from it makes them again. Older
 * marks are pruned once a newer one qualifies; beyond {@value #MAX_MARKS} marks every other old one is
 * dropped, which only makes restores re-read more. Used on the feeding thread.
 */
final class Checkpointer {

    /** The state document's name. */
    static final String DOCUMENT = "checkpoints";

    static final int MAX_MARKS = 128;

    private static final Logger LOG = LogManager.getLogger(Checkpointer.class);
    private static final Mark START = new Mark(null, Long.MIN_VALUE);

    private final StateStore store;
    private final Map<String, SourceMarks> sources = new LinkedHashMap<>();
    private long lookbackMillis;
    /** The newest watermark saved or loaded: event time up to which alerts were delivered. */
    private long committedWatermark = Long.MIN_VALUE;

    /** @param lookback how far behind the committed event time a restore goes: the pack's longest lookback */
    Checkpointer(StateStore store, Duration lookback) {
        this.store = store;
        this.lookbackMillis = lookback.toMillis();
    }

    /** The rules changed: restores from now on go back this far. */
    void lookback(Duration lookback) {
        this.lookbackMillis = lookback.toMillis();
    }

    /**
     * Restores every source to its mark as described above; a source without a usable mark starts at the
     * beginning of its input, with a log line saying so.
     */
    void restore(List<LiveSource> live) {
        Optional<ObjectNode> saved = store.load(DOCUMENT, "reading every source from the start of its input; alerts"
                + " already delivered are dropped by id while their ids are kept, older ones are delivered again");
        long watermark = saved.map(d -> d.path("watermark")).filter(JsonNode::canConvertToLong)
                .map(JsonNode::longValue).orElse(Long.MIN_VALUE);
        JsonNode savedSources = saved.map(d -> d.path("sources")).orElse(JsonNodeFactory.instance.objectNode());
        committedWatermark = watermark;
        long horizon = minus(watermark, lookbackMillis);
        for (LiveSource source : live) {
            List<Mark> marks = readMarks(source.id(), savedSources.path(source.id()));
            int chosen = -1;
            for (int i = 0; i < marks.size(); i++) {
                if (marks.get(i).maxEventTime() < horizon) {
                    chosen = i;
                }
            }
            SourceMarks state = new SourceMarks();
            if (chosen < 0) {
                state.marks.add(START);
                if (!marks.isEmpty()) {
                    LOG.warn("Source {}: none of its {} saved positions is older than event time {} minus the rules'"
                            + " longest lookback; reading its input from the start, alerts already delivered are dropped by id",
                            source.id(), marks.size(), time(watermark));
                }
            } else {
                state.marks.addAll(marks.subList(chosen, marks.size()));
                restoreTo(source, marks.get(chosen), state);
            }
            state.current = state.marks.get(0);
            sources.put(source.id(), state);
        }
    }

    private void restoreTo(LiveSource source, Mark mark, SourceMarks state) {
        if (mark.checkpoint() == null) {
            LOG.info("Source {}: reading from the start of its input", source.id());
            return;
        }
        try {
            source.restore(mark.checkpoint());
            ObjectNode current = source.checkpoint();
            if (!mark.checkpoint().equals(current)) {
                // An older form (a delivery tree's before deliveredBefore): the re-read writes the later marks again.
                state.marks.clear();
                state.marks.add(new Mark(current, mark.maxEventTime()));
            }
            if (mark.maxEventTime() == Long.MIN_VALUE) {
                LOG.info("Source {}: reading from the start of its input, where it was first read", source.id());
            } else {
                LOG.info("Source {}: resuming after a position read up to event time {}, to rebuild pattern state",
                        source.id(), time(mark.maxEventTime()));
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Source {}: saved position is unusable ({}); reading its input from the start, alerts already"
                    + " delivered are dropped by id", source.id(), e.getMessage());
            state.marks.clear();
            state.marks.add(START);
        }
    }

    /**
     * A unit of {@code sourceId} was read: {@code checkpoint} is the position after it. When it is the first
     * unit read from the start of the input, {@code before} (if not null) replaces the start mark: "the start"
     * of a tailed file is then the generation read first, not whatever file has its name after a rotation.
     */
    void read(String sourceId, ObjectNode before, ObjectNode checkpoint, long maxEventTime) {
        SourceMarks state = sources.get(sourceId);
        if (before != null && state.current.checkpoint() == null) {
            state.marks.replaceAll(mark -> mark.checkpoint() == null ? new Mark(before, mark.maxEventTime()) : mark);
        }
        state.current = new Mark(checkpoint, Math.max(maxEventTime, state.current.maxEventTime()));
        state.advanced = true;
    }

    /** The newest event time read so far from {@code sourceId}. */
    long maxEventTime(String sourceId) {
        return sources.get(sourceId).current.maxEventTime();
    }

    /**
     * Records each source's current position as a mark and saves them with {@code watermark}. Call only
     * after every alert derived from input read so far was delivered or spooled.
     *
     * @param watermark the engine's event time now; one below the watermark saved before (the engine re-reading
     *     from an older mark after a restart) saves that one instead: alerts up to it were delivered, so a restart
     *     before the engine caught up must still go back only to the mark that rebuilds the windows after it,
     *     not to the start of the input
     * @throws IOException if the state cannot be written; the previous saved state is then intact
     */
    void commit(long watermark) throws IOException {
        watermark = Math.max(watermark, committedWatermark);
        committedWatermark = watermark;
        long horizon = minus(watermark, lookbackMillis);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("watermark", watermark);
        ObjectNode saved = document.putObject("sources");
        for (Map.Entry<String, SourceMarks> entry : sources.entrySet()) {
            SourceMarks state = entry.getValue();
            if (state.advanced) {
                state.marks.add(state.current);
                state.advanced = false;
            }
            state.prune(horizon);
            ArrayNode marks = saved.putArray(entry.getKey());
            ObjectNode previous = null;
            for (Mark mark : state.marks) {
                ObjectNode node = marks.addObject();
                ObjectNode patch = previous == null || mark.checkpoint() == null ? null : MergePatch.diff(previous, mark.checkpoint());
                if (patch == null) {
                    node.set("checkpoint", mark.checkpoint());
                } else {
                    node.set("patch", patch);
                }
                node.put("maxEventTime", mark.maxEventTime());
                previous = mark.checkpoint();
            }
        }
        store.save(DOCUMENT, document);
    }

    private List<Mark> readMarks(String id, JsonNode node) {
        List<Mark> marks = new ArrayList<>();
        if (node.isMissingNode()) {
            return marks;
        }
        if (!node.isArray()) {
            LOG.warn("State document '{}' in {}: source {} has no list of marks; reading its input from the start",
                    DOCUMENT, store.directory(), id);
            return marks;
        }
        ObjectNode previous = null;
        for (JsonNode mark : node) {
            JsonNode checkpoint = mark.path("checkpoint");
            JsonNode patch = mark.path("patch");
            JsonNode time = mark.path("maxEventTime");
            boolean patched = patch.isObject() && previous != null;
            if (!time.canConvertToLong() || !(patched || checkpoint.isObject() || checkpoint.isNull())) {
                LOG.warn("State document '{}' in {}: skipped a malformed mark of source {}: {}", DOCUMENT,
                        store.directory(), id, abbreviated(mark));
                previous = null; // a patch after it would apply to the wrong position
                continue;
            }
            ObjectNode position = patched ? MergePatch.apply(previous, (ObjectNode) patch)
                    : checkpoint.isNull() ? null : (ObjectNode) checkpoint;
            marks.add(new Mark(position, time.longValue()));
            previous = position;
        }
        return marks;
    }

    private static String abbreviated(JsonNode mark) {
        String text = mark.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static long minus(long time, long span) {
        return time < Long.MIN_VALUE + span ? Long.MIN_VALUE : time - span;
    }

    private static String time(long millis) {
        return millis == Long.MIN_VALUE ? "(none)" : Instant.ofEpochMilli(millis).toString();
    }

    /** A committed position and the newest event time read up to it; a null checkpoint is the input's start. */
    private record Mark(ObjectNode checkpoint, long maxEventTime) {}

    private static final class SourceMarks {
        final List<Mark> marks = new ArrayList<>();
        Mark current;
        boolean advanced;

        /** Drops marks older than the newest one a restore would choose now, then thins past the cap. */
        void prune(long horizon) {
            int newestUsable = 0;
            for (int i = 0; i < marks.size(); i++) {
                if (marks.get(i).maxEventTime() < horizon) {
                    newestUsable = i;
                }
            }
            marks.subList(0, newestUsable).clear();
            if (marks.size() > MAX_MARKS) {
                List<Mark> thinned = new ArrayList<>();
                for (int i = 0; i < marks.size(); i++) {
                    if (i % 2 == 0 || i == marks.size() - 1) {
                        thinned.add(marks.get(i));
                    }
                }
                marks.clear();
                marks.addAll(thinned);
            }
        }
    }
}
