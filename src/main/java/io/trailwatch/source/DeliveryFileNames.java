package io.trailwatch.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The delivery time CloudTrail writes into every log file name
 * ({@code ACCOUNT_CloudTrail_REGION_20240801T0005Z_xxxx.json.gz}) and at the end of every digest file name
 * ({@code ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_20240801T010000Z.json.gz}). Reading files in that
 * order rather than by path (account, then region, then day) brings a multi-account tree to the rules close
 * to event time.
 */
public final class DeliveryFileNames {

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    /** {@code YYYYMMDDTHHMMSSZ}, as {@link #deliveryTime} gives every time it finds. */
    private static final int STAMP_LENGTH = 16;

    private DeliveryFileNames() {}

    /**
     * The delivery time in a file name or path as sortable text (basic ISO-8601 to the second), or "" when it
     * has none: in the last path component, {@code _YYYYMMDDTHHMM[SS]Z} followed by {@code _} (a log file) or
     * by {@code .json} or {@code .json.gz} at the end (a digest file). Read by hand, not with a regular
     * expression: a delivery tree reads it for every file it lists and every file it reads.
     */
    public static String deliveryTime(String name) {
        int component = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1;
        for (int i = name.indexOf('_', component); i >= 0; i = name.indexOf('_', i + 1)) {
            int end = stampEnd(name, i + 1);
            if (end > 0 && (name.startsWith("_", end) || name.endsWith(".json") && end == name.length() - 5
                    || name.endsWith(".json.gz") && end == name.length() - 8)) {
                String stamp = name.substring(i + 1, end);
                return stamp.length() == 14 ? stamp.substring(0, 13) + "00Z" : stamp;
            }
        }
        return "";
    }

    /** The index after {@code YYYYMMDDTHHMM[SS]Z} starting at {@code at}, or -1 when none starts there. */
    private static int stampEnd(String s, int at) {
        int i = at;
        for (int date = 0; date < 8; date++, i++) {
            if (!isDigit(s, i)) {
                return -1;
            }
        }
        if (i >= s.length() || s.charAt(i) != 'T') {
            return -1;
        }
        int digits = 0;
        for (i++; digits < 6 && isDigit(s, i); i++) {
            digits++;
        }
        return (digits == 4 || digits == 6) && i < s.length() && s.charAt(i) == 'Z' ? i + 1 : -1;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /**
     * A delivery time as {@link #deliveryTime} gives it, as a number in the same order (its digits:
     * {@code 20240801T000500Z} is {@code 20240801000500}), or -1 for "" (no delivery time): eight bytes where a
     * string of the time would take fifty.
     */
    public static long deliveryKey(String deliveryTime) {
        long key = deliveryTime.isEmpty() ? -1 : 0;
        for (int i = 0; i < deliveryTime.length(); i++) {
            char c = deliveryTime.charAt(i);
            if (c >= '0' && c <= '9') {
                key = key * 10 + (c - '0');
            }
        }
        return key;
    }

    /** An instant as the sortable text {@link #deliveryTime} gives, to the second (rounded down), to compare with it. */
    public static String sortable(Instant instant) {
        return SORTABLE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The delivery time in a file name or path, or null when it has none (or an impossible one, such as month 13). */
    public static Instant deliveredAt(String name) {
        return instantOf(deliveryTime(name));
    }

    /**
     * A delivery time as {@link #deliveryTime} gives it as an instant; null for "" or an impossible time (month 13,
     * 30 February, hour 24). Read by hand: replay reads it for every file it decodes, and a DateTimeFormatter's
     * parse made the JIT compile the JDK's date parser in every run.
     */
    static Instant instantOf(String stamp) {
        if (stamp.length() != STAMP_LENGTH) {
            return null;
        }
        try {
            return LocalDateTime.of(number(stamp, 0, 4), number(stamp, 4, 6), number(stamp, 6, 8), number(stamp, 9, 11),
                    number(stamp, 11, 13), number(stamp, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + digits.charAt(i) - '0';
        }
        return value;
    }
}
