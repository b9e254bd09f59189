package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Derived fields computed at decode time: resource ids, created ids, success, service-initiated, MFA. */
class DerivedFieldsTest {

    private static CloudTrailEvent decode(String eventName, String extra) throws IOException {
        return Collected.decode("{\"eventID\":\"e\",\"eventName\":\"" + eventName + "\",\"eventTime\":\"2024-01-02T03:04:05Z\""
                + (extra.isEmpty() ? "" : "," + extra) + "}").only();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TerminateInstances | {\"instancesSet\":{\"items\":[{\"instanceId\":\"i-1\"},{\"instanceId\":\"i-2\"},{\"instanceId\":\"i-3\"}]}} | i-1 i-2 i-3",
        "DeleteBucket | {\"bucketName\":\"logs\"} | logs",
        "DeleteDBInstance | {\"dBInstanceIdentifier\":\"db1\"} | db1",
        "DeleteDBInstanceAutomatedBackup | {\"dbiResourceId\":\"db-ABC123\"} | db-ABC123",
        "DeleteDBClusterAutomatedBackup | {\"dbClusterResourceId\":\"cluster-XYZ9\"} | cluster-XYZ9",
        "DeleteService | {\"cluster\":\"prod\",\"service\":\"web\"} | prod/web",
        "DeleteFunction20150331 | {\"functionName\":\"f\"} | f",
        "DeleteObject | {\"bucketName\":\"b\",\"key\":\"k/1\"} | b/k/1",
        "DeleteObjects | {\"bucketName\":\"b\",\"delete\":{\"Object\":[{\"Key\":\"x\"},{\"Key\":\"y\"}]}} | b/x b/y",
        "DeleteSnapshot | {\"snapshotId\":\"snap-1\"} | snap-1",
        "DeleteTrail | {\"name\":\"trail\"} | trail",
        "DeleteSecurityGroup | {\"groupId\":\"\",\"groupName\":\"web\"} | web",
        "DeleteCluster | {\"cluster\":[\"c1\",7,\"c2\"]} | c1 c2",
        "RebootInstances | {\"instancesSet\":{\"items\":[{\"instanceId\":\"i-9\"}]}} | i-9"
    })
    void resourceIdsFromTheTable(String eventName, String parameters, String ids) throws IOException {
        CloudTrailEvent e = decode(eventName, "\"requestParameters\":" + parameters);
        assertEquals(List.of(ids.split(" ")), List.of(e.getResourceIds()));
        assertEquals(ids.split(" ").length, e.getResourceCount());
    }

    @Test
    void versioningStatusOnlyForS3PutBucketVersioning() throws IOException {
        String suspended = "\"requestParameters\":{\"bucketName\":\"b\",\"VersioningConfiguration\":{\"Status\":\"Suspended\"}}";
        assertEquals("Suspended", decode("PutBucketVersioning", "\"eventSource\":\"s3.amazonaws.com\"," + suspended).getVersioningStatus());
        assertNull(decode("PutBucketVersioning", "\"eventSource\":\"example.amazonaws.com\"," + suspended).getVersioningStatus());
        assertEquals(null, decode("PutBucketVersioning", "\"eventSource\":\"s3.amazonaws.com\",\"requestParameters\":{\"bucketName\":\"b\"}")
                .getVersioningStatus());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bare id | {\"keyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\"} | | 1234abcd-12ab-34cd-56ef-1234567890ab",
        "key ARN | {\"keyId\":\"arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd\"} | | mrk-1234abcd",
        "alias, key in resources | {\"keyId\":\"alias/backup\"} | arn:aws:kms:us-west-2:111122223333:key/k-9 | k-9",
        "alias ARN, other resources first | {\"keyId\":\"arn:aws:kms:us-west-2:111122223333:alias/backup\"} | arn:aws:s3:::b,arn:aws:kms:us-west-2:111122223333:key/k-9 | k-9",
        "no parameters, key in resources | | arn:aws:kms:us-west-2:111122223333:key/k-9 | k-9",
        "alias only | {\"keyId\":\"alias/backup\"} | |",
        "ARN without a key id | {\"keyId\":\"arn:aws:kms:us-west-2:111122223333:key/\"} | |"
    })
    void kmsKeyIdIsTheBareIdWhetherTheCallNamesTheKeyByIdArnOrAlias(String shape, String parameters, String resources,
                                                                   String expected) throws IOException {
        String extra = "\"eventSource\":\"kms.amazonaws.com\"" + (parameters == null ? "" : ",\"requestParameters\":" + parameters)
                + (resources == null ? "" : ",\"resources\":[" + Arrays.stream(resources.split(","))
                        .map(arn -> "{\"ARN\":\"" + arn + "\"}").collect(Collectors.joining(",")) + "]");
        assertEquals(expected, decode("ScheduleKeyDeletion", extra).getKmsKeyId());
    }

