package io.trailwatch.generate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The background call mix: ~30 services and several hundred event names, read calls dominating. Destructive and
 * detection-relevant calls (trail changes, AMI deregistration, user and role deletion) are left to scenarios, except
 * for a few spaced-out everyday deletions.
 */
final class ApiCatalog {

    /** Everyday deletions, at most one per actor every two minutes so they stay below burst thresholds. */
    static final List<String> EVERYDAY_DELETES = List.of("DeleteVolume", "DeleteSnapshot", "TerminateInstances");

    static final Map<String, Service> SERVICES = services();
    private final Map<Actor.Profile, Mix> mixes = new EnumMap<>(Actor.Profile.class);

    ApiCatalog() {
        mixes.put(Actor.Profile.HUMAN, mix("ec2 8 s3 6 iam 5 sts 3 cloudwatch 3 logs 3 lambda 2 ecs 2 rds 2 cloudformation 2 "
                + "dynamodb 1 sqs 1 sns 1 kms 1 secretsmanager 1 ssm 2 route53 1 elasticloadbalancing 1 autoscaling 1 "
                + "cloudtrail 1 guardduty 1 securityhub 1 eks 1 apigateway 1 states 1 events 1 kinesis 1 "
                + "elasticfilesystem 1 acm 1 organizations 1 health 1 backup 1 config 1"));
        mixes.put(Actor.Profile.ADMIN, mixes.get(Actor.Profile.HUMAN));
        mixes.put(Actor.Profile.ROOT, mix("iam 3 s3 2 ec2 2 organizations 1 health 1"));
        mixes.put(Actor.Profile.CI, mix("ecr 8 ecs 6 s3 5 sts 4 cloudformation 4 lambda 3 iam 2 ssm 2 logs 1 kms 1 "
                + "elasticloadbalancing 1 ec2 2"));
        mixes.put(Actor.Profile.APP, mix("kms 8 s3 6 secretsmanager 4 dynamodb 4 sqs 4 ssm 3 sts 3 logs 2 sns 2 "
                + "kinesis 1 states 1 events 1"));
        mixes.put(Actor.Profile.TERRAFORM, mix("ec2 6 iam 4 s3 4 rds 2 ecs 2 lambda 2 elasticloadbalancing 2 route53 1 "
                + "dynamodb 1 kms 1 logs 1 sts 2"));
        mixes.put(Actor.Profile.CONFIG, mix("ec2 6 iam 3 s3 3 rds 2 lambda 2 elasticloadbalancing 1 dynamodb 1 kms 1 "
                + "config 3 cloudtrail 1 acm 1"));
        mixes.put(Actor.Profile.AUTOSCALING, mix("ec2 6 elasticloadbalancing 1 autoscaling 1"));
    }

    /** A background call an actor of this profile plausibly makes. */
    Choice pick(Actor.Profile profile, SplittableRandom rng) {
        Mix mix = mixes.get(profile);
        Service service = mix.services[Weighted.pick(mix.cumulative, rng)];
        double readShare = switch (profile) {
            case CONFIG -> 1.0;
            case CI, TERRAFORM -> 0.75;
            default -> 0.88;
        };
        boolean read = service.writes().isEmpty() || rng.nextDouble() < readShare;
        List<String> names = read ? service.reads() : service.writes();
        return new Choice(service, names.get(zipf(names.size(), rng)), read);
    }

    /** A chosen service and event name. */
    record Choice(Service service, String eventName, boolean readOnly) {
    }

    private static int zipf(int size, SplittableRandom rng) {
        double u = rng.nextDouble();
        return Math.min(size - 1, (int) Math.floor(Math.pow(size + 1.0, u) - 1.0));
    }

    private static Mix mix(String spec) {
        String[] parts = spec.trim().split("\\s+");
        Service[] services = new Service[parts.length / 2];
        double[] cumulative = new double[services.length];
        double sum = 0;
        for (int i = 0; i < services.length; i++) {
            services[i] = SERVICES.get(parts[2 * i]);
            if (services[i] == null) {
                throw new IllegalStateException("call mix names unknown service '" + parts[2 * i] + "'");
            }
            sum += Double.parseDouble(parts[2 * i + 1]);
            cumulative[i] = sum;
        }
        return new Mix(services, cumulative);
    }

    private record Mix(Service[] services, double[] cumulative) {
    }

