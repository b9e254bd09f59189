package io.trailwatch.daemon.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The ids of alerts already delivered, so that input re-read after a restart (to rebuild pattern state)
 * does not deliver its alerts twice. Persisted in a {@link StateStore} as the document
 * {@value #DOCUMENT}: {@code {"ids": {"<alertId>": <eventTimeMillis>}}}.
 *
 * <p><b>Bounds.</b> Each id is kept with the event time of its alert. An id is evicted once its event time
 * is more than {@code retention} older than the newest event time seen, and beyond {@code maxIds} ids the
 * oldest by event time (then by insertion) are evicted first. An evicted id that comes again counts as a
 * first delivery, so {@code retention} must exceed what a restart re-reads (the rules' longest lookback
 * plus the allowed lateness) and {@code maxIds} the number of alerts in that span.
 *
 * <p>Thread-safe.
 */
public final class DeliveredAlertIds {

    /** The state document's name. */
    public static final String DOCUMENT = "delivered-alerts";

    private static final Logger LOG = LogManager.getLogger(DeliveredAlertIds.class);
    /** Ids are kept this far beyond what a restart re-reads. */
    private static final Duration MARGIN = Duration.ofHours(1);
    private static final String IDS = "ids";
    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparingLong(Entry::eventTimeMillis).thenComparingLong(Entry::sequence);

    private final StateStore store;
    private long retentionMillis;
    private final int maxIds;
    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeSet<Entry> byAge = new TreeSet<>(OLDEST_FIRST);
    private long newestEventTimeMillis = Long.MIN_VALUE;
    private long nextSequence;

    /**
     * Loads the ids saved in {@code store}; unusable saved ids are reported and start the set empty.
     *
     * @param retention how far behind the newest event time an id is kept
     * @param maxIds the most ids kept
     */
    public DeliveredAlertIds(StateStore store, Duration retention, int maxIds) {
        requirePositive(retention);
        if (maxIds < 1) {
            throw new IllegalArgumentException("maximum delivered-alert ids " + maxIds + " must be at least 1");
        }
        this.store = store;
        this.retentionMillis = retention.toMillis();
        this.maxIds = maxIds;
        load(store.load(DOCUMENT, "starting with no delivered alert ids: alerts re-derived from the input re-read at this"
                + " start (up to the rules' longest lookback) are delivered again; receivers that de-duplicate on alertId"
                + " drop them"));
    }

    /**
     * The retention that covers what a restart re-reads: the rules' longest lookback and the allowed lateness,
     * and an hour more.
     */
    public static Duration retentionFor(Duration longestLookback, Duration lateness) {
        return longestLookback.plus(lateness).plus(MARGIN);
    }

    /**
     * Changes the retention, for rules reloaded with another lookback. A longer one keeps the ids still held for
     * longer (those already evicted stay gone); a shorter one evicts at the next delivery.
     */
    public synchronized void retention(Duration retention) {
        requirePositive(retention);
        retentionMillis = retention.toMillis();
    }

    private static void requirePositive(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("delivered-alert retention " + retention + " must be positive:"
                    + " use at least the rules' longest lookback plus the allowed lateness");
        }
    }

    /**
     * Records the alert as delivered.
     *
     * @return true if this id was not delivered before (deliver it), false if it was (drop it)
     */
    public synchronized boolean firstDelivery(String alertId, long eventTimeMillis) {
        Objects.requireNonNull(alertId, "alertId");
        if (byId.containsKey(alertId)) {
            return false;
        }
        add(alertId, eventTimeMillis);
        evict();
        return true;
    }

    /** How many ids are currently kept. */
    public synchronized int size() {
        return byId.size();
    }

    /**
     * Persists the ids. Call before saving the source checkpoints that depend on these alerts.
     *
     * @throws IOException if the state cannot be written; the previous saved ids are then intact
     */
    public synchronized void save() throws IOException {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode ids = document.putObject(IDS);
        for (Entry entry : byAge) {
            ids.put(entry.alertId(), entry.eventTimeMillis());
        }
        store.save(DOCUMENT, document);
    }

    private void load(Optional<ObjectNode> saved) {
        if (saved.isEmpty()) {
            return;
        }
        JsonNode ids = saved.get().get(IDS);
        if (ids == null || !ids.isObject()) {
            LOG.warn("State document '{}' in {} has no '{}' object; starting with no delivered alert ids, so alerts"
                    + " re-derived from re-read input may be delivered again", DOCUMENT, store.directory(), IDS);
            return;
        }
        int skipped = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = ids.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().isIntegralNumber() && entry.getValue().canConvertToLong()) {
                add(entry.getKey(), entry.getValue().longValue());
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("State document '{}' in {}: skipped {} ids whose event time is not an integer of milliseconds;"
                    + " those alerts may be delivered again", DOCUMENT, store.directory(), skipped);
        }
        evict();
    }

    private void add(String alertId, long eventTimeMillis) {
        Entry entry = new Entry(alertId, eventTimeMillis, nextSequence++);
        byId.put(alertId, entry);
        byAge.add(entry);
        newestEventTimeMillis = Math.max(newestEventTimeMillis, eventTimeMillis);
    }

    private void evict() {
        long horizon = newestEventTimeMillis - retentionMillis;
        while (!byAge.isEmpty() && (byAge.first().eventTimeMillis() < horizon || byAge.size() > maxIds)) {
            byId.remove(byAge.pollFirst().alertId());
        }
    }

    private record Entry(String alertId, long eventTimeMillis, long sequence) {
    }
}