    @Test
    void kmsKeyIdOnlyForKmsCalls() throws IOException {
        assertEquals(null, decode("DeleteSecret", "\"eventSource\":\"secretsmanager.amazonaws.com\","
                + "\"requestParameters\":{\"keyId\":\"k-1\"}").getKmsKeyId());
    }

    @Test
    void resourcesArrayIsTheFallbackAndCountIsAtLeastOne() throws IOException {
        CloudTrailEvent withArns = decode("AssumeRole", "\"resources\":[{\"ARN\":\"arn:aws:iam::1:role/r\",\"accountId\":\"1\"}]");
        assertArrayEquals(new String[] {"arn:aws:iam::1:role/r"}, withArns.getResourceIds());
        CloudTrailEvent none = decode("ListBuckets", "");
        assertEquals(0, none.getResourceIds().length);
        assertEquals(1, none.getResourceCount());
    }

    @Test
    void createdIdsFromRealStratusRecords() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("stratus/aws.persistence.iam-create-admin-user.json"));
        CloudTrailEvent key = c.events.get(1).event();
        CloudTrailEvent user = c.events.get(2).event();
        assertEquals("CreateUser", user.getEventName());
        assertTrue(user.getCreatedUserId().startsWith("AIDA"), user.getCreatedUserId());
        assertEquals(user.getTargetUserName(), user.getCreatedUserName());
        assertTrue(key.getCreatedAccessKeyId().startsWith("AKIA"), key.getCreatedAccessKeyId());
        assertEquals(user.getCreatedUserName(), key.getCreatedAccessKeyUser());

        CloudTrailEvent role = Collected.decode(Collected.FORMATS.resolve("stratus/aws.persistence.iam-create-backdoor-role.json"))
                .events.get(1).event();
        assertEquals("CreateRole", role.getEventName());
        assertTrue(role.getCreatedRoleArn().endsWith(":role/" + role.getCreatedRoleName()));
        assertTrue(role.getCreatedRoleId().startsWith("AROA"), role.getCreatedRoleId());

        Collected run = Collected.decode(Collected.FORMATS.resolve("stratus/aws.execution.ec2-launch-unusual-instances.json"));
        assertEquals(0, run.events.get(0).event().getCreatedInstanceIds().length, "the real RunInstances was denied");
        CloudTrailEvent launched = decode("RunInstances", "\"responseElements\":{\"instancesSet\":{\"items\":"
                + "[{\"instanceId\":\"i-0a\"},{\"instanceId\":\"i-0b\"}]}}");
        assertArrayEquals(new String[] {"i-0a", "i-0b"}, launched.getCreatedInstanceIds());
        assertEquals("arn:aws:iam::900138736586:role/stratus-red-team-ec2lui-role-idtzskbvtd", run.events.get(1).event().getTargetRoleArn());
    }

    @Test
    void issuedKeyOfRealAssumeRoleAndGetFederationTokenRecordsIsTheKeyTheirSessionsSignWith() throws IOException {
        CloudTrailEvent assumed = Collected.decode(Collected.FORMATS.resolve("stratus/aws.execution.ec2-launch-unusual-instances.json"))
                .events.get(1).event();
        assertEquals("AssumeRole", assumed.getEventName());
        assertEquals("AKIAR7ISFR69YWROPYAN", assumed.getAccessKeyId(), "the caller's own key");
        assertEquals("ASIA9F6MXE9HSYOXYQOS", assumed.getIssuedAccessKeyId());

        Collected federation = Collected.decode(Collected.FORMATS.resolve("stratus/aws.persistence.sts-federation-token.json"));
        CloudTrailEvent token = federation.events.get(0).event();
        assertEquals("GetFederationToken", token.getEventName());
        assertEquals(federation.events.get(1).event().getAccessKeyId(), token.getIssuedAccessKeyId(),
                "the federated session's next call signs with the issued key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AssumeRoleWithSAML, ASIA1", "AssumeRoleWithWebIdentity, ASIA1", "AssumeRoot, ASIA1", "GetSessionToken, ASIA1",
                "CreateAccessKey, ", "GetCallerIdentity, "})
    void onlyStsCallsThatIssueCredentialsHaveAnIssuedKey(String eventName, String issued) throws IOException {
        assertEquals(issued, decode(eventName, "\"responseElements\":{\"credentials\":{\"accessKeyId\":\"ASIA1\"}}")
                .getIssuedAccessKeyId());
    }

    /** The request of the AssumeRoot record in the AWS documentation's "Track privileged tasks in AWS CloudTrail". */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"222222222222, 222222222222", "arn:aws:iam::222222222222:root, 222222222222"})
    void assumeRootNamesTheMemberAccountGivenAsAnIdOrAPrincipalArnAndItsTask(String target, String account)
            throws IOException {
        CloudTrailEvent root = decode("AssumeRoot", "\"requestParameters\":{\"targetPrincipal\":\"" + target + "\","
                + "\"taskPolicyArn\":{\"arn\":\"arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy\"}},"
                + "\"responseElements\":{\"credentials\":{\"accessKeyId\":\"ASIAIOSFODNN7EXAMPLE\"}}");
        assertEquals(account, root.getAssumedRootAccountId());
        assertEquals("S3UnlockBucketPolicy", root.getAssumedRootTask());
        assertEquals("ASIAIOSFODNN7EXAMPLE", root.getIssuedAccessKeyId());
    }

    @Test
    void onlyAssumeRootNamesARootSessionAccountAndTask() throws IOException {
        CloudTrailEvent role = decode("AssumeRole", "\"requestParameters\":{\"targetPrincipal\":\"222222222222\","
                + "\"roleArn\":\"arn:aws:iam::222222222222:role/r\"}");
        assertNull(role.getAssumedRootAccountId());
        assertNull(role.getAssumedRootTask());
        CloudTrailEvent failed = decode("AssumeRoot", "\"errorCode\":\"AccessDenied\","
                + "\"requestParameters\":{\"targetPrincipal\":\"222222222222\"}");
        assertEquals("222222222222", failed.getAssumedRootAccountId());
        assertNull(failed.getAssumedRootTask(), "no taskPolicyArn in the request");
        assertNull(failed.getIssuedAccessKeyId(), "a failed call issued nothing");
    }

    @ParameterizedTest(name = "mfaAuthenticated {0}")
    @CsvSource(delimiter = '|', value = {
        "\"true\" | true", "\"TRUE\" | true", "true | true", "\"false\" | false", "false | false", "1 | false",
        "null | false", "{\"v\":\"true\"} | false"})
    void mfaAuthenticatedIsTrueOnlyAsABooleanOrItsText(String value, boolean mfa) throws IOException {
        assertEquals(mfa, decode("GetObject", "\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":" + value + "}}}").isMfaAuthenticated());
    }

    @Test
    void successServiceInitiatedAccountAndMfa() throws IOException {
        CloudTrailEvent failed = decode("GetObject", "\"errorCode\":\"AccessDenied\",\"recipientAccountId\":\"222\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111\",\"arn\":\"arn:aws:iam::111:user/u\","
                + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}}");
        assertFalse(failed.isSuccess());
        assertEquals("222", failed.getAccountId());
        assertTrue(failed.isMfaAuthenticated());
        assertFalse(failed.isServiceInitiated());

        CloudTrailEvent viaService = decode("Decrypt", "\"sourceIPAddress\":\"lambda.amazonaws.com\","
                + "\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"111\"}");
        assertTrue(viaService.isSuccess());
        assertTrue(viaService.isServiceInitiated());
        assertEquals("111", viaService.getAccountId());
        assertTrue(decode("X", "\"userIdentity\":{\"type\":\"IAMUser\",\"invokedBy\":\"cloudformation.amazonaws.com\"}")
                .isServiceInitiated());
    }

    @Test
    void consoleCallsAreNotServiceInitiated() throws IOException {
        CloudTrailEvent rootInConsole = decode("DeleteSnapshot", "\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"111\",\"invokedBy\":\"signin.amazonaws.com\"}");
        assertFalse(rootInConsole.isServiceInitiated());
        CloudTrailEvent roleInConsole = decode("TerminateInstances", "\"sourceIPAddress\":\"AWS Internal\","
                + "\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"111\",\"invokedBy\":\"AWS Internal\"}");
        assertFalse(roleInConsole.isServiceInitiated());
        assertTrue(decode("TerminateInstances", "\"sourceIPAddress\":\"autoscaling.amazonaws.com.cn\","
                + "\"userIdentity\":{\"type\":\"AssumedRole\",\"accountId\":\"111\"}").isServiceInitiated());
    }
}
