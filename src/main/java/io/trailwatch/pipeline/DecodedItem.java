package io.trailwatch.pipeline;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.source.Origin;

/** What decoding one input yields, in the order it was found. */
sealed interface DecodedItem {

    record Event(CloudTrailEvent event, Origin origin) implements DecodedItem {}

    record Bad(Origin origin, String reason, String excerpt) implements DecodedItem {}

    record Skipped(String file, String reason) implements DecodedItem {}

    /** The input could not be read at all (I/O error); what was decoded before it still counts. */
    record Unreadable(String file, String reason) implements DecodedItem {}
}
