package io.trailwatch.source;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery time CloudTrail writes into every log file name
 * ({@code ACCOUNT_CloudTrail_REGION_20240801T0005Z_xxxx.json.gz}) and at the end of every digest file name
 * ({@code ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_20240801T010000Z.json.gz}). Reading files in that
 * order rather than by path (account, then region, then day) brings a multi-account tree to the rules close
 * to event time.
 */
public final class DeliveryFileNames {

    private static final Pattern STAMP = Pattern.compile("_(\\d{8}T\\d{4,6}Z)(?:_[^/\\\\]*|\\.json(?:\\.gz)?)$");
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    /** Paths by delivery time, those without one first, then by path. */
    public static final Comparator<String> BY_DELIVERY_TIME =
            Comparator.comparing(DeliveryFileNames::deliveryTime).thenComparing(Comparator.naturalOrder());

    private DeliveryFileNames() {}

    /** The delivery time in a file name or path as sortable text (basic ISO-8601 to the second), or "" when it has none. */
    public static String deliveryTime(String name) {
        Matcher m = STAMP.matcher(name);
        if (!m.find()) {
            return "";
        }
        String s = m.group(1);
        return s.length() == 14 ? s.substring(0, 13) + "00Z" : s;
    }

    /** An instant as the sortable text {@link #deliveryTime} gives, to the second (rounded down), to compare with it. */
    public static String sortable(Instant instant) {
        return SORTABLE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The delivery time in a file name or path, or null when it has none (or an impossible one, such as month 13). */
    public static Instant deliveredAt(String name) {
        String stamp = deliveryTime(name);
        try {
            return stamp.isEmpty() ? null : LocalDateTime.parse(stamp, SORTABLE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
