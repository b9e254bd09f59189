package io.trailwatch.pipeline;

import io.trailwatch.source.DeliveryFileNames;
import io.trailwatch.source.ReplayInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    private DeliveryOrder() {}

    /**
     * The inputs sorted by delivery time, untimed ones first in their given order; a new list. Each name's
     * time is read once, not at every comparison: a year of a large tree is millions of files.
     */
    public static List<ReplayInput> sort(List<ReplayInput> inputs) {
        List<Stamped> stamped = new ArrayList<>(inputs.size());
        inputs.forEach(input -> stamped.add(new Stamped(stamp(input), input)));
        stamped.sort(Comparator.comparing(Stamped::stamp));
        return stamped.stream().map(Stamped::input).toList();
    }

    private record Stamped(String stamp, ReplayInput input) {}

    static String stamp(ReplayInput input) {
        return DeliveryFileNames.deliveryTime(input.name());
    }
}
