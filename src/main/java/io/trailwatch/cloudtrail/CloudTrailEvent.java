package io.trailwatch.cloudtrail;

import java.util.Map;
import java.util.Objects;

/**
 * One CloudTrail record as rules see it: the raw fields rules need plus fields derived once at decode
 * time. Immutable; built by {@link Builder}. Registered with the engine as the event type {@code CloudTrail}.
 *
 * <p>Every getter marked {@link Field} is part of the rule vocabulary; {@link FieldCatalog} derives the
 * field reference and the rule lint from those annotations. Adding a field means adding a getter here and
 * nothing else.
 */
public final class CloudTrailEvent {

    private static final String[] NO_IDS = new String[0];
    private static final LifecycleExpiry[] NO_EXPIRIES = new LifecycleExpiry[0];
    private final String eventId;
    private final String eventTime;
    private final long eventTimeMillis;
    private final String eventName;
    private final String eventSource;
    private final String eventType;
    private final String region;
    private final String accountId;
    private final String sourceIPAddress;
    private final String userAgent;
    private final String errorCode;
    private final String errorMessage;
    private final boolean success;
    private final Boolean readOnly;
    private final String identityType;
    private final String principal;
    private final String principalArn;
    private final String principalId;
    private final String accessKeyId;
    private final String userName;
    private final String sessionName;
    private final String invokedBy;
    private final boolean serviceInitiated;
    private final boolean mfaAuthenticated;
    private final Map<String, Object> requestParameters;
    private final Map<String, Object> responseElements;
    private final String[] resourceIds;
    private final int resourceCount;
    private final String targetUserName;
    private final String targetRoleName;
    private final String targetRoleArn;
    private final String createdUserId;
    private final String createdUserName;
    private final String createdRoleId;
    private final String createdRoleName;
    private final String createdRoleArn;
    private final String createdAccessKeyId;
    private final String createdAccessKeyUser;
    private final String issuedAccessKeyId;
    private final String assumedRootAccountId;
    private final String assumedRootTask;
    private final String[] createdInstanceIds;
    private final String selectorNarrowing;
    private final LifecycleExpiry[] lifecycleExpiries;
    private final String versioningStatus;
    private final String kmsKeyId;

