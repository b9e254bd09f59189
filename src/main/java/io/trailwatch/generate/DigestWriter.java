package io.trailwatch.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes CloudTrail's hourly digest files: per account and region, one for each hour in which log files were
 * delivered, listing them with their SHA-256 and chained to that slot's previous digest by its hash.
 *
 * <p>Two departures from CloudTrail: it also writes digests for hours without log files (skipped here, so that a
 * small data set with a sparse tail does not become thousands of empty files), and it signs digests (there is no
 * key here, so {@code previousDigestSignature} is absent).
 */
final class DigestWriter {

    private static final long HOUR_MILLIS = 3_600_000L;
    private final OutputTree outDir;
    private final World world;
    private final JsonFactory json = new JsonFactory();
    private final String fingerprint;
    private final List<List<LogFileRef>> pending = new ArrayList<>();
    private final String[] previousKey;
    private final String[] previousHash;
    private long hourStart;
    private long files;

    private record LogFileRef(String key, String sha256, long oldest, long newest) {
    }

    DigestWriter(Path outDir, World world, long startMillis, SplittableRandom rng) {
        this.outDir = new OutputTree(outDir);
        this.world = world;
        this.fingerprint = Ids.hex(rng, 32);
        int slots = world.accounts().size() * world.regions().size();
        for (int i = 0; i < slots; i++) {
            pending.add(new ArrayList<>());
        }
        this.previousKey = new String[slots];
        this.previousHash = new String[slots];
        this.hourStart = Math.floorDiv(startMillis, HOUR_MILLIS) * HOUR_MILLIS;
    }

    /** Registers a log file; delivery times must not decrease from call to call. */
    void logFileDelivered(int account, int region, long deliveredMillis, String key, String sha256, long oldest,
                          long newest) throws IOException {
        if (deliveredMillis >= hourStart + HOUR_MILLIS) {
            writeHour();
            hourStart = Math.floorDiv(deliveredMillis, HOUR_MILLIS) * HOUR_MILLIS;
        }
        pending.get(slot(account, region)).add(new LogFileRef(key, sha256, oldest, newest));
    }

    /** Writes the digests of the hour still open. */
    void finish() throws IOException {
        writeHour();
    }

    long files() {
        return files;
    }

    private int slot(int account, int region) {
        return account * world.regions().size() + region;
    }

    private void writeHour() throws IOException {
        long end = hourStart + HOUR_MILLIS;
        for (Account account : world.accounts()) {
            for (int r = 0; r < world.regions().size(); r++) {
                int slot = slot(account.index(), r);
                if (pending.get(slot).isEmpty()) {
                    continue;
                }
                String key = S3Layout.digestFile(account.id(), world.regions().get(r), end);
                byte[] content = digest(account.id(), key, slot, end);
                GzipFiles.write(outDir.file(key), out -> out.write(content));
                previousKey[slot] = key;
                previousHash[slot] = GzipFiles.sha256Hex(content);
                pending.get(slot).clear();
                files++;
            }
        }
        hourStart = end;
    }

    private byte[] digest(String accountId, String key, int slot, long end) throws IOException {
        List<LogFileRef> logs = pending.get(slot);
        long oldest = logs.stream().mapToLong(LogFileRef::oldest).min().orElseThrow();
        long newest = logs.stream().mapToLong(LogFileRef::newest).max().orElseThrow();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("awsAccountId", accountId);
            g.writeStringField("digestStartTime", CallShapes.isoSecond(hourStart));
            g.writeStringField("digestEndTime", CallShapes.isoSecond(end));
            g.writeStringField("digestS3Bucket", S3Layout.BUCKET);
            g.writeStringField("digestS3Object", key);
            g.writeStringField("digestPublicKeyFingerprint", fingerprint);
            g.writeStringField("digestSignatureAlgorithm", "SHA256withRSA");
            g.writeStringField("newestEventTime", CallShapes.isoSecond(newest));
            g.writeStringField("oldestEventTime", CallShapes.isoSecond(oldest));
            g.writeStringField("previousDigestS3Bucket", previousKey[slot] == null ? null : S3Layout.BUCKET);
            g.writeStringField("previousDigestS3Object", previousKey[slot]);
            g.writeStringField("previousDigestHashValue", previousHash[slot]);
            g.writeStringField("previousDigestHashAlgorithm", previousHash[slot] == null ? null : "SHA-256");
            g.writeArrayFieldStart("logFiles");
            for (LogFileRef log : logs) {
                g.writeStartObject();
                g.writeStringField("s3Bucket", S3Layout.BUCKET);
                g.writeStringField("s3Object", log.key());
                g.writeStringField("hashValue", log.sha256());
                g.writeStringField("hashAlgorithm", "SHA-256");
                g.writeStringField("newestEventTime", CallShapes.isoSecond(log.newest()));
                g.writeStringField("oldestEventTime", CallShapes.isoSecond(log.oldest()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return buffer.toByteArray();
    }
}
