package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The principal table of docs/principal.md, one row per userIdentity type, on realistic userIdentity JSON. */
class PrincipalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of("IAMUser", "{\"type\":\"IAMUser\",\"principalId\":\"AIDAOC1SYDVN0AF0FMMR\","
                        + "\"arn\":\"arn:aws:iam::143434273843:user/christophe\",\"accountId\":\"143434273843\","
                        + "\"accessKeyId\":\"AKIAGGWFBBHBE7D3M9WI\",\"userName\":\"christophe\"}",
                        "arn:aws:iam::143434273843:user/christophe", null, "christophe"),
                Arguments.of("AssumedRole", "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:alice\","
                        + "\"arn\":\"arn:aws:sts::677301038893:assumed-role/account-admin/alice\",\"accountId\":\"677301038893\","
                        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\","
                        + "\"arn\":\"arn:aws:iam::677301038893:role/admin/account-admin\",\"userName\":\"account-admin\"},"
                        + "\"attributes\":{\"mfaAuthenticated\":\"false\"}}}",
                        "arn:aws:iam::677301038893:role/admin/account-admin", "alice", "account-admin"),
                Arguments.of("AssumedRole without issuer", "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:i-0abc\","
                        + "\"arn\":\"arn:aws:sts::123456789123:assumed-role/MordorNginxStack-BankingWAFRole/i-0abc\","
                        + "\"accountId\":\"123456789123\"}",
                        "arn:aws:iam::123456789123:role/MordorNginxStack-BankingWAFRole", "i-0abc", null),
                Arguments.of("Root", "{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
                        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"\"}",
                        "arn:aws:iam::111122223333:root", null, null),
                Arguments.of("AWSService", "{\"type\":\"AWSService\",\"invokedBy\":\"autoscaling.amazonaws.com\"}",
                        "autoscaling.amazonaws.com", null, null),
                Arguments.of("FederatedUser", "{\"type\":\"FederatedUser\",\"principalId\":\"742491224508:evil\","
                        + "\"arn\":\"arn:aws:sts::742491224508:federated-user/evil\",\"accountId\":\"742491224508\","
                        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\","
                        + "\"arn\":\"arn:aws:iam::742491224508:user/stratus-user\",\"userName\":\"stratus-user\"}}}",
                        "arn:aws:iam::742491224508:user/stratus-user", "evil", "stratus-user"),
                Arguments.of("IdentityCenterUser", "{\"type\":\"IdentityCenterUser\",\"accountId\":\"111122223333\","
                        + "\"onBehalfOf\":{\"userId\":\"544894e8-80c1-707f-60e3-3ba6510dfac1\","
                        + "\"identityStoreArn\":\"arn:aws:identitystore::111122223333:identitystore/d-9067642ac7\"},"
                        + "\"credentialId\":\"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE\"}",
                        "identitycenter:arn:aws:identitystore::111122223333:identitystore/d-9067642ac7/544894e8-80c1-707f-60e3-3ba6510dfac1",
                        null, null),
                Arguments.of("WebIdentityUser", "{\"type\":\"WebIdentityUser\",\"principalId\":\"accounts.google.com:app:1234\","
                        + "\"userName\":\"1234\",\"identityProvider\":\"accounts.google.com\"}",
                        "webidentity:accounts.google.com/1234", null, "1234"),
                Arguments.of("SAMLUser", "{\"type\":\"SAMLUser\",\"principalId\":\"SampleUkh1i4+ExamplexL/jEvs=:SamlExample\","
                        + "\"userName\":\"SamlExample\",\"identityProvider\":\"bdGOnTesI/Example=\"}",
                        "saml:bdGOnTesI/Example=/SamlExample", null, "SamlExample"),
                Arguments.of("AWSAccount", "{\"type\":\"AWSAccount\",\"principalId\":\"AIDAEXAMPLE\",\"accountId\":\"444455556666\","
                        + "\"invokedBy\":\"ec2.amazonaws.com\"}",
                        "account:444455556666/ec2.amazonaws.com", null, null),
                Arguments.of("Unknown", "{\"type\":\"Unknown\",\"principalId\":\"444455556666\",\"accountId\":\"444455556666\","
                        + "\"userName\":\"someone\"}",
                        "444455556666", null, "someone"),
                Arguments.of("missing", "{}", "unknown", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void principalPerIdentityType(String type, String userIdentity, String principal, String sessionName, String userName)
            throws Exception {
        Principals.Identity id = Principals.of(JSON.readValue(userIdentity, new TypeReference<Map<String, Object>>() { }));
        assertEquals(principal, id.principal());
        assertEquals(sessionName, id.sessionName());
        assertEquals(userName, id.userName());
    }
}