    private CloudTrailEvent(Builder b) {
        this.eventId = b.eventId;
        this.eventTime = b.eventTime;
        this.eventTimeMillis = b.eventTimeMillis;
        this.eventName = b.eventName;
        this.eventSource = b.eventSource;
        this.eventType = b.eventType;
        this.region = b.region;
        this.accountId = b.accountId;
        this.sourceIPAddress = b.sourceIPAddress;
        this.userAgent = b.userAgent;
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.success = b.success;
        this.readOnly = b.readOnly;
        this.identityType = b.identityType;
        this.principal = b.principal;
        this.principalArn = b.principalArn;
        this.principalId = b.principalId;
        this.accessKeyId = b.accessKeyId;
        this.userName = b.userName;
        this.sessionName = b.sessionName;
        this.invokedBy = b.invokedBy;
        this.serviceInitiated = b.serviceInitiated;
        this.mfaAuthenticated = b.mfaAuthenticated;
        this.requestParameters = b.requestParameters == null ? Map.of() : b.requestParameters;
        this.responseElements = b.responseElements == null ? Map.of() : b.responseElements;
        this.resourceIds = b.resourceIds == null ? NO_IDS : b.resourceIds;
        this.resourceCount = b.resourceCount;
        this.targetUserName = b.targetUserName;
        this.targetRoleName = b.targetRoleName;
        this.targetRoleArn = b.targetRoleArn;
        this.createdUserId = b.createdUserId;
        this.createdUserName = b.createdUserName;
        this.createdRoleId = b.createdRoleId;
        this.createdRoleName = b.createdRoleName;
        this.createdRoleArn = b.createdRoleArn;
        this.createdAccessKeyId = b.createdAccessKeyId;
        this.createdAccessKeyUser = b.createdAccessKeyUser;
        this.issuedAccessKeyId = b.issuedAccessKeyId;
        this.assumedRootAccountId = b.assumedRootAccountId;
        this.assumedRootTask = b.assumedRootTask;
        this.createdInstanceIds = b.createdInstanceIds == null ? NO_IDS : b.createdInstanceIds;
        this.selectorNarrowing = b.selectorNarrowing;
        this.lifecycleExpiries = b.lifecycleExpiries == null ? NO_EXPIRIES : b.lifecycleExpiries;
        this.versioningStatus = b.versioningStatus;
        this.kmsKeyId = b.kmsKeyId;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Field(value = "`eventID`: CloudTrail's unique id of the record; the key of the duplicate-delivery window.")
    public String getEventId() {
        return eventId;
    }

    @Field(value = "`eventTime` as recorded, normalised to ISO-8601 UTC (`2024-01-02T03:04:05Z`).")
    public String getEventTime() {
        return eventTime;
    }

    @Field(value = "`eventTime` in epoch milliseconds: the engine's clock.", derived = true)
    public long getEventTimeMillis() {
        return eventTimeMillis;
    }

    @Field(value = "`eventName`, the API action (`TerminateInstances`).")
    public String getEventName() {
        return eventName;
    }

    @Field(value = "`eventSource`, the service endpoint (`ec2.amazonaws.com`).")
    public String getEventSource() {
        return eventSource;
    }

    @Field(value = "`eventType` (`AwsApiCall`, `AwsServiceEvent`, `AwsConsoleSignIn`, ...).")
    public String getEventType() {
        return eventType;
    }

    @Field(value = "`awsRegion`.")
    public String getRegion() {
        return region;
    }

    @Field(value = "The account the call acted in: `recipientAccountId`, else `userIdentity.accountId`.", derived = true)
    public String getAccountId() {
        return accountId;
    }

    @Field(value = "`sourceIPAddress` (an IP, or a service name such as `autoscaling.amazonaws.com`).")
    public String getSourceIPAddress() {
        return sourceIPAddress;
    }

    @Field(value = "`userAgent`. Never a reason to suppress: it is trivially spoofed.")
    public String getUserAgent() {
        return userAgent;
    }

    @Field(value = "`errorCode`, null when absent or empty.")
    public String getErrorCode() {
        return errorCode;
    }

    @Field(value = "`errorMessage`, null when absent or empty.")
    public String getErrorMessage() {
        return errorMessage;
    }

    @Field(value = "True when the record has neither `errorCode` nor `errorMessage` (empty strings count as absent).", derived = true)
    public boolean isSuccess() {
        return success;
    }

    @Field(value = "`readOnly`, null when the record does not say.")
    public Boolean getReadOnly() {
        return readOnly;
    }

    @Field(value = "`userIdentity.type` (`IAMUser`, `AssumedRole`, `Root`, `AWSService`, ...).")
    public String getIdentityType() {
        return identityType;
    }

    @Field(value = "The stable actor key: the role ARN for assumed roles (not the per-session ARN), the user ARN for IAM users, the root ARN for root, the service for AWS services; see docs/principal.md.", derived = true)
    public String getPrincipal() {
        return principal;
    }

    @Field(value = "`userIdentity.arn` as recorded (for assumed roles, the session ARN).")
    public String getPrincipalArn() {
        return principalArn;
    }

    @Field(value = "`userIdentity.principalId` (for an IAM user, its user id: what `createdUserId` joins to).")
    public String getPrincipalId() {
        return principalId;
    }

    @Field(value = "`userIdentity.accessKeyId`: the key the call was signed with (what `createdAccessKeyId` joins to).")
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @Field(value = "The acting user's name: `userIdentity.userName`, else the session issuer's `userName`.", derived = true)
    public String getUserName() {
        return userName;
    }

    @Field(value = "The role session name of an assumed role or federated user, else null.", derived = true)
    public String getSessionName() {
        return sessionName;
    }

    @Field(value = "`userIdentity.invokedBy`: the AWS service that made the call on the principal's behalf.")
    public String getInvokedBy() {
        return invokedBy;
    }

    @Field(value = "True for `AWSService` identities and calls whose `invokedBy` or `sourceIPAddress` is an `*.amazonaws.com` service; console calls (`signin.amazonaws.com`, `AWS Internal`) are a person's, not a service's.", derived = true)
    public boolean isServiceInitiated() {
        return serviceInitiated;
    }

    @Field(value = "`sessionContext.attributes.mfaAuthenticated` is true.", derived = true)
    public boolean isMfaAuthenticated() {
        return mfaAuthenticated;
    }

    @Field(value = "`requestParameters` as a map (nested maps and lists); empty when absent. EPL: `requestParameters('bucketName')`.")
    public Map<String, Object> getRequestParameters() {
        return requestParameters;
    }

    @Field(value = "`responseElements` as a map; empty when absent.")
    public Map<String, Object> getResponseElements() {
        return responseElements;
    }

    @Field(value = "Ids of the resources the call acts on (each instance of a `TerminateInstances`, the bucket of a `DeleteBucket`, ...), else the ARNs in `resources`; never null.", derived = true)
    public String[] getResourceIds() {
        return resourceIds;
    }

    @Field(value = "Number of `resourceIds`, at least 1 for a call that names no resource: bursts count resources, not calls.", derived = true)
    public int getResourceCount() {
        return resourceCount;
    }

    @Field(value = "`requestParameters.userName`: the IAM user an IAM call acts on.", derived = true)
    public String getTargetUserName() {
        return targetUserName;
    }

    @Field(value = "`requestParameters.roleName`: the IAM role an IAM call acts on.", derived = true)
    public String getTargetRoleName() {
        return targetRoleName;
    }

    @Field(value = "`requestParameters.roleArn`: the role an `AssumeRole*` call assumes.", derived = true)
    public String getTargetRoleArn() {
        return targetRoleArn;
    }

    @Field(value = "`responseElements.user.userId` of `CreateUser`.", derived = true)
    public String getCreatedUserId() {
        return createdUserId;
    }

    @Field(value = "`responseElements.user.userName` of `CreateUser`.", derived = true)
    public String getCreatedUserName() {
        return createdUserName;
    }

    @Field(value = "`responseElements.role.roleId` of `CreateRole`.", derived = true)
    public String getCreatedRoleId() {
        return createdRoleId;
    }

    @Field(value = "`responseElements.role.roleName` of `CreateRole`.", derived = true)
    public String getCreatedRoleName() {
        return createdRoleName;
    }

    @Field(value = "`responseElements.role.arn` of `CreateRole`.", derived = true)
    public String getCreatedRoleArn() {
        return createdRoleArn;
    }

    @Field(value = "`responseElements.accessKey.accessKeyId` of `CreateAccessKey`.", derived = true)
    public String getCreatedAccessKeyId() {
        return createdAccessKeyId;
    }

    @Field(value = "`responseElements.accessKey.userName` of `CreateAccessKey`: whose key it is.", derived = true)
    public String getCreatedAccessKeyUser() {
        return createdAccessKeyUser;
    }

    @Field(value = "`responseElements.credentials.accessKeyId` of `AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`, `AssumeRoot`, `GetSessionToken` and `GetFederationToken`: the temporary key the call issued, which every call of the new session signs with (its `accessKeyId`); see docs/principal.md.", derived = true)
    public String getIssuedAccessKeyId() {
        return issuedAccessKeyId;
    }

    @Field(value = "The member account whose root an `AssumeRoot` session acts as: `requestParameters.targetPrincipal`, an account id, or the account of the principal ARN given there; null for other calls.", derived = true)
    public String getAssumedRootAccountId() {
        return assumedRootAccountId;
    }

    @Field(value = "The task policy an `AssumeRoot` session is scoped to: the name at the end of `requestParameters.taskPolicyArn.arn` (`IAMDeleteRootUserCredentials`, `S3UnlockBucketPolicy`, ...); null for other calls.", derived = true)
    public String getAssumedRootTask() {
        return assumedRootTask;
    }

    @Field(value = "Instance ids in `responseElements.instancesSet.items` of `RunInstances`; never null.", derived = true)
    public String[] getCreatedInstanceIds() {
        return createdInstanceIds;
    }

    @Field(value = "How a `PutEventSelectors` call narrows the management events its trail logs (`management events are no longer logged`, `write management events are no longer logged`, `management events from kms.amazonaws.com are no longer logged`), from its basic or advanced selectors; null when it keeps them all.", derived = true)
    public String getSelectorNarrowing() {
        return selectorNarrowing;
    }

    @Field(value = "The enabled rules of a `PutBucketLifecycle` that expire current objects or purge noncurrent versions, parsed from `requestParameters.LifecycleConfiguration` (one rule or many, `Filter` empty or with `Prefix`/`Tag`/`And`, `Expiration` with `Days` or `Date`; a `NoncurrentVersionExpiration` that keeps `NewerNoncurrentVersions` purges nothing); never null. Each has `ruleId`, `prefix` (empty: every key), `tagFilter`, `wholeBucket`, `currentDays`, `noncurrentDays`, `purgesVersions`, `daysToExpiry` (the sooner; a past `Date` is 0) and `description`. EPL: `lifecycleExpiries.anyOf(x => x.wholeBucket and x.daysToExpiry <= 7)`.", derived = true)
    public LifecycleExpiry[] getLifecycleExpiries() {
        return lifecycleExpiries;
    }

    @Field(value = "`requestParameters.VersioningConfiguration.Status` of an S3 `PutBucketVersioning` (`Enabled` or `Suspended`): suspended, an expiry destroys current objects for good instead of keeping them as noncurrent versions; null for other calls.", derived = true)
    public String getVersioningStatus() {
        return versioningStatus;
    }

    @Field(value = "The KMS key a `kms.amazonaws.com` call acts on, as its bare key id (`1234abcd-12ab-34cd-56ef-1234567890ab`): `requestParameters.keyId` with a key ARN's prefix removed, else the key ARN in `resources` (calls naming the key by alias); null for other services and calls naming no key. A multi-Region key and its replicas share one id (`mrk-...`): join on `accountId`, `region` and `kmsKeyId` for one key, without `region` for the key and its replicas.", derived = true)
    public String getKmsKeyId() {
        return kmsKeyId;
    }

    @Override
    public String toString() {
        return eventName + "@" + eventTime + " by " + principal + " (" + eventId + ")";
    }

    /** Fills a {@link CloudTrailEvent}; the decoder and tests use it. Unset arrays and maps become empty. */
    public static final class Builder {
        private String eventId;
        private String eventTime;
        private long eventTimeMillis;
        private String eventName;
        private String eventSource;
        private String eventType;
        private String region;
        private String accountId;
        private String sourceIPAddress;
        private String userAgent;
        private String errorCode;
        private String errorMessage;
        private boolean success;
        private Boolean readOnly;
        private String identityType;
        private String principal;
        private String principalArn;
        private String principalId;
        private String accessKeyId;
        private String userName;
        private String sessionName;
        private String invokedBy;
        private boolean serviceInitiated;
        private boolean mfaAuthenticated;
        private Map<String, Object> requestParameters;
        private Map<String, Object> responseElements;
        private String[] resourceIds;
        private int resourceCount;
        private String targetUserName;
        private String targetRoleName;
        private String targetRoleArn;
        private String createdUserId;
        private String createdUserName;
        private String createdRoleId;
        private String createdRoleName;
        private String createdRoleArn;
        private String createdAccessKeyId;
        private String createdAccessKeyUser;
        private String issuedAccessKeyId;
        private String assumedRootAccountId;
        private String assumedRootTask;
        private String[] createdInstanceIds;
        private String selectorNarrowing;
        private LifecycleExpiry[] lifecycleExpiries;
        private String versioningStatus;
        private String kmsKeyId;

        private Builder() {}

        /**
         * Resets every field to its initial value, so that one builder can make event after event (the decoder
         * makes one per input, not one per record) without a field of one record reaching the next.
         */
        Builder clear() {
            eventId = null;
            eventTime = null;
            eventTimeMillis = 0;
            eventName = null;
            eventSource = null;
            eventType = null;
            region = null;
            accountId = null;
            sourceIPAddress = null;
            userAgent = null;
            errorCode = null;
            errorMessage = null;
            success = false;
            readOnly = null;
            identityType = null;
            principal = null;
            principalArn = null;
            principalId = null;
            accessKeyId = null;
            userName = null;
            sessionName = null;
            invokedBy = null;
            serviceInitiated = false;
            mfaAuthenticated = false;
            requestParameters = null;
            responseElements = null;
            resourceIds = null;
            resourceCount = 0;
            targetUserName = null;
            targetRoleName = null;
            targetRoleArn = null;
            createdUserId = null;
            createdUserName = null;
            createdRoleId = null;
            createdRoleName = null;
            createdRoleArn = null;
            createdAccessKeyId = null;
            createdAccessKeyUser = null;
            issuedAccessKeyId = null;
            createdInstanceIds = null;
            selectorNarrowing = null;
            lifecycleExpiries = null;
            versioningStatus = null;
            kmsKeyId = null;
            assumedRootAccountId = null;
            assumedRootTask = null;
            return this;
        }

        public Builder eventId(String value) {
            this.eventId = value;
            return this;
        }

        public Builder eventTime(String value) {
            this.eventTime = value;
            return this;
        }

        public Builder eventTimeMillis(long value) {
            this.eventTimeMillis = value;
            return this;
        }

        public Builder eventName(String value) {
            this.eventName = value;
            return this;
        }

        public Builder eventSource(String value) {
            this.eventSource = value;
            return this;
        }

        public Builder eventType(String value) {
            this.eventType = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        public Builder sourceIPAddress(String value) {
            this.sourceIPAddress = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder errorCode(String value) {
            this.errorCode = value;
            return this;
        }

        public Builder errorMessage(String value) {
            this.errorMessage = value;
            return this;
        }

        public Builder success(boolean value) {
            this.success = value;
            return this;
        }

        public Builder readOnly(Boolean value) {
            this.readOnly = value;
            return this;
        }

        public Builder identityType(String value) {
            this.identityType = value;
            return this;
        }

        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        public Builder principalArn(String value) {
            this.principalArn = value;
            return this;
        }

        public Builder principalId(String value) {
            this.principalId = value;
            return this;
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = value;
            return this;
        }

        public Builder userName(String value) {
            this.userName = value;
            return this;
        }

        public Builder sessionName(String value) {
            this.sessionName = value;
            return this;
        }

        public Builder invokedBy(String value) {
            this.invokedBy = value;
            return this;
        }

        public Builder serviceInitiated(boolean value) {
            this.serviceInitiated = value;
            return this;
        }

        public Builder mfaAuthenticated(boolean value) {
            this.mfaAuthenticated = value;
            return this;
        }

        public Builder requestParameters(Map<String, Object> value) {
            this.requestParameters = value;
            return this;
        }

        public Builder responseElements(Map<String, Object> value) {
            this.responseElements = value;
            return this;
        }

        public Builder resourceIds(String[] value) {
            this.resourceIds = value;
            return this;
        }

        public Builder resourceCount(int value) {
            this.resourceCount = value;
            return this;
        }

        public Builder targetUserName(String value) {
            this.targetUserName = value;
            return this;
        }

        public Builder targetRoleName(String value) {
            this.targetRoleName = value;
            return this;
        }

        public Builder targetRoleArn(String value) {
            this.targetRoleArn = value;
            return this;
        }

        public Builder createdUserId(String value) {
            this.createdUserId = value;
            return this;
        }

        public Builder createdUserName(String value) {
            this.createdUserName = value;
            return this;
        }

        public Builder createdRoleId(String value) {
            this.createdRoleId = value;
            return this;
        }

        public Builder createdRoleName(String value) {
            this.createdRoleName = value;
            return this;
        }

        public Builder createdRoleArn(String value) {
            this.createdRoleArn = value;
            return this;
        }

        public Builder createdAccessKeyId(String value) {
            this.createdAccessKeyId = value;
            return this;
        }

        public Builder createdAccessKeyUser(String value) {
            this.createdAccessKeyUser = value;
            return this;
        }

        public Builder issuedAccessKeyId(String value) {
            this.issuedAccessKeyId = value;
            return this;
        }

        public Builder assumedRootAccountId(String value) {
            this.assumedRootAccountId = value;
            return this;
        }

        public Builder assumedRootTask(String value) {
            this.assumedRootTask = value;
            return this;
        }

        public Builder createdInstanceIds(String[] value) {
            this.createdInstanceIds = value;
            return this;
        }

        public Builder selectorNarrowing(String value) {
            this.selectorNarrowing = value;
            return this;
        }

        public Builder lifecycleExpiries(LifecycleExpiry[] value) {
            this.lifecycleExpiries = value;
            return this;
        }

        public Builder versioningStatus(String value) {
            this.versioningStatus = value;
            return this;
        }

        public Builder kmsKeyId(String value) {
            this.kmsKeyId = value;
            return this;
        }

        /** Builds the event; {@code eventId}, {@code eventName} and {@code eventTime} are required. */
        public CloudTrailEvent build() {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(eventTime, "eventTime");
            return new CloudTrailEvent(this);
        }
    }
}
