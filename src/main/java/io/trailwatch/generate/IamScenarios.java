package io.trailwatch.generate;

import java.util.List;

/** IAM user and role lifecycles: create, use and delete within hours (attacks) and their everyday look-alikes. */
final class IamScenarios {

    static final String USER_RULE = "iam-user-create-use-delete";
    static final String ROLE_RULE = "iam-role-create-use-delete";
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

    private IamScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("iam-user-create-use-delete", USER_RULE, IamScenarios::userBackdoor),
                ScenarioScript.benign("iam-user-create-delete-unused", IamScenarios::userUnused),
                ScenarioScript.benign("iam-user-offboarding", IamScenarios::userOffboarding),
                ScenarioScript.attack("iam-role-create-use-delete", ROLE_RULE, IamScenarios::roleBackdoor),
                ScenarioScript.benign("iam-role-create-delete-unused", IamScenarios::roleUnused));
    }

    private static void userBackdoor(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Client client = ctx.attackerClient();
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        String userName = "svc-support-" + Ids.hex(ctx.rng(), 4);
        long t = ctx.start();
        NewUser user = createUserWithKey(ctx, p, client, userName, t, true);
        long use = t + MINUTE;
        for (int i = 0; i < 3 + ctx.rng().nextInt(4); i++) {
            use += MINUTE + ctx.rng().nextLong(5 * MINUTE);
            useAsUser(ctx, user, client, use);
        }
        long end = t + HOUR + ctx.rng().nextLong(3 * HOUR);
        deleteUser(ctx, p, client, user, end);
        ctx.describe(actor.principalKey(), "compromised user " + actor.name() + " creates user " + userName
                + " with an access key, uses it, then deletes both within hours");
    }

    private static void userUnused(ScenarioContext ctx) {
        Actor admin = ctx.account().first(Actor.Profile.ADMIN);
        Identity p = admin.freshSession(ctx.start(), ctx.rng());
        String userName = Names.person(ctx.rng()) + "-test";
        NewUser user = createUserWithKey(ctx, p, admin.client(), userName, ctx.start(), false);
        deleteUser(ctx, p, admin.client(), user, ctx.start() + 10 * MINUTE + ctx.rng().nextLong(30 * MINUTE));
        ctx.describe(admin.principalKey(), "admin creates user " + userName + " and a key by mistake and deletes both"
                + " unused");
    }

    private static void userOffboarding(ScenarioContext ctx) {
        Actor admin = ctx.account().first(Actor.Profile.ADMIN);
        Identity p = admin.freshSession(ctx.start(), ctx.rng());
        String userName = Names.person(ctx.rng()) + "-contractor";
        NewUser user = createUserWithKey(ctx, p, admin.client(), userName, ctx.start(), false);
        Client userClient = new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng()));
        long use = ctx.start() + 5 * MINUTE;
        for (int i = 0; i < 4; i++) {
            use += ctx.rng().nextLong(20 * MINUTE);
            useAsUser(ctx, user, userClient, use);
        }
        Identity other = ctx.dedicatedUser("it.offboarding");
        long end = ctx.start() + 48 * HOUR + ctx.rng().nextLong(24 * HOUR);
        deleteUser(ctx, other, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), user, end);
        ctx.describe(admin.principalKey(), "contractor " + userName + " onboarded and active, offboarded by "
                + other.principalKey() + " days later");
    }

    private static void roleBackdoor(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Client client = ctx.attackerClient();
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        String roleName = "ops-maintenance-" + Ids.hex(ctx.rng(), 4);
        String roleId = Ids.iamId(ctx.rng(), "AROA");
        long t = ctx.start();
        createRole(ctx, p, client, roleName, roleId, t, actor.principalKey());
        ctx.emit(ctx.call(t + 4_000, p, client, 0, "iam", "AttachRolePolicy")
                .request(Json.obj("roleName", roleName, "policyArn", ADMIN_POLICY)));
        long assume = t + MINUTE + ctx.rng().nextLong(MINUTE);
        String sessionName = "aws-go-sdk-" + assume;
        Identity session = ctx.assumeRole(p, client, assume, roleName, roleId, sessionName);
        long use = assume;
        for (int i = 0; i < 2 + ctx.rng().nextInt(4); i++) {
            use += 30_000 + ctx.rng().nextLong(4 * MINUTE);
            useAs(ctx, session, client, use);
        }
        long end = t + 30 * MINUTE + ctx.rng().nextLong(3 * HOUR);
        ctx.emit(ctx.call(end, p, client, 0, "iam", "DetachRolePolicy")
                .request(Json.obj("roleName", roleName, "policyArn", ADMIN_POLICY)));
        ctx.emit(ctx.call(end + 3_000, p, client, 0, "iam", "DeleteRole").request(Json.obj("roleName", roleName)));
        ctx.describe(actor.principalKey(), "compromised user " + actor.name() + " creates admin role " + roleName
                + ", assumes it, acts through it, then deletes it");
    }

    private static void roleUnused(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        String roleName = Names.app(ctx.rng()) + "-preview-" + Ids.hex(ctx.rng(), 4);
        String roleId = Ids.iamId(ctx.rng(), "AROA");
        createRole(ctx, p, ci.client(), roleName, roleId, ctx.start(), "arn:aws:iam::" + ctx.accountId() + ":root");
        ctx.emit(ctx.call(ctx.start() + 20 * MINUTE + ctx.rng().nextLong(20 * MINUTE), p, ci.client(), 0, "iam",
                "DeleteRole").request(Json.obj("roleName", roleName)));
        ctx.describe(ci.principalKey(), "CI creates a preview-environment role and deletes it without assuming it");
    }

    private record NewUser(String name, String userId, String accessKeyId) {
    }

    private static NewUser createUserWithKey(ScenarioContext ctx, Identity p, Client client, String userName, long t,
                                             boolean admin) {
        String userId = Ids.iamId(ctx.rng(), "AIDA");
        String keyId = Ids.iamId(ctx.rng(), "AKIA");
        ctx.emit(ctx.call(t, p, client, 0, "iam", "CreateUser").request(Json.obj("userName", userName))
                .response(CallShapes.createUserResponse(ctx.accountId(), userName, userId, t)));
        if (admin) {
            ctx.emit(ctx.call(t + 2_000, p, client, 0, "iam", "AttachUserPolicy")
                    .request(Json.obj("userName", userName, "policyArn", ADMIN_POLICY)));
        }
        ctx.emit(ctx.call(t + 5_000, p, client, 0, "iam", "CreateAccessKey").request(Json.obj("userName", userName))
                .response(CallShapes.createAccessKeyResponse(userName, keyId, t + 5_000)));
        return new NewUser(userName, userId, keyId);
    }

    private static void deleteUser(ScenarioContext ctx, Identity p, Client client, NewUser user, long t) {
        ctx.emit(ctx.call(t, p, client, 0, "iam", "DeleteAccessKey")
                .request(Json.obj("userName", user.name(), "accessKeyId", user.accessKeyId())));
        ctx.emit(ctx.call(t + 4_000, p, client, 0, "iam", "DeleteUser").request(Json.obj("userName", user.name())));
    }

    private static void useAsUser(ScenarioContext ctx, NewUser user, Client client, long t) {
        useAs(ctx, Identity.iamUser(ctx.accountId(), user.name(), user.userId(), user.accessKeyId()), client, t);
    }

    private static void useAs(ScenarioContext ctx, Identity identity, Client client, long t) {
        int region = ctx.region();
        switch (ctx.rng().nextInt(5)) {
            case 0 -> ctx.emit(ctx.call(t, identity, client, region, "sts", "GetCallerIdentity"));
            case 1 -> ctx.emit(ctx.call(t, identity, client, region, "s3", "ListBuckets")
                    .request(Json.obj("Host", "s3.amazonaws.com")));
            case 2 -> ctx.emit(ctx.call(t, identity, client, region, "ec2", "DescribeInstances")
                    .request(Json.obj("instancesSet", Json.obj(), "filterSet", Json.obj())));
            case 3 -> ctx.emit(ctx.call(t, identity, client, 0, "iam", "ListUsers"));
            default -> ctx.emit(ctx.call(t, identity, client, region, "secretsmanager", "ListSecrets")
                    .request(Json.obj("maxResults", 100)));
        }
    }

    private static void createRole(ScenarioContext ctx, Identity p, Client client, String roleName, String roleId,
                                   long t, String trusted) {
        ctx.emit(ctx.call(t, p, client, 0, "iam", "CreateRole")
                .request(CallShapes.createRoleRequest(roleName, trusted))
                .response(CallShapes.createRoleResponse(ctx.accountId(), roleName, roleId, t)));
    }
}
