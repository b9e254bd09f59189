package io.trailwatch.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Delivers records the way CloudTrail does: one gzip file per account, region and 5-minute period, records in no
 * order, some delivered late (in a file up to 15 minutes later) and some twice (in another file).
 *
 * <p>Takes events in time order and keeps only the files still open: a period's files are written as soon as an
 * event of a later period arrives, since no later event can be delivered into an earlier file.
 */
final class DeliveryWriter {

    static final long PERIOD_MILLIS = 300_000L;
    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

    private final OutputTree outDir;
    private final World world;
    private final double lateFraction;
    private final double duplicateFraction;
    private final SplittableRandom rng;
    private final DigestWriter digests;
    private final RecordEncoder encoder = new RecordEncoder();
    private final TreeMap<Long, OpenFile> open = new TreeMap<>();
    private final int regionCount;
    private final long stride;
    private long records;
    private long files;
    private long duplicates;
    private long late;

    DeliveryWriter(Path outDir, World world, double lateFraction, double duplicateFraction, SplittableRandom rng,
                   DigestWriter digests) {
        this.outDir = new OutputTree(outDir);
        this.world = world;
        this.lateFraction = lateFraction;
        this.duplicateFraction = duplicateFraction;
        this.rng = rng;
        this.digests = digests;
        this.regionCount = world.regions().size();
        this.stride = (long) world.accounts().size() * regionCount;
    }

    /** Routes one event, which must not be earlier than any event accepted before, into its file(s). */
    void accept(ApiEvent event) throws IOException {
        long period = Math.floorDiv(event.timeMillis(), PERIOD_MILLIS);
        writeFilesBefore(period);
        byte[] json = encoder.encode(event);
        long target = period;
        if (rng.nextDouble() < lateFraction) {
            target = Math.floorDiv(event.timeMillis() + PERIOD_MILLIS + rng.nextLong(2 * PERIOD_MILLIS), PERIOD_MILLIS);
            late++;
        }
        add(target, event, json);
        if (rng.nextDouble() < duplicateFraction) {
            add(target + 1 + rng.nextInt(2), event, json);
            duplicates++;
        }
    }

    /** Writes every file still open. */
    void finish() throws IOException {
        writeFilesBefore(Long.MAX_VALUE);
    }

    long records() {
        return records;
    }

    long files() {
        return files;
    }

    long duplicates() {
        return duplicates;
    }

    long late() {
        return late;
    }

    private void add(long period, ApiEvent event, byte[] json) {
        long key = period * stride + (long) event.accountIndex() * regionCount + event.regionIndex();
        open.computeIfAbsent(key, k -> new OpenFile(period, event.accountIndex(), event.regionIndex()))
                .add(json, event.timeMillis());
        records++;
    }

    private void writeFilesBefore(long period) throws IOException {
        while (!open.isEmpty() && open.firstEntry().getValue().period < period) {
            write(open.pollFirstEntry().getValue());
        }
    }

    private void write(OpenFile file) throws IOException {
        Collections.shuffle(file.records, new Random(rng.nextLong()));
        long delivered = (file.period + 1) * PERIOD_MILLIS;
        String accountId = world.accounts().get(file.account).id();
        String region = world.regions().get(file.region);
        String key = S3Layout.logFile(accountId, region, delivered, Ids.alnum(rng, 16));
        String sha = GzipFiles.write(outDir.file(key), out -> {
            out.write(HEAD);
            for (int i = 0; i < file.records.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(file.records.get(i));
            }
            out.write(TAIL);
        });
        files++;
        digests.logFileDelivered(file.account, file.region, delivered, key, sha, file.oldest, file.newest);
    }

    /** Records waiting for their file to be written. */
    private static final class OpenFile {
        private final long period;
        private final int account;
        private final int region;
        private final List<byte[]> records = new ArrayList<>();
        private long oldest = Long.MAX_VALUE;
        private long newest = Long.MIN_VALUE;

        OpenFile(long period, int account, int region) {
            this.period = period;
            this.account = account;
            this.region = region;
        }

        void add(byte[] json, long millis) {
            records.add(json);
            oldest = Math.min(oldest, millis);
            newest = Math.max(newest, millis);
        }
    }
}