    private static Map<String, Service> services() {
        Map<String, Service> s = new LinkedHashMap<>();
        add(s, Service.of("ec2", false, "DescribeInstances DescribeInstanceStatus DescribeVolumes DescribeSecurityGroups "
                + "DescribeSubnets DescribeVpcs DescribeNetworkInterfaces DescribeSnapshots DescribeImages DescribeAddresses "
                + "DescribeKeyPairs DescribeLaunchTemplates DescribeLaunchTemplateVersions DescribeRouteTables "
                + "DescribeInternetGateways DescribeNatGateways DescribeAvailabilityZones DescribeRegions DescribeTags "
                + "DescribeVpcEndpoints DescribeInstanceTypes DescribeAccountAttributes DescribeSpotPriceHistory "
                + "DescribeVolumesModifications DescribeFlowLogs DescribeNetworkAcls DescribePrefixLists "
                + "DescribeTransitGateways DescribeSecurityGroupRules DescribeInstanceAttribute GetConsoleOutput "
                + "DescribeVolumeStatus DescribeCapacityReservations DescribeHosts DescribeIamInstanceProfileAssociations",
                "CreateTags RunInstances StartInstances StopInstances CreateVolume AttachVolume DetachVolume CreateSnapshot "
                + "ModifyInstanceAttribute AuthorizeSecurityGroupIngress RevokeSecurityGroupIngress "
                + "CreateNetworkInterface DeleteNetworkInterface CreateLaunchTemplateVersion DeleteTags "
                + "DeleteVolume DeleteSnapshot TerminateInstances"));
        add(s, Service.of("s3", false, "ListBuckets GetBucketLocation GetBucketPolicy GetBucketAcl GetBucketVersioning "
                + "GetBucketEncryption GetBucketTagging GetBucketLogging GetBucketPublicAccessBlock "
                + "GetBucketOwnershipControls GetBucketLifecycle GetBucketReplication GetBucketNotification GetBucketCors "
                + "GetBucketWebsite GetAccelerateConfiguration GetBucketRequestPayment GetBucketObjectLockConfiguration "
                + "GetBucketPolicyStatus GetBucketIntelligentTieringConfiguration",
                "PutBucketTagging PutBucketPolicy PutBucketEncryption PutBucketVersioning PutBucketLifecycle "
                + "PutBucketPublicAccessBlock CreateBucket PutBucketNotification"));
        add(s, Service.of("iam", true, "GetUser GetRole ListRoles ListUsers GetPolicy GetPolicyVersion ListAttachedRolePolicies "
                + "ListAttachedUserPolicies ListRolePolicies ListUserPolicies ListGroups ListGroupsForUser ListAccessKeys "
                + "ListMFADevices GetAccountSummary GetAccountAuthorizationDetails ListInstanceProfiles GetInstanceProfile "
                + "ListServerCertificates ListAccountAliases GetAccountPasswordPolicy ListEntitiesForPolicy GetRolePolicy "
                + "GenerateCredentialReport GetCredentialReport ListOpenIDConnectProviders ListSAMLProviders "
                + "SimulatePrincipalPolicy ListPolicies GetLoginProfile ListSSHPublicKeys GetAccessKeyLastUsed",
                "TagRole TagUser CreatePolicyVersion UpdateAssumeRolePolicy PutRolePolicy AttachRolePolicy "
                + "UpdateAccessKey CreateServiceLinkedRole DeletePolicyVersion"));
        add(s, Service.of("sts", false, "GetCallerIdentity AssumeRole GetSessionToken DecodeAuthorizationMessage "
                + "GetAccessKeyInfo", ""));
        add(s, Service.of("lambda", false, "ListFunctions20150331 GetFunction20150331v2 GetFunctionConfiguration20150331v2 "
                + "ListAliases20150331 ListVersionsByFunction20150331 GetPolicy20150331v2 ListEventSourceMappings20150331 "
                + "ListLayers20181031 GetLayerVersion20181031 ListTags20170331 GetFunctionCodeSigningConfig "
                + "GetAccountSettings20160819 GetFunctionConcurrency",
                "UpdateFunctionCode20150331v2 UpdateFunctionConfiguration20150331v2 PublishVersion20150331 "
                + "CreateFunction20150331 AddPermission20150331v2 TagResource20170331v2"));
        add(s, Service.of("ecs", false, "ListClusters DescribeClusters ListServices DescribeServices ListTasks DescribeTasks "
                + "DescribeTaskDefinition ListTaskDefinitions ListContainerInstances DescribeContainerInstances "
                + "ListTagsForResource DescribeCapacityProviders ListTaskDefinitionFamilies",
                "UpdateService RegisterTaskDefinition RunTask StopTask DeregisterTaskDefinition CreateService TagResource"));
        add(s, Service.of("ecr", false, "GetAuthorizationToken BatchCheckLayerAvailability BatchGetImage "
                + "GetDownloadUrlForLayer DescribeRepositories DescribeImages ListImages GetLifecyclePolicy "
                + "GetRepositoryPolicy DescribeImageScanFindings DescribeRegistry",
                "PutImage InitiateLayerUpload CompleteLayerUpload PutLifecyclePolicy TagResource"));
        add(s, Service.of("cloudformation", false, "DescribeStacks ListStacks DescribeStackEvents DescribeStackResources "
                + "ListStackResources GetTemplate DescribeChangeSet ListChangeSets GetTemplateSummary ListExports "
                + "DescribeStackResource ValidateTemplate DescribeType ListStackSets",
                "CreateChangeSet ExecuteChangeSet UpdateStack CreateStack DeleteChangeSet"));
        add(s, Service.of("monitoring", false, "DescribeAlarms GetMetricData GetMetricStatistics ListMetrics "
                + "DescribeAlarmHistory ListDashboards GetDashboard DescribeAlarmsForMetric DescribeAnomalyDetectors",
                "PutMetricAlarm PutDashboard SetAlarmState"));
        s.put("cloudwatch", s.get("monitoring"));
        add(s, Service.of("logs", false, "DescribeLogGroups DescribeLogStreams FilterLogEvents GetLogEvents "
                + "DescribeMetricFilters DescribeSubscriptionFilters DescribeQueries GetQueryResults StartQuery "
                + "DescribeResourcePolicies ListTagsLogGroup DescribeExportTasks",
                "CreateLogGroup CreateLogStream PutRetentionPolicy PutSubscriptionFilter TagLogGroup"));
        add(s, Service.of("kms", false, "Decrypt GenerateDataKey DescribeKey Encrypt ListAliases ListKeys GetKeyPolicy "
                + "GetKeyRotationStatus ListGrants ListResourceTags GetPublicKey",
                "CreateGrant RetireGrant EnableKeyRotation TagResource CreateAlias"));
        add(s, Service.of("secretsmanager", false, "GetSecretValue DescribeSecret ListSecrets GetResourcePolicy "
                + "ListSecretVersionIds", "PutSecretValue UpdateSecret CreateSecret RotateSecret TagResource"));
        add(s, Service.of("ssm", false, "GetParameter GetParameters GetParametersByPath DescribeParameters "
                + "DescribeInstanceInformation ListCommands ListCommandInvocations DescribeAssociation ListAssociations "
                + "GetInventory DescribeInstancePatchStates GetDocument DescribeDocument ListDocuments "
                + "DescribeMaintenanceWindows GetCommandInvocation",
                "PutParameter UpdateInstanceInformation SendCommand CreateAssociation LabelParameterVersion"));
        add(s, Service.of("dynamodb", false, "DescribeTable ListTables DescribeContinuousBackups DescribeTimeToLive "
                + "ListTagsOfResource DescribeGlobalTable ListBackups DescribeKinesisStreamingDestination "
                + "DescribeContributorInsights DescribeEndpoints", "UpdateTable CreateTable CreateBackup TagResource "
                + "UpdateTimeToLive"));
        add(s, Service.of("rds", false, "DescribeDBInstances DescribeDBClusters DescribeDBSnapshots "
                + "DescribeDBClusterSnapshots DescribeDBSubnetGroups DescribeDBParameterGroups DescribeDBParameters "
                + "DescribeEvents DescribeDBEngineVersions DescribeOrderableDBInstanceOptions "
                + "DescribePendingMaintenanceActions DescribeDBLogFiles ListTagsForResource DescribeDBProxies "
                + "DescribeDBClusterParameterGroups DescribeOptionGroups",
                "CreateDBSnapshot ModifyDBInstance RebootDBInstance AddTagsToResource StartDBInstance StopDBInstance"));
        add(s, Service.of("sqs", false, "GetQueueAttributes ListQueues GetQueueUrl ListQueueTags ListDeadLetterSourceQueues",
                "SetQueueAttributes CreateQueue TagQueue"));
        add(s, Service.of("sns", false, "ListTopics GetTopicAttributes ListSubscriptions ListSubscriptionsByTopic "
                + "GetSubscriptionAttributes ListTagsForResource GetSMSAttributes ListPlatformApplications",
                "Subscribe SetTopicAttributes CreateTopic Unsubscribe"));
        add(s, Service.of("elasticloadbalancing", false, "DescribeTargetHealth DescribeLoadBalancers DescribeTargetGroups "
                + "DescribeListeners DescribeRules DescribeLoadBalancerAttributes DescribeTargetGroupAttributes "
                + "DescribeTags DescribeSSLPolicies DescribeListenerCertificates DescribeAccountLimits",
                "RegisterTargets DeregisterTargets ModifyTargetGroupAttributes CreateRule ModifyListener AddTags"));
        add(s, Service.of("autoscaling", false, "DescribeAutoScalingGroups DescribeAutoScalingInstances "
                + "DescribeLaunchConfigurations DescribeScalingActivities DescribePolicies DescribeScheduledActions "
                + "DescribeLifecycleHooks DescribeWarmPool DescribeAccountLimits DescribeNotificationConfigurations",
                "UpdateAutoScalingGroup SetDesiredCapacity PutScalingPolicy CompleteLifecycleAction CreateOrUpdateTags"));
        add(s, Service.of("route53", true, "ListHostedZones GetHostedZone ListResourceRecordSets GetChange "
                + "ListHealthChecks GetHealthCheckStatus ListHostedZonesByName GetHostedZoneCount ListQueryLoggingConfigs",
                "ChangeResourceRecordSets ChangeTagsForResource"));
        add(s, Service.of("cloudtrail", false, "DescribeTrails GetTrailStatus LookupEvents GetEventSelectors ListTrails "
                + "GetTrail GetInsightSelectors ListEventDataStores", ""));
        add(s, Service.of("config", false, "DescribeConfigRules DescribeConfigurationRecorders "
                + "DescribeConfigurationRecorderStatus DescribeDeliveryChannels GetComplianceDetailsByConfigRule "
                + "DescribeComplianceByConfigRule GetResourceConfigHistory ListDiscoveredResources "
                + "DescribeConfigRuleEvaluationStatus BatchGetResourceConfig",
                "PutEvaluations PutConfigRule StartConfigRulesEvaluation"));
        add(s, Service.of("guardduty", false, "ListDetectors GetDetector ListFindings GetFindings GetFindingsStatistics "
                + "ListFilters GetAdministratorAccount ListMembers ListPublishingDestinations",
                "ArchiveFindings UpdateDetector CreateFilter"));
        add(s, Service.of("securityhub", false, "GetFindings DescribeHub GetEnabledStandards DescribeStandardsControls "
                + "ListEnabledProductsForImport GetInsights DescribeProducts ListFindingAggregators",
                "BatchUpdateFindings BatchImportFindings UpdateStandardsControl"));
        add(s, Service.of("eks", false, "ListClusters DescribeCluster ListNodegroups DescribeNodegroup ListAddons "
                + "DescribeAddon ListFargateProfiles DescribeUpdate ListUpdates ListAccessEntries",
                "UpdateNodegroupConfig UpdateClusterConfig TagResource CreateAddon"));
        add(s, Service.of("apigateway", false, "GetRestApis GetResources GetStages GetDeployments GetDomainNames "
                + "GetUsagePlans GetApiKeys GetAuthorizers GetBasePathMappings", "CreateDeployment UpdateStage"));
        add(s, Service.of("states", false, "ListStateMachines DescribeStateMachine ListExecutions DescribeExecution "
                + "GetExecutionHistory ListActivities", "StartExecution UpdateStateMachine"));
        add(s, Service.of("events", false, "ListRules DescribeRule ListTargetsByRule DescribeEventBus ListEventBuses "
                + "ListArchives", "PutRule PutTargets EnableRule DisableRule"));
        add(s, Service.of("kinesis", false, "ListStreams DescribeStream DescribeStreamSummary ListShards "
                + "ListStreamConsumers ListTagsForStream", "IncreaseStreamRetentionPeriod AddTagsToStream UpdateShardCount"));
        add(s, Service.of("elasticfilesystem", false, "DescribeFileSystems DescribeMountTargets DescribeAccessPoints "
                + "DescribeBackupPolicy DescribeLifecycleConfiguration DescribeFileSystemPolicy",
                "CreateAccessPoint PutLifecycleConfiguration TagResource"));
        add(s, Service.of("acm", false, "ListCertificates DescribeCertificate GetCertificate ListTagsForCertificate",
                "RequestCertificate AddTagsToCertificate"));
        add(s, Service.of("organizations", true, "DescribeOrganization ListAccounts ListRoots ListPolicies DescribeAccount "
                + "ListParents ListOrganizationalUnitsForParent ListDelegatedAdministrators", "TagResource"));
        add(s, Service.of("health", true, "DescribeEvents DescribeEventAggregates DescribeEventDetails "
                + "DescribeAffectedEntities", ""));
        add(s, Service.of("backup", false, "ListBackupPlans ListBackupVaults ListBackupJobs DescribeBackupVault "
                + "GetBackupPlan ListRecoveryPointsByBackupVault ListProtectedResources", "StartBackupJob TagResource"));
        return s;
    }

    private static void add(Map<String, Service> services, Service service) {
        services.put(service.key(), service);
    }
}
