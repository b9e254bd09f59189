package io.trailwatch.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * One {@code userIdentity} as CloudTrail records it: an IAM user, a role session, an AWS service, the root user or a
 * root session opened by {@code AssumeRoot}. Immutable: a new role session is a new instance.
 */
final class Identity {

    private final String type;
    private final String accountId;
    private final String principalId;
    private final String arn;
    private final String accessKeyId;
    private final String userName;
    private final String roleName;
    private final String roleId;
    private final String sessionCreated;
    private final boolean mfa;
    private final String invokedBy;
    private final boolean assumedRoot;

    private Identity(String type, String accountId, String principalId, String arn, String accessKeyId, String userName,
                     String roleName, String roleId, String sessionCreated, boolean mfa, String invokedBy,
                     boolean assumedRoot) {
        this.type = type;
        this.accountId = accountId;
        this.principalId = principalId;
        this.arn = arn;
        this.accessKeyId = accessKeyId;
        this.userName = userName;
        this.roleName = roleName;
        this.roleId = roleId;
        this.sessionCreated = sessionCreated;
        this.mfa = mfa;
        this.invokedBy = invokedBy;
        this.assumedRoot = assumedRoot;
    }

    static Identity iamUser(String accountId, String userName, String userId, String accessKeyId) {
        return new Identity("IAMUser", accountId, userId, userArn(accountId, userName), accessKeyId, userName,
                null, null, null, false, null, false);
    }

    static Identity roleSession(String accountId, String roleName, String roleId, String sessionName,
                                String accessKeyId, String sessionCreatedIso, boolean mfa) {
        String sessionArn = "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
        return new Identity("AssumedRole", accountId, roleId + ":" + sessionName, sessionArn, accessKeyId, null,
                roleName, roleId, sessionCreatedIso, mfa, null, false);
    }

    static Identity service(String invokedBy) {
        return new Identity("AWSService", null, null, null, null, null, null, null, null, false, invokedBy, false);
    }

    static Identity root(String accountId, String accessKeyId) {
        return new Identity("Root", accountId, accountId, "arn:aws:iam::" + accountId + ":root", accessKeyId, null,
                null, null, null, false, null, false);
    }

    /** The root user of {@code accountId} in a session {@code AssumeRoot} opened, signing with its issued key. */
    static Identity assumedRoot(String accountId, String accessKeyId, String sessionCreatedIso) {
        return new Identity("Root", accountId, accountId, "arn:aws:iam::" + accountId + ":root", accessKeyId, null,
                null, null, sessionCreatedIso, false, null, true);
    }

    static String userArn(String accountId, String userName) {
        return "arn:aws:iam::" + accountId + ":user/" + userName;
    }

    static String roleArn(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /** The stable actor key rules group by: role ARN for sessions, user or root ARN, or the invoking service. */
    String principalKey() {
        if (invokedBy != null) {
            return invokedBy;
        }
        return roleName != null ? roleArn(accountId, roleName) : arn;
    }

    boolean isService() {
        return invokedBy != null;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        if (invokedBy != null) {
            g.writeStringField("invokedBy", invokedBy);
            g.writeEndObject();
            return;
        }
        g.writeStringField("principalId", principalId);
        g.writeStringField("arn", arn);
        g.writeStringField("accountId", accountId);
        if (accessKeyId != null) {
            g.writeStringField("accessKeyId", accessKeyId);
        }
        if (userName != null) {
            g.writeStringField("userName", userName);
        }
        if (roleName != null) {
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            g.writeStringField("type", "Role");
            g.writeStringField("principalId", roleId);
            g.writeStringField("arn", roleArn(accountId, roleName));
            g.writeStringField("accountId", accountId);
            g.writeStringField("userName", roleName);
            g.writeEndObject();
            g.writeObjectFieldStart("webIdFederationData");
            g.writeEndObject();
            writeAttributes(g);
            g.writeEndObject();
        } else if (assumedRoot) {
            g.writeObjectFieldStart("sessionContext");
            writeAttributes(g);
            g.writeStringField("assumedRoot", "true");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void writeAttributes(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("attributes");
        g.writeStringField("creationDate", sessionCreated);
        g.writeStringField("mfaAuthenticated", Boolean.toString(mfa));
        g.writeEndObject();
    }
}
