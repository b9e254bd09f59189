package io.trailwatch.cloudtrail;

import java.util.Map;
import java.util.function.Function;

/**
 * Derives the stable actor key ({@code principal}), the session name and the user name from
 * {@code userIdentity}, one rule per identity type (docs/principal.md describes the table).
 */
final class Principals {

    /** What the identity derivation yields. */
    record Identity(String principal, String sessionName, String userName) {}

    private static final String UNKNOWN = "unknown";

    /**
     * Every path of {@code userIdentity} that this class and {@link EventNormaliser} read: the decoder builds
     * only these (a third of a record's bytes is {@code userIdentity}, most of it unread). Reading a new path
     * means adding it here.
     */
    static final JsonSelection USER_IDENTITY_PATHS = JsonSelection.of(
            "type", "arn", "principalId", "accessKeyId", "accountId", "invokedBy", "userName", "userId",
            "identityProvider", "identityStoreArn", "onBehalfOf.userId", "onBehalfOf.identityStoreArn",
            "sessionContext.sessionIssuer.arn", "sessionContext.sessionIssuer.userName",
            "sessionContext.attributes.mfaAuthenticated");

    /** Per {@code userIdentity.type}: the principal, or null to fall back to principalId/userName/accountId. */
    private static final Map<String, Function<Map<String, Object>, String>> BY_TYPE = Map.of(
            "AssumedRole", Principals::assumedRole,
            "IAMUser", id -> str(id, "arn"),
            "Root", Principals::root,
            "AWSService", id -> str(id, "invokedBy"),
            "FederatedUser", id -> first(str(id, "sessionContext", "sessionIssuer", "arn"), str(id, "arn")),
            "IdentityCenterUser", Principals::identityCenter,
            "WebIdentityUser", id -> prefixed("webidentity:", str(id, "identityProvider"),
                    first(str(id, "userName"), str(id, "principalId"))),
            "SAMLUser", id -> prefixed("saml:", str(id, "identityProvider"), str(id, "userName")),
            "AWSAccount", Principals::awsAccount);

    private Principals() {}

    static Identity of(Map<String, Object> userIdentity) {
        Map<String, Object> id = userIdentity == null ? Map.of() : userIdentity;
        String type = str(id, "type");
        Function<Map<String, Object>, String> rule = type == null ? null : BY_TYPE.get(type);
        String principal = rule == null ? null : rule.apply(id);
        if (principal == null) {
            principal = first(str(id, "principalId"), first(str(id, "userName"), str(id, "accountId")));
        }
        return new Identity(principal == null ? UNKNOWN : principal, sessionName(type, id),
                first(str(id, "userName"), str(id, "sessionContext", "sessionIssuer", "userName")));
    }

    private static String assumedRole(Map<String, Object> id) {
        String issuer = str(id, "sessionContext", "sessionIssuer", "arn");
        if (issuer != null) {
            return issuer;
        }
        String arn = str(id, "arn");
        int marker = arn == null ? -1 : arn.indexOf(":assumed-role/");
        if (marker < 0 || !arn.startsWith("arn:")) {
            return null;
        }
        String[] head = arn.substring(0, marker).split(":", -1);
        String[] roleAndSession = arn.substring(marker + ":assumed-role/".length()).split("/", -1);
        if (head.length != 5 || roleAndSession.length < 2) {
            return null;
        }
        return "arn:" + head[1] + ":iam::" + head[4] + ":role/" + roleAndSession[0];
    }

    private static String root(Map<String, Object> id) {
        String account = str(id, "accountId");
        if (account == null) {
            return str(id, "arn");
        }
        String arn = str(id, "arn");
        String partition = arn != null && arn.startsWith("arn:") ? arn.split(":", 3)[1] : "aws";
        return "arn:" + partition + ":iam::" + account + ":root";
    }

    private static String identityCenter(Map<String, Object> id) {
        String store = first(str(id, "identityStoreArn"), str(id, "onBehalfOf", "identityStoreArn"));
        String user = first(str(id, "userId"), str(id, "onBehalfOf", "userId"));
        return prefixed("identitycenter:", store, user);
    }

    private static String awsAccount(Map<String, Object> id) {
        String account = str(id, "accountId");
        if (account == null) {
            return null;
        }
        String invokedBy = str(id, "invokedBy");
        return "account:" + account + (invokedBy == null ? "" : "/" + invokedBy);
    }

    private static String sessionName(String type, Map<String, Object> id) {
        String arn = str(id, "arn");
        if (arn == null) {
            return null;
        }
        int assumedRole = arn.indexOf(":assumed-role/");
        if ("AssumedRole".equals(type) && assumedRole >= 0) {
            int roleEnd = arn.indexOf('/', assumedRole + ":assumed-role/".length());
            return roleEnd < 0 ? null : arn.substring(arn.lastIndexOf('/') + 1);
        }
        if ("FederatedUser".equals(type) && arn.contains(":federated-user/")) {
            return arn.substring(arn.indexOf(":federated-user/") + ":federated-user/".length());
        }
        return null;
    }

    private static String prefixed(String prefix, String namespace, String name) {
        return namespace == null || name == null ? null : prefix + namespace + "/" + name;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String str(Map<String, Object> id, String... path) {
        return JsonValues.string(id, path);
    }
}
