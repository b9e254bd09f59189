package io.trailwatch.pipeline;

import io.trailwatch.source.ReplayInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders replay inputs by the delivery time in CloudTrail's file names
 * ({@code ACCOUNT_CloudTrail_REGION_20240801T0005Z_xxxx.json.gz}), so that the files of one 5-minute
 * period from every account and region are decoded together and the merged feed reaches the reorder buffer
 * roughly in event-time order. A tree walked in path order (account, then region, then day) would otherwise
 * hand the engine one account's whole day before the next, making almost every event late.
 *
 * <p>Inputs whose names carry no delivery time keep their given order, before the timed ones. The order
 * depends only on the names, never on thread timing.
 */
public final class DeliveryOrder {

    private static final Pattern STAMP = Pattern.compile("_(\\d{8}T\\d{4,6}Z)_[^/\\\\]*$");
    private static final String UNTIMED = "";

    private DeliveryOrder() {}

    /** The inputs sorted by delivery time, untimed ones first in their given order; a new list. */
    public static List<ReplayInput> sort(List<ReplayInput> inputs) {
        List<ReplayInput> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparing(DeliveryOrder::stamp));
        return sorted;
    }

    /** The delivery time as sortable text (basic ISO-8601, padded to seconds), or "" for an untimed name. */
    static String stamp(ReplayInput input) {
        Matcher m = STAMP.matcher(input.name());
        if (!m.find()) {
            return UNTIMED;
        }
        String s = m.group(1);
        return s.length() == 14 ? s.substring(0, 13) + "00Z" : s;
    }
}
