package io.trailwatch.generate;

import java.util.List;

/**
 * One AWS service as background traffic uses it: its {@code eventSource}, whether it logs globally (in us-east-1),
 * and its read and write calls, most frequent first.
 */
record Service(String key, boolean global, List<String> reads, List<String> writes) {

    static Service of(String key, boolean global, String reads, String writes) {
        return new Service(key, global, List.of(reads.split(" ")), writes.isEmpty() ? List.of() : List.of(writes.split(" ")));
    }
}
