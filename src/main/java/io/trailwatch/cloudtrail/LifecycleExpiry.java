package io.trailwatch.cloudtrail;

/**
 * One enabled rule of a {@code PutBucketLifecycle} request that expires data: current objects
 * ({@code Expiration} with {@code Days} or {@code Date}) and/or noncurrent versions
 * ({@code NoncurrentVersionExpiration}). Rules see it through {@code lifecycleExpiries}, e.g.
 * {@code lifecycleExpiries.anyOf(x => x.wholeBucket and x.daysToExpiry <= 7)}.
 *
 * <p>Days count from the call: a {@code Date} becomes the whole days from {@code eventTime} to it, rounded up,
 * and 0 when it is already past (S3 then expires the objects at once).
 */
public final class LifecycleExpiry {

    private final String ruleId;
    private final String prefix;
    private final String tagFilter;
    private final Integer currentDays;
    private final String currentDate;
    private final Integer noncurrentDays;

    LifecycleExpiry(String ruleId, String prefix, String tagFilter, Integer currentDays, String currentDate,
                    Integer noncurrentDays) {
        this.ruleId = ruleId;
        this.prefix = prefix;
        this.tagFilter = tagFilter;
        this.currentDays = currentDays;
        this.currentDate = currentDate;
        this.noncurrentDays = noncurrentDays;
    }

    /** The lifecycle rule's {@code ID}, null when it has none. */
    public String getRuleId() {
        return ruleId;
    }

    /** The key prefix the rule applies to; empty for every key. */
    public String getPrefix() {
        return prefix;
    }

    /** The tags the rule is limited to ({@code env=tmp}), null when it is not limited by tag. */
    public String getTagFilter() {
        return tagFilter;
    }

    /**
     * True when the rule applies to every object: no tag condition and a prefix that is empty or {@code *}
     * (S3 reads {@code *} literally, but whoever writes it means every object).
     */
    public boolean isWholeBucket() {
        return tagFilter == null && (prefix.isEmpty() || prefix.equals("*"));
    }

    /** Days until current objects expire, null when the rule keeps them. */
    public Integer getCurrentDays() {
        return currentDays;
    }

    /** Days until noncurrent versions are purged, null when the rule keeps them. */
    public Integer getNoncurrentDays() {
        return noncurrentDays;
    }

    /** True when the rule purges noncurrent versions: what versioning would otherwise let one restore. */
    public boolean isPurgesVersions() {
        return noncurrentDays != null;
    }

    /** The sooner of {@link #getCurrentDays()} and {@link #getNoncurrentDays()}. */
    public int getDaysToExpiry() {
        if (currentDays == null) {
            return noncurrentDays;
        }
        return noncurrentDays == null ? currentDays : Math.min(currentDays, noncurrentDays);
    }

    /**
     * True when the rule reaches keys under {@code path} ({@code AWSLogs/} of a trail): its prefix is a prefix
     * of the path or lies under it. Tags are not compared: a tagged rule overlaps when its prefix does.
     */
    public boolean overlaps(String path) {
        return path != null && (path.startsWith(prefix) || prefix.startsWith(path));
    }

    /**
     * What the rule destroys, for an alert's summary: "expires current objects after 1 day and noncurrent
     * versions after 1 day, in the whole bucket (rule 'nuke')"; with a date, "on 2024-01-01 (already past)".
     */
    public String getDescription() {
        StringBuilder sb = new StringBuilder();
        if (currentDays != null) {
            sb.append("expires current objects ").append(currentDate == null ? "after " + days(currentDays)
                    : "on " + currentDate + (currentDays == 0 ? " (already past)" : " (in " + days(currentDays) + ")"));
            sb.append(noncurrentDays == null ? " and keeps noncurrent versions"
                    : " and noncurrent versions after " + days(noncurrentDays));
        } else {
            sb.append("purges noncurrent versions after ").append(days(noncurrentDays));
        }
        sb.append(", in ").append(isWholeBucket() ? "the whole bucket" + (prefix.isEmpty() ? "" : " (prefix '*')")
                : scope());
        if (ruleId != null) {
            sb.append(" (rule '").append(ruleId).append("')");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return getDescription();
    }

    private String scope() {
        String byPrefix = prefix.isEmpty() ? "every key" : "prefix '" + prefix + "'";
        return tagFilter == null ? byPrefix : byPrefix + " tagged " + tagFilter;
    }

    private static String days(int n) {
        return n + (n == 1 ? " day" : " days");
    }
}
