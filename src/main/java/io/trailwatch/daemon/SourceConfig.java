package io.trailwatch.daemon;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.trailwatch.config.ConfigValueException;
import io.trailwatch.source.DeliveryTreeSource;
import io.trailwatch.source.LiveSource;
import io.trailwatch.source.StdinSource;
import io.trailwatch.source.TailedFileSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One entry of the {@code sources:} list of the daemon configuration; {@code type} selects the kind:
 * {@code directory} (a tree CloudTrail delivery files land in), {@code file} (a growing JSON-lines file,
 * rotation by rename or copy-truncate followed) or {@code stdin}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceConfig.Directory.class, name = "directory"),
        @JsonSubTypes.Type(value = SourceConfig.File.class, name = "file"),
        @JsonSubTypes.Type(value = SourceConfig.Stdin.class, name = "stdin")
})
public sealed interface SourceConfig {

    /** Opens the source, positioned at the start of its input. */
    LiveSource open();

    /**
     * {@code type: directory}.
     *
     * @param path        the tree's root; it may not exist yet; required
     * @param settle      how long a file must be unmodified before it is read (default 200ms)
     * @param ignoreOlder files delivered this long before the newest delivery time read from the tree are not
     *                    read (each one found is reported) and no longer listed in the checkpoint (default 1d,
     *                    at least {@link #MIN_IGNORE_OLDER}, at most {@link #MAX_IGNORE_OLDER})
     */
    record Directory(String path, Duration settle, Duration ignoreOlder) implements SourceConfig {

        /**
         * CloudTrail delivers a region's file some minutes after its time, and accounts and regions of one tree
         * arrive minutes apart: below an hour, files on time would be taken for late ones.
         */
        public static final Duration MIN_IGNORE_OLDER = Duration.ofHours(1);

        /**
         * Longer than any tree is kept; a much longer one ({@code 9999999999999h}) takes the watermark out of the
         * range of time and would stop the daemon at its first file.
         */
        public static final Duration MAX_IGNORE_OLDER = Duration.ofDays(36_500);

        public Directory {
            requirePath(path, "the directory delivery files land in, e.g. /var/lib/cloudtrail");
            settle = settle == null ? DeliveryTreeSource.DEFAULT_SETTLE : settle;
            ignoreOlder = ignoreOlder == null ? DeliveryTreeSource.DEFAULT_IGNORE_OLDER : ignoreOlder;
            if (ignoreOlder.compareTo(MIN_IGNORE_OLDER) < 0) {
                throw new ConfigValueException("ignoreOlder", ignoreOlder + " is below the minimum "
                        + MIN_IGNORE_OLDER + " (raise it: files of one tree arrive minutes apart; default "
                        + DeliveryTreeSource.DEFAULT_IGNORE_OLDER + ")");
            }
            if (ignoreOlder.compareTo(MAX_IGNORE_OLDER) > 0) {
                throw new ConfigValueException("ignoreOlder", ignoreOlder + " is above the maximum "
                        + MAX_IGNORE_OLDER + " (100 years; lower it: no tree holds files that old)");
            }
        }

        @Override
        public LiveSource open() {
            return new DeliveryTreeSource(Path.of(path), settle, DeliveryTreeSource.DEFAULT_MAX_FILE_BYTES, ignoreOlder);
        }
    }

    /**
     * {@code type: file}.
     *
     * @param path          the JSON-lines file; it may not exist yet; required
     * @param rotationGrace how long a rotated-away file must be unmodified before reading moves on (default 1s)
     */
    record File(String path, Duration rotationGrace) implements SourceConfig {
        public File {
            requirePath(path, "the JSON-lines file to follow, e.g. /var/log/cloudtrail.jsonl");
            rotationGrace = rotationGrace == null ? TailedFileSource.DEFAULT_ROTATION_GRACE : rotationGrace;
        }

        @Override
        public LiveSource open() {
            return new TailedFileSource(Path.of(path), rotationGrace);
        }
    }

    /** {@code type: stdin}: JSON lines on standard input; it cannot be rewound after a restart. */
    record Stdin() implements SourceConfig {
        @Override
        public LiveSource open() {
            return new StdinSource(System.in);
        }
    }

    private static void requirePath(String path, String example) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("missing key 'path' (" + example + ")");
        }
    }
}
