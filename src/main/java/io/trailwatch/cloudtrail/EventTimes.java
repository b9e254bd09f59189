package io.trailwatch.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the {@code eventTime} spellings found in CloudTrail exports and renders the canonical form:
 * ISO-8601 UTC with {@code Z}, whole seconds unless the value has a sub-second part (then milliseconds).
 *
 * <p>Accepted: {@code 2024-01-02T03:04:05Z}, with fractional seconds, with an offset ({@code +01:00}),
 * and the space-separated exports {@code 2024-11-25 17:51:21}, {@code 2024-11-25 17:51:21.000} and
 * {@code 2024-11-25 17:51:21.000000000} (no zone: UTC).
 */
final class EventTimes {

    /** A parsed time: the canonical text and epoch milliseconds. */
    record Parsed(String text, long millis) {}

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static final int[] DIGIT_POSITIONS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    private EventTimes() {}

    /** The parsed time, or null when the text is not one of the accepted spellings or lies past epoch milliseconds. */
    static Parsed parse(String text) {
        if (isCanonical(text)) {
            return new Parsed(text, canonicalMillis(text));
        }
        try {
            TemporalAccessor t = LENIENT.parse(text.trim());
            LocalDateTime local = LocalDateTime.from(t);
            ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            Instant instant = local.toInstant(offset);
            boolean wholeSecond = instant.getNano() / 1_000_000 == 0;
            String canonical = (wholeSecond ? SECONDS : MILLIS).format(instant.atOffset(ZoneOffset.UTC));
            return new Parsed(canonical, instant.toEpochMilli());
        } catch (DateTimeException | ArithmeticException e) {
            return null; // ArithmeticException: a year such as +999999999 has no epoch milliseconds
        }
    }

    /** The common case, {@code 2024-01-02T03:04:05Z}, parsed without the formatter. */
    private static boolean isCanonical(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return false;
        }
        for (int i : DIGIT_POSITIONS) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        return month >= 1 && month <= 12 && day >= 1
                && day <= YearMonth.of(digits(s, 0, 4), month).lengthOfMonth()
                && digits(s, 11, 13) < 24 && digits(s, 14, 16) < 60 && digits(s, 17, 19) < 60;
    }

    private static long canonicalMillis(String s) {
        long days = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
        long seconds = days * 86_400 + digits(s, 11, 13) * 3600L + digits(s, 14, 16) * 60L + digits(s, 17, 19);
        return seconds * 1000;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
