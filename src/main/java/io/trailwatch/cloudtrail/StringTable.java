package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;

/**
 * Canonical {@code String}s for the values records repeat: event names and sources, regions, account ids,
 * principals, user agents. A value found in the table is returned without allocating; a new one replaces
 * whatever shared its slot, so the table stays at {@value #SLOTS} entries whatever the input.
 *
 * <p>Why: most of a record's kept values recur in every record of a principal or an account. Sharing one
 * instance shrinks what the reorder buffer holds (tens of thousands of events) and lets the engine's filter
 * indexes hash a string once (a {@code String} caches its hash) instead of once per event. Equal values stay
 * equal either way, so the table never changes a result. One table per decoding thread ({@link #local()});
 * not thread-safe.
 *
 * <p>A value is held from its second sighting on: the first only notes its hash in the slot. Most values in
 * request and response parameters (instance ids, request ids) occur once; holding them cost a copy each and
 * evicted the values that recur.
 */
final class StringTable {

    static final int SLOTS = 1 << 14;
    /** Longer values (error messages, policy documents) rarely repeat: they are not looked up. */
    static final int MAX_LENGTH = 256;
    /**
     * Only the length and the last chars are hashed: a full hash is a serial chain over every char and was a
     * tenth of decoding. Recurring values differ at their ends (ARN names, ids); a collision costs a miss.
     */
    private static final int HASHED_TAIL = 12;
    private static final ThreadLocal<StringTable> LOCAL = ThreadLocal.withInitial(StringTable::new);

    /** Reads text without the table: for values unique to a record, which would only evict those that recur. */
    static final StringTable UNPOOLED = new StringTable(false);

    private final boolean pooled;
    private final String[] slots;
    /** Each slot's text as chars, compared with a vectorised {@code Arrays.equals} (a char loop was slower than the allocation saved). */
    private final char[][] texts;
    private final int[] hashes;
    /** Per slot, the hash of the last value seen there and not held: a second sighting is held. */
    private final int[] sightings;

    StringTable() {
        this(true);
    }

    private StringTable(boolean pooled) {
        this.pooled = pooled;
        int slots = pooled ? SLOTS : 0;
        this.slots = new String[slots];
        this.texts = new char[slots][];
        this.hashes = new int[slots];
        this.sightings = new int[slots];
    }

    /** The calling thread's table. */
    static StringTable local() {
        return LOCAL.get();
    }

    /**
     * The text of the parser's current scalar token. A value too long to be looked up is read with
     * {@code getText()}, which checks it against {@code maxStringLength}: the parser checks while reading only
     * as its buffer fills, and the thread's recycled buffer may be large enough (64K chars) to hold the whole
     * value, so read through {@code getTextCharacters()} a value over the limit would pass after a long value
     * had been decoded on the same thread, and not before.
     */
    String text(JsonParser p) throws IOException {
        if (!pooled) {
            return p.getText();
        }
        int length = p.getTextLength();
        return length > MAX_LENGTH ? p.getText() : canonical(p.getTextCharacters(), p.getTextOffset(), length);
    }

    /** {@code new String(chars, offset, length)}, or an equal instance already in the table. */
    String canonical(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int end = offset + length;
        int hash = length;
        for (int i = Math.max(offset, end - HASHED_TAIL); i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        char[] held = texts[slot];
        if (held != null && hashes[slot] == hash && Arrays.equals(held, 0, held.length, chars, offset, offset + length)) {
            return slots[slot];
        }
        String created = new String(chars, offset, length);
        if (sightings[slot] != hash) {
            sightings[slot] = hash;
            return created;
        }
        slots[slot] = created;
        texts[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        hashes[slot] = hash;
        return created;
    }
}
