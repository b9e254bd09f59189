package io.trailwatch.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;

/**
 * A source that finds new raw input as it arrives: a delivery tree, a tailed file, stdin. It does not
 * decode; it hands out {@link InputUnit units} of bytes, each with the position after it, and can resume
 * from such a position.
 *
 * <p>Polled from one thread. A poll hands out a bounded batch so that it never blocks for long: while
 * {@link #poll} returns more than zero, the caller may poll again at once.
 *
 * <p>Restart without loss: the caller persists a unit's {@link InputUnit#checkpointAfter()} only once
 * everything derived from that unit is delivered, and passes the last persisted position to
 * {@link #restore} on start. Input after that position is read again (at-least-once).
 */
public interface LiveSource extends Closeable {

    /** A stable id for state keys, such as {@code dir:/var/cloudtrail} or {@code tail:/var/log/ct.jsonl}. */
    String id();

    /**
     * Hands every complete new unit found, up to this source's per-poll bound, to the consumer in input
     * order.
     *
     * @return how many units were handed out
     * @throws IOException if the consumer throws, or the source cannot be read at all; the position stays
     *     after the last unit the consumer accepted
     */
    int poll(InputConsumer consumer) throws IOException;

    /** The position after the last unit handed out, as JSON. The caller may keep it; treat it as read-only. */
    ObjectNode checkpoint();

    /**
     * Resumes after the given position: units after it are handed out again by later polls.
     *
     * @throws IllegalArgumentException if the checkpoint is malformed or belongs to another source; the
     *     message gives the reason
     */
    void restore(ObjectNode checkpoint);
}
