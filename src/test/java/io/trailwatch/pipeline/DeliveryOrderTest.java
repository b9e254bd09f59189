package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.source.ReplayInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOrderTest {

    private static ReplayInput named(String name) {
        return new ReplayInput(Path.of(name), name);
    }

    @Test
    void deliveryFilesComeInDeliveryTimeOrderAcrossAccountsAndRegions() {
        ReplayInput late = named("AWSLogs/111111111111/CloudTrail/us-east-1/2024/08/01/111111111111_CloudTrail_us-east-1_20240801T1005Z_aaaa.json.gz");
        ReplayInput early = named("AWSLogs/222222222222/CloudTrail/eu-west-1/2024/08/01/222222222222_CloudTrail_eu-west-1_20240801T0905Z_bbbb.json.gz");
        ReplayInput middle = named("AWSLogs/111111111111/CloudTrail/us-east-1/2024/08/01/111111111111_CloudTrail_us-east-1_20240801T0935Z_cccc.json.gz");

        assertEquals(List.of(early, middle, late), DeliveryOrder.sort(List.of(late, early, middle)));
    }

    @Test
    void inputsWithoutADeliveryTimeComeFirstInTheirGivenOrder() {
        ReplayInput timed = named("x/111111111111_CloudTrail_us-east-1_20240801T0905Z_bbbb.json.gz");
        ReplayInput b = named("b.jsonl");
        ReplayInput a = named("a.json");

        assertEquals(List.of(b, a, timed), DeliveryOrder.sort(List.of(timed, b, a)));
    }
}
