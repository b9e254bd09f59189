package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.OTHER;
import static io.trailwatch.engine.TestEvents.at;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.Detection;
import io.trailwatch.alert.Severity;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserCreateUseDeleteTest {

    private static final String RULE = "iam-user-create-use-delete";
    private static final long T0 = at("2019-06-01T10:00:00Z");
    private static final long MINUTE = 60_000;

    private final List<Detection> detections = new ArrayList<>();

    private static CloudTrailEvent createUser(String by, long millis) {
        return call("CreateUser", by, millis).createdUserName("shadow").createdUserId("AIDASHADOW").targetUserName("shadow").build();
    }

    private static CloudTrailEvent useAsNewUser(long millis) {
        return call("ListBuckets", "arn:aws:iam::111122223333:user/shadow", millis).principalId("AIDASHADOW").build();
    }

    private static CloudTrailEvent deleteUser(String by, long millis) {
        return call("DeleteUser", by, millis).targetUserName("shadow").build();
    }

    private List<Detection> run(CloudTrailEvent... events) throws Exception {
        try (DetectionEngine engine = BundledRules.engine(detections)) {
            for (CloudTrailEvent e : events) {
                engine.send(e);
            }
            engine.finish();
        }
        return BundledRules.of(detections, RULE);
    }

    @Test
    void createUseDeleteBySamePrincipalAlertsWithAllThreeEventsAsEvidence() throws Exception {
        CloudTrailEvent create = createUser(ADMIN, T0);
        CloudTrailEvent use = useAsNewUser(T0 + 5 * MINUTE);
        CloudTrailEvent delete = deleteUser(ADMIN, T0 + 3 * 60 * MINUTE);

        List<Detection> found = run(create, use, delete);

        assertEquals(1, found.size());
        Detection d = found.get(0);
        assertEquals(ADMIN, d.principal());
        assertEquals(TestEvents.ACCOUNT, d.accountId());
        assertEquals(Severity.HIGH, d.severity());
        assertEquals(List.of(create, use, delete), d.evidence());
        assertEquals(delete.getEventTimeMillis(), d.detectedAtMillis());
        assertTrue(d.summary().contains("shadow"), d.summary());
    }

    @Test
    void useThroughAnAccessKeyCreatedForTheUserCounts() throws Exception {
        CloudTrailEvent create = createUser(ADMIN, T0);
        CloudTrailEvent key = call("CreateAccessKey", ADMIN, T0 + MINUTE)
                .createdAccessKeyId("AKIASHADOW").createdAccessKeyUser("shadow").build();
        CloudTrailEvent use = call("GetCallerIdentity", "arn:aws:iam::111122223333:user/shadow", T0 + 2 * MINUTE)
                .accessKeyId("AKIASHADOW").build();
        CloudTrailEvent delete = deleteUser(ADMIN, T0 + 10 * MINUTE);

        List<Detection> found = run(create, key, use, delete);

        assertEquals(1, found.size());
        assertEquals(List.of(create, key, use, delete), found.get(0).evidence());
    }

    @Test
    void noAlertWhenTheUserDidNothingBeforeDeletion() throws Exception {
        assertEquals(List.of(), run(createUser(ADMIN, T0), deleteUser(ADMIN, T0 + MINUTE), useAsNewUser(T0 + 2 * MINUTE)));
    }

    @Test
    void noAlertWhenAnotherPrincipalDeletesTheUser() throws Exception {
        assertEquals(List.of(), run(createUser(ADMIN, T0), useAsNewUser(T0 + MINUTE), deleteUser(OTHER, T0 + 2 * MINUTE),
                deleteUser(ADMIN, T0 + 3 * MINUTE)));
    }

    @Test
    void noAlertWhenTheDeletionComesAfter24Hours() throws Exception {
        assertEquals(List.of(), run(createUser(ADMIN, T0), useAsNewUser(T0 + MINUTE), deleteUser(ADMIN, T0 + 24 * 60 * MINUTE + 1)));
    }

    @Test
    void failedCreateOrDeleteDoesNotCount() throws Exception {
        CloudTrailEvent failedCreate = call("CreateUser", ADMIN, T0).success(false).errorCode("AccessDenied")
                .createdUserName("shadow").createdUserId("AIDASHADOW").build();
        assertEquals(List.of(), run(failedCreate, useAsNewUser(T0 + MINUTE), deleteUser(ADMIN, T0 + 2 * MINUTE)));

        CloudTrailEvent failedDelete = call("DeleteUser", ADMIN, T0 + 2 * MINUTE).targetUserName("shadow")
                .success(false).errorCode("AccessDenied").build();
        assertEquals(List.of(), run(createUser(ADMIN, T0), useAsNewUser(T0 + MINUTE), failedDelete));
    }
}
