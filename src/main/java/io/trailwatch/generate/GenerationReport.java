package io.trailwatch.generate;

import java.nio.file.Path;

/**
 * What a {@link Generator} run wrote.
 *
 * @param records     records written to log files, duplicate deliveries included
 * @param files       log files ({@code ..._CloudTrail_...json.gz})
 * @param digestFiles digest files ({@code ..._CloudTrail-Digest_...json.gz})
 * @param duplicates  records delivered a second time
 * @param late        records delivered in a file of a later 5-minute period than their event time
 * @param scenarios   injected scenario instances (attacks and look-alikes)
 * @param groundTruth the {@code ground-truth.json} file
 * @param suppression the maintenance windows of the look-alikes as a suppression config ({@code replay --config})
 */
public record GenerationReport(long records, long files, long digestFiles, long duplicates, long late, int scenarios,
                               Path groundTruth, Path suppression) {
}
