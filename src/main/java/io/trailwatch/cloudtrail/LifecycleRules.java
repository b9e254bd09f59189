package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the {@code LifecycleConfiguration} of a {@code PutBucketLifecycle} request into the
 * {@link LifecycleExpiry} of each enabled rule that expires current objects or noncurrent versions. A
 * configuration replaces the bucket's previous one as a whole, so these are all the expiries in force.
 *
 * <p>CloudTrail records the XML body as JSON: {@code Rule} is an object for one rule and an array for
 * several; {@code Filter} is an empty string, or an object with {@code Prefix}, {@code Tag} or {@code And}
 * (prefix and tags); the legacy form puts {@code Prefix} on the rule itself. Numbers may be JSON numbers or
 * text. Disabled rules, rules that only transition objects, abort incomplete multipart uploads or remove
 * expired delete markers, and values that do not parse are left out: they destroy nothing. A
 * {@code NoncurrentVersionExpiration} with {@code NewerNoncurrentVersions} keeps that many of the newest
 * versions of each object, which can still be restored, so it purges nothing (routine version housekeeping).
 */
final class LifecycleRules {

    private static final LifecycleExpiry[] NONE = new LifecycleExpiry[0];
    private static final long DAY_MILLIS = 86_400_000L;

    private LifecycleRules() {}

    /** The expiring rules of {@code request}, in the request's order; never null. */
    static LifecycleExpiry[] expiries(Map<String, Object> request, long eventTimeMillis) {
        Object config = request == null ? null : request.get("LifecycleConfiguration");
        if (!(config instanceof Map<?, ?> c)) {
            return NONE;
        }
        Object rules = c.get("Rule");
        List<LifecycleExpiry> out = new ArrayList<>();
        if (rules instanceof List<?> list) {
            list.forEach(r -> add(out, r, eventTimeMillis));
        } else {
            add(out, rules, eventTimeMillis);
        }
        return out.toArray(NONE);
    }

    private static void add(List<LifecycleExpiry> out, Object value, long eventTimeMillis) {
        if (!(value instanceof Map<?, ?> rule) || !"Enabled".equals(rule.get("Status"))) {
            return;
        }
        Integer currentDays = null;
        String currentDate = null;
        if (rule.get("Expiration") instanceof Map<?, ?> expiration) {
            currentDays = positive(expiration.get("Days"));
            if (currentDays == null && expiration.get("Date") instanceof String date) {
                EventTimes.Parsed at = EventTimes.parse(date);
                if (at != null) {
                    currentDate = at.text();
                    currentDays = (int) Math.max(0, -Math.floorDiv(eventTimeMillis - at.millis(), DAY_MILLIS));
                }
            }
        }
        Integer noncurrentDays = rule.get("NoncurrentVersionExpiration") instanceof Map<?, ?> noncurrent
                && positive(noncurrent.get("NewerNoncurrentVersions")) == null
                ? positive(noncurrent.get("NoncurrentDays")) : null;
        if (currentDays == null && noncurrentDays == null) {
            return;
        }
        String prefix = text(rule.get("Prefix"));
        String tags = null;
        if (rule.get("Filter") instanceof Map<?, ?> filter) {
            Map<?, ?> and = filter.get("And") instanceof Map<?, ?> a ? a : filter;
            prefix = text(and.get("Prefix"));
            tags = tags(and.get("Tag"));
        }
        out.add(new LifecycleExpiry(text(rule.get("ID")).isEmpty() ? null : text(rule.get("ID")), prefix, tags,
                currentDays, currentDate, noncurrentDays));
    }

    /** A count of days (a number or its text) of at least 1, else null: S3 refuses 0 and negatives. */
    private static Integer positive(Object value) {
        long n;
        if (value instanceof Number number) {
            n = number.longValue();
        } else if (value instanceof String s && s.matches("\\d{1,9}")) {
            n = Long.parseLong(s);
        } else {
            return null;
        }
        return n >= 1 && n <= Integer.MAX_VALUE ? (int) n : null;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    /** {@code key=value} of one tag or of each of a list of tags, null when there are none. */
    private static String tags(Object value) {
        List<?> list = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
        StringJoiner joined = new StringJoiner(",");
        for (Object o : list) {
            if (o instanceof Map<?, ?> tag) {
                joined.add(text(tag.get("Key")) + "=" + text(tag.get("Value")));
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
