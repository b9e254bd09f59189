package io.trailwatch.generate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One generated data set of 20k events, checked for layout, realism, delivery quirks and ground truth. */
class GeneratedContentTest {

    private static final long EVENTS = 20_000;
    private static final Pattern LOG_PATH = Pattern.compile("AWSLogs/(\\d{12})/CloudTrail/([a-z0-9-]+)/(\\d{4})/(\\d{2})/"
            + "(\\d{2})/\\1_CloudTrail_\\2_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]{16}\\.json\\.gz");
    private static final Pattern DIGEST_PATH = Pattern.compile("AWSLogs/(\\d{12})/CloudTrail-Digest/([a-z0-9-]+)/"
            + "\\d{4}/\\d{2}/\\d{2}/\\1_CloudTrail-Digest_\\2_[a-z-]+_us-east-1_\\d{8}T\\d{6}Z\\.json\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    @TempDir
    static Path out;
    private static GenerationReport report;
    private static List<GeneratedDataSet.LogFile> logs;
    private static Map<String, JsonNode> byId;
    private static JsonNode truth;

    @BeforeAll
    static void generate() throws Exception {
        report = new Generator(GeneratorOptions.defaults(out, EVENTS, 7)).run();
        logs = GeneratedDataSet.logFiles(out);
        byId = new HashMap<>();
        for (GeneratedDataSet.LogFile f : logs) {
            f.records().forEach(r -> byId.put(r.get("eventID").asText(), r));
        }
        truth = GeneratedDataSet.MAPPER.readTree(report.groundTruth().toFile());
    }

    @Test
    void reportMatchesWhatIsOnDisk() {
        assertEquals(report.files(), logs.size());
        assertEquals(report.records(), logs.stream().mapToLong(f -> f.records().size()).sum());
        assertEquals(EVENTS, byId.size(), "distinct eventIDs");
        assertEquals(report.digestFiles(), GeneratedDataSet.files(out, "_CloudTrail-Digest_").size());
        assertEquals(report.scenarios(), truth.get("scenarios").size());
    }

    @Test
    void everyFileFollowsTheS3DeliveryLayout() {
        for (GeneratedDataSet.LogFile f : logs) {
            String rel = out.relativize(f.path()).toString();
            Matcher m = LOG_PATH.matcher(rel);
            assertTrue(m.matches(), rel);
            assertFalse(f.records().isEmpty(), rel);
            for (JsonNode r : f.records()) {
                assertEquals(m.group(1), r.get("recipientAccountId").asText(), rel);
                assertEquals(m.group(2), r.get("awsRegion").asText(), rel);
            }
        }
        for (Path d : GeneratedDataSet.files(out, "_CloudTrail-Digest_")) {
            assertTrue(DIGEST_PATH.matcher(out.relativize(d).toString()).matches(), d.toString());
        }
    }

    @Test
    void recordsLookLikeCloudTrail() {
        Set<String> names = new HashSet<>();
        Set<String> sources = new HashSet<>();
        Set<String> identityTypes = new TreeSet<>();
        long bytes = 0;
        int failed = 0;
        int tls = 0;
        for (JsonNode r : byId.values()) {
            for (String field : List.of("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                    "awsRegion", "sourceIPAddress", "userAgent", "requestID", "eventID", "readOnly", "eventType",
                    "managementEvent", "recipientAccountId", "eventCategory")) {
                assertNotNull(r.get(field), field + " missing in " + r);
            }
            Instant.parse(r.get("eventTime").asText());
            assertEquals("AwsApiCall", r.get("eventType").asText());
            names.add(r.get("eventName").asText());
            sources.add(r.get("eventSource").asText());
            identityTypes.add(r.get("userIdentity").get("type").asText());
            bytes += r.toString().length();
            failed += r.has("errorCode") ? 1 : 0;
            tls += r.has("tlsDetails") ? 1 : 0;
            if (r.get("userIdentity").get("type").asText().equals("AssumedRole")) {
                JsonNode issuer = r.get("userIdentity").get("sessionContext").get("sessionIssuer");
                assertEquals("Role", issuer.get("type").asText());
                assertTrue(issuer.get("arn").asText().contains(":role/" + issuer.get("userName").asText()));
            }
        }
        assertTrue(names.size() >= 200, "distinct event names: " + names.size());
        assertTrue(sources.size() >= 28, "distinct services: " + sources.size());
        assertEquals(Set.of("AWSService", "AssumedRole", "IAMUser", "Root"), identityTypes);
        double average = (double) bytes / byId.size();
        assertTrue(average > 900 && average < 1600, "average record size " + average);
        assertTrue(failed > EVENTS / 200 && failed < EVENTS / 20, "failed calls " + failed);
        assertTrue(tls > EVENTS / 3 && tls < EVENTS, "records with tlsDetails " + tls);
    }

    @Test
    void recordsAreUnsortedWithinFiles() {
        boolean unsorted = logs.stream().anyMatch(f -> {
            List<JsonNode> rs = f.records();
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).get("eventTime").asText().compareTo(rs.get(i - 1).get("eventTime").asText()) < 0) {
                    return true;
                }
            }
            return false;
        });
        assertTrue(unsorted);
    }

    @Test
    void someRecordsAreDeliveredLateOrTwiceInTheConfiguredProportion() {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Set<Path>> filesOf = new HashMap<>();
        int late = 0;
        for (GeneratedDataSet.LogFile f : logs) {
            Matcher m = LOG_PATH.matcher(out.relativize(f.path()).toString());
            assertTrue(m.matches());
            Instant periodStart = LocalDateTime.parse(m.group(6), STAMP).toInstant(ZoneOffset.UTC).minusSeconds(300);
            for (JsonNode r : f.records()) {
                String id = r.get("eventID").asText();
                copies.merge(id, 1, Integer::sum);
                filesOf.computeIfAbsent(id, k -> new HashSet<>()).add(f.path());
                late += Instant.parse(r.get("eventTime").asText()).isBefore(periodStart) ? 1 : 0;
            }
        }
        List<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(duplicated.size() > EVENTS * 0.0025 && duplicated.size() < EVENTS * 0.01, "duplicates " + duplicated.size());
        for (String id : duplicated) {
            assertEquals(2, filesOf.get(id).size(), "a duplicate is delivered in another file: " + id);
        }
        assertEquals(report.duplicates(), duplicated.size());
        assertTrue(late > EVENTS * 0.005 && late < EVENTS * 0.025, "late deliveries " + late);
    }

    @Test
    void digestFilesListEveryLogFileOnceAndHoldNoRecords() {
        Set<String> listed = new HashSet<>();
        for (Path d : GeneratedDataSet.files(out, "_CloudTrail-Digest_")) {
            JsonNode digest = GeneratedDataSet.readGzipJson(d);
            assertNull(digest.get("Records"), d.toString());
            assertEquals(out.relativize(d).toString(), digest.get("digestS3Object").asText());
            for (JsonNode log : digest.get("logFiles")) {
                assertTrue(listed.add(log.get("s3Object").asText()), "listed twice: " + log);
                assertEquals(64, log.get("hashValue").asText().length());
            }
        }
        Set<String> onDisk = new HashSet<>();
        logs.forEach(f -> onDisk.add(out.relativize(f.path()).toString()));
        assertEquals(onDisk, listed);
    }

    @Test
    void groundTruthEventsExistAndEveryScenarioVariantAndRuleIsPresent() {
        Set<String> variants = new HashSet<>();
        Set<String> attackedRules = new HashSet<>();
        for (JsonNode s : truth.get("scenarios")) {
            variants.add(s.get("scenario").asText());
            if (s.get("kind").asText().equals("attack")) {
                attackedRules.add(s.get("ruleId").asText());
            } else {
                assertTrue(s.get("ruleId").isNull(), s.toString());
            }
            for (JsonNode id : s.get("eventIds")) {
                JsonNode r = byId.get(id.asText());
                assertNotNull(r, "ground-truth event missing from output: " + id);
                String logged = r.get("recipientAccountId").asText();
                if (!logged.equals(s.get("accountId").asText())) {
                    assertEquals("sts.amazonaws.com", r.get("eventSource").asText(),
                            "only the session a caller of another account opens into the scenario's account is logged there: " + r);
                    assertEquals(logged, r.get("userIdentity").get("accountId").asText(), "in the caller's own trail: " + r);
                }
            }
        }
        Set<String> expectedVariants = new HashSet<>();
        ScenarioPlan.SCRIPTS.forEach(script -> expectedVariants.add(script.name()));
        assertEquals(expectedVariants, variants);
        assertEquals(Set.of("iam-user-create-use-delete", "iam-role-create-use-delete", "bulk-destruction",
                "instance-create-terminate", "ecs-service-delete-burst", "ami-deregistration",
                "cloudtrail-logging-impaired", "s3-lifecycle-expiry", "kms-key-deletion"), attackedRules);
        JsonNode windows = truth.get("maintenanceWindows");
        assertFalse(windows.isEmpty());
        assertTrue(windows.get(0).get("principal").asText().contains(":role/terraform-"));
    }

    @Test
    void userBackdoorUsesTheCreatedUserAndKeyThenDeletesThem() {
        List<JsonNode> events = eventsOf("iam-user-create-use-delete");
        JsonNode created = only(events, "CreateUser").get("responseElements").get("user");
        String key = only(events, "CreateAccessKey").get("responseElements").get("accessKey").get("accessKeyId").asText();
        long used = events.stream().filter(e -> e.get("userIdentity").path("principalId").asText()
                .equals(created.get("userId").asText()) && e.get("userIdentity").path("accessKeyId").asText().equals(key))
                .count();
        assertTrue(used >= 3, "calls made as the new user: " + used);
        assertEquals(created.get("userName").asText(),
                only(events, "DeleteUser").get("requestParameters").get("userName").asText());
        Instant createdAt = Instant.parse(only(events, "CreateUser").get("eventTime").asText());
        Instant deletedAt = Instant.parse(only(events, "DeleteUser").get("eventTime").asText());
        assertTrue(deletedAt.isBefore(createdAt.plusSeconds(5 * 3600)), "deleted within hours");
    }

    @Test
    void roleBackdoorAssumesTheCreatedRoleAndActsThroughIt() {
        List<JsonNode> events = eventsOf("iam-role-create-use-delete");
        String roleArn = only(events, "CreateRole").get("responseElements").get("role").get("arn").asText();
        assertEquals(roleArn, only(events, "AssumeRole").get("requestParameters").get("roleArn").asText());
        assertTrue(events.stream().anyMatch(e -> e.get("userIdentity").path("sessionContext").path("sessionIssuer")
                .path("arn").asText().equals(roleArn)));
        assertNotNull(only(events, "DeleteRole"));
    }

    @Test
    void bulkDestructionAttacksReachTenResourcesInFiveMinutesAndLookAlikesDoNot() {
        for (String variant : List.of("bulk-destruction-mixed", "bulk-destruction-single-call",
                "bulk-destruction-straddling")) {
            List<JsonNode> events = eventsOf(variant);
            assertTrue(resources(events) >= 10, variant + " destroys " + resources(events));
            assertTrue(spanSeconds(events) <= 300, variant + " spans " + spanSeconds(events) + " s");
        }
        assertEquals(9, resources(eventsOf("bulk-destruction-nine-resources")));
        assertTrue(eventsOf("bulk-destruction-failed").stream().allMatch(e -> e.has("errorCode")));
        assertTrue(eventsOf("bulk-destruction-autoscaling").stream()
                .allMatch(e -> e.get("userIdentity").get("invokedBy").asText().equals("autoscaling.amazonaws.com")));
        List<JsonNode> straddling = eventsOf("bulk-destruction-straddling");
        long firstPeriod = Instant.parse(straddling.get(0).get("eventTime").asText()).getEpochSecond() / 300;
        long lastPeriod = Instant.parse(straddling.get(straddling.size() - 1).get("eventTime").asText()).getEpochSecond() / 300;
        assertEquals(firstPeriod + 1, lastPeriod, "the burst straddles a 5-minute boundary");
    }

    @Test
    void s3LifecycleAttackExpiresTheWholeBucketWithinADayAndLookAlikesDoNot() {
        JsonNode attack = only(eventsOf("s3-lifecycle-expire-whole-bucket"), "PutBucketLifecycle");
        JsonNode rule = attack.get("requestParameters").get("LifecycleConfiguration").get("Rule").get(0);
        assertEquals("", rule.get("Filter").asText());
        assertEquals(1, rule.get("Expiration").get("Days").asInt());
        assertEquals(1, rule.get("NoncurrentVersionExpiration").get("NoncurrentDays").asInt());
        JsonNode scratch = only(eventsOf("s3-lifecycle-scratch-prefixes"), "PutBucketLifecycle");
        for (JsonNode r : scratch.get("requestParameters").get("LifecycleConfiguration").get("Rule")) {
            assertTrue(!r.get("Filter").path("Prefix").asText().isEmpty() || r.get("Expiration").get("Days").asInt() > 7,
                    r.toString());
        }
        assertEquals("AccessDenied", only(eventsOf("s3-lifecycle-denied"), "PutBucketLifecycle").get("errorCode").asText());
    }

    @Test
    void s3LifecycleExpiryIsFollowedWithinTheDayByVersioningSuspendedOnTheSameBucket() {
        List<JsonNode> events = eventsOf("s3-lifecycle-expire-then-suspend-versioning");
        JsonNode expiry = only(events, "PutBucketLifecycle");
        JsonNode suspension = only(events, "PutBucketVersioning");
        assertEquals(expiry.get("requestParameters").get("bucketName"), suspension.get("requestParameters").get("bucketName"));
        assertEquals("Suspended", suspension.get("requestParameters").get("VersioningConfiguration").get("Status").asText());
        long after = Instant.parse(suspension.get("eventTime").asText()).getEpochSecond()
                - Instant.parse(expiry.get("eventTime").asText()).getEpochSecond();
        assertTrue(after > 0 && after < 24 * 3600, "suspended " + after + " s after the expiry was set");
    }

    @Test
    void kmsAttacksDestroyAKeyAndTheLookAlikesAreRefusedServiceInitiatedUndoneOrInAMaintenanceWindow() {
        JsonNode scheduled = only(eventsOf("kms-key-scheduled-for-deletion"), "ScheduleKeyDeletion");
        assertEquals(7, scheduled.get("requestParameters").get("pendingWindowInDays").asInt());
        assertFalse(scheduled.has("errorCode"));
        assertTrue(scheduled.get("responseElements").get("keyId").asText()
                .endsWith(":key/" + scheduled.get("requestParameters").get("keyId").asText()));

        List<JsonNode> locked = eventsOf("kms-key-locked-then-scheduled");
        assertEquals(List.of("PutKeyPolicy", "DisableKey", "ScheduleKeyDeletion"),
                locked.stream().map(e -> e.get("eventName").asText()).toList());
        assertTrue(locked.get(0).get("requestParameters").get("bypassPolicyLockoutSafetyCheck").asBoolean());
        assertEquals(1, locked.stream().map(e -> e.get("requestParameters").get("keyId").asText()).distinct().count(),
                "one key locked, disabled and scheduled");
        assertTrue(spanSeconds(locked) <= 30 * 60, "within the rule's 30-minute episode: " + spanSeconds(locked) + " s");

        assertEquals("AccessDeniedException", only(eventsOf("kms-key-deletion-denied"), "ScheduleKeyDeletion")
                .get("errorCode").asText());
        assertEquals("cloudformation.amazonaws.com", only(eventsOf("kms-key-deleted-with-its-cloudformation-stack"),
                "ScheduleKeyDeletion").get("sourceIPAddress").asText());
        List<JsonNode> cancelled = eventsOf("kms-key-deletion-cancelled-by-its-pipeline");
        assertEquals(List.of("ScheduleKeyDeletion", "CancelKeyDeletion", "EnableKey"),
                cancelled.stream().map(e -> e.get("eventName").asText()).toList());
        assertTrue(spanSeconds(cancelled) < 30 * 60, "restored within the rule's 30-minute episode: " + spanSeconds(cancelled) + " s");
        JsonNode retired = only(eventsOf("kms-key-retired-in-maintenance-window"), "ScheduleKeyDeletion");
        assertTrue(retired.get("userIdentity").get("arn").asText().contains(":assumed-role/terraform-"), retired.toString());
    }

    @Test
    void viaAssumedRoleSplitsTheBurstBetweenTheUserAndTheSessionItOpened() {
        List<JsonNode> events = eventsOf("bulk-destruction-via-assumed-role");
        JsonNode assume = only(events, "AssumeRole");
        String user = assume.get("userIdentity").get("arn").asText();
        String sessionKey = assume.get("responseElements").get("credentials").get("accessKeyId").asText();
        List<JsonNode> deletions = events.stream().filter(e -> !e.get("eventName").asText().equals("AssumeRole")).toList();
        assertEquals(6, deletions.stream().filter(e -> e.get("userIdentity").get("arn").asText().equals(user)).count());
        assertEquals(6, deletions.stream().filter(e -> e.get("userIdentity").get("accessKeyId").asText().equals(sessionKey)
                && e.get("userIdentity").get("type").asText().equals("AssumedRole")).count());
        assertEquals(12, resources(deletions));
        assertTrue(spanSeconds(events) <= 300, "spans " + spanSeconds(events) + " s");
    }

    @Test
    void theLookAlikeRoleSessionWasOpenedByAnotherUserThanTheOtherDeleter() {
        List<JsonNode> events = eventsOf("bulk-destruction-role-session-of-another-user");
        List<JsonNode> assumes = events.stream().filter(e -> e.get("eventName").asText().equals("AssumeRole")).toList();
        assertEquals(2, assumes.size());
        Set<String> sessionDeleters = new HashSet<>();
        Set<String> userDeleters = new HashSet<>();
        for (JsonNode e : events) {
            JsonNode id = e.get("userIdentity");
            if (!e.get("eventName").asText().equals("AssumeRole")) {
                (id.get("type").asText().equals("AssumedRole") ? sessionDeleters : userDeleters).add(id.get("accessKeyId").asText());
            }
        }
        assertEquals(Set.of(assumes.get(1).get("responseElements").get("credentials").get("accessKeyId").asText()), sessionDeleters);
        assertEquals(Set.of(assumes.get(0).get("userIdentity").get("accessKeyId").asText()), userDeleters,
                "the user deleting directly opened the other session, not the deleting one");
        assertFalse(assumes.get(0).get("userIdentity").get("arn").equals(assumes.get(1).get("userIdentity").get("arn")));
    }

    @Test
    void viaAssumedRootSplitsTheBurstBetweenARoleSessionAndARootSessionOneManagementUserOpened() {
        List<JsonNode> events = eventsOf("bulk-destruction-via-assumed-root");
        JsonNode root = only(events, "AssumeRoot");
        JsonNode assume = only(events, "AssumeRole");
        String member = root.get("requestParameters").get("targetPrincipal").asText();
        assertFalse(member.equals(root.get("recipientAccountId").asText()), "AssumeRoot is logged in the management account");
        assertEquals(assume.get("userIdentity").get("arn"), root.get("userIdentity").get("arn"), "one user opened both sessions");
        assertTrue(root.get("requestParameters").get("taskPolicyArn").get("arn").asText()
                .startsWith("arn:aws:iam::aws:policy/root-task/"), root.toString());
        List<JsonNode> asRoot = signedWith(events, issuedKey(root));
        List<JsonNode> inRole = signedWith(events, issuedKey(assume));
        assertEquals(6, asRoot.size());
        assertEquals(6, inRole.size());
        for (JsonNode e : asRoot) {
            JsonNode id = e.get("userIdentity");
            assertEquals(member, e.get("recipientAccountId").asText());
            assertEquals("arn:aws:iam::" + member + ":root", id.get("arn").asText());
            assertEquals("true", id.get("sessionContext").get("assumedRoot").asText());
        }
        assertTrue(inRole.stream().allMatch(e -> e.get("recipientAccountId").asText().equals(member)));
        assertEquals(12, resources(asRoot) + resources(inRole));
        assertTrue(spanSeconds(events) <= 300, "spans " + spanSeconds(events) + " s");
    }

    @Test
    void theLookAlikeRootSessionOnlyUnlocksABucketBesideNineDeletionsInTheRoleSession() {
        List<JsonNode> events = eventsOf("bulk-destruction-assumed-root-for-its-task");
        assertEquals(List.of("GetBucketPolicy", "DeleteBucketPolicy"), signedWith(events, issuedKey(only(events, "AssumeRoot")))
                .stream().map(e -> e.get("eventName").asText()).toList());
        assertEquals(9, resources(signedWith(events, issuedKey(only(events, "AssumeRole")))));
    }

    @Test
    void instanceCreateTerminateTerminatesTheLaunchedIdsWithinTheHour() {
        List<JsonNode> events = eventsOf("instance-create-terminate");
        Set<String> launched = new HashSet<>();
        only(events, "RunInstances").get("responseElements").get("instancesSet").get("items")
                .forEach(i -> launched.add(i.get("instanceId").asText()));
        Set<String> terminated = new HashSet<>();
        only(events, "TerminateInstances").get("requestParameters").get("instancesSet").get("items")
                .forEach(i -> terminated.add(i.get("instanceId").asText()));
        assertFalse(launched.isEmpty());
        assertEquals(launched, terminated);
        assertTrue(spanSeconds(events) < 3600);
    }

    private static List<JsonNode> eventsOf(String variant) {
        for (JsonNode s : truth.get("scenarios")) {
            if (s.get("scenario").asText().equals(variant)) {
                List<JsonNode> events = new ArrayList<>();
                s.get("eventIds").forEach(id -> events.add(byId.get(id.asText())));
                events.sort((a, b) -> a.get("eventTime").asText().compareTo(b.get("eventTime").asText()));
                return events;
            }
        }
        throw new AssertionError("no scenario " + variant + " in the ground truth");
    }

    /** The temporary key an STS call issued. */
    private static String issuedKey(JsonNode stsCall) {
        return stsCall.get("responseElements").get("credentials").get("accessKeyId").asText();
    }

    /** The events signed with {@code key}: the calls of the session that issued it. */
    private static List<JsonNode> signedWith(List<JsonNode> events, String key) {
        return events.stream().filter(e -> e.get("userIdentity").path("accessKeyId").asText().equals(key)).toList();
    }

    private static JsonNode only(List<JsonNode> events, String eventName) {
        List<JsonNode> matching = events.stream().filter(e -> e.get("eventName").asText().equals(eventName)).toList();
        assertEquals(1, matching.size(), eventName + " events");
        return matching.get(0);
    }

    private static int resources(List<JsonNode> events) {
        int n = 0;
        for (JsonNode e : events) {
            JsonNode items = e.path("requestParameters").path("instancesSet").path("items");
            n += items.isArray() ? items.size() : 1;
        }
        return n;
    }

    private static long spanSeconds(List<JsonNode> events) {
        return Instant.parse(events.get(events.size() - 1).get("eventTime").asText()).getEpochSecond()
                - Instant.parse(events.get(0).get("eventTime").asText()).getEpochSecond();
    }
}
