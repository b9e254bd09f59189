package io.trailwatch.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible human, role, resource and client names for generated records. */
final class Names {

    private static final List<String> FIRST = List.of("alice", "bruno", "chen", "dana", "emeka", "farah", "goran", "hana",
            "ivan", "julia", "kofi", "lena", "marco", "nadia", "omar", "priya", "quentin", "rosa", "sven", "tomoko");
    private static final List<String> LAST = List.of("nguyen", "schmidt", "okafor", "garcia", "kowalski", "tanaka",
            "haddad", "silva", "johansson", "patel", "moreau", "rossi", "novak", "kim", "obrien", "fischer");
    private static final List<String> APPS = List.of("orders-api", "ingest", "billing-worker", "reporting-etl", "payments",
            "search-indexer", "notifications", "inventory-sync", "auth-gateway", "media-transcoder");
    private static final List<String> NOUNS = List.of("logs", "assets", "backups", "exports", "artifacts", "reports",
            "uploads", "data-lake", "static-site", "audit");
    private static final List<String> CLI_AGENTS = List.of(
            "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0-1016-aws md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off command/ec2.describe-instances",
            "aws-cli/2.13.25 Python/3.11.5 Darwin/23.2.0 exe/x86_64 prompt/off command/s3.ls",
            "[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36]",
            "AWS Internal");
    private static final List<String> SDK_AGENTS = List.of(
            "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.6 md/GOOS#linux md/GOARCH#amd64 api/ecs#1.40.1",
            "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython exec-env/AWS_Lambda_python3.11 cfg/retry-mode#legacy Botocore/1.34.51",
            "aws-sdk-java/2.25.6 Linux/5.10.209-198.858.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
            "aws-sdk-js/3.515.0 ua/2.0 os/linux#5.10.209-198.858.amzn2.x86_64 lang/js md/nodejs#20.11.0 api/dynamodb#3.515.0");
    private static final String TERRAFORM_AGENT = "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) "
            + "terraform-provider-aws/5.38.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 "
            + "os/linux lang/go#1.22.0 md/GOOS#linux md/GOARCH#amd64";
    private static final List<String> ATTACKER_AGENTS = List.of(
            "aws-cli/1.18.69 Python/3.8.10 Linux/5.4.0-150-generic botocore/1.16.19",
            "Boto3/1.26.0 Python/3.10.12 Linux/6.2.0-39-generic Botocore/1.29.0",
            "python-requests/2.31.0", "Go-http-client/1.1");

    private Names() {
    }

    static String person(SplittableRandom rng) {
        return pick(rng, FIRST) + "." + pick(rng, LAST);
    }

    static String email(SplittableRandom rng) {
        return person(rng) + "@example.com";
    }

    static String app(SplittableRandom rng) {
        return pick(rng, APPS);
    }

    static String bucket(SplittableRandom rng, String accountId) {
        return "acme-" + pick(rng, NOUNS) + "-" + accountId.substring(0, 6) + "-" + Ids.hex(rng, 4);
    }

    static String humanAgent(SplittableRandom rng) {
        return pick(rng, CLI_AGENTS);
    }

    static String sdkAgent(SplittableRandom rng) {
        return pick(rng, SDK_AGENTS);
    }

    static String terraformAgent() {
        return TERRAFORM_AGENT;
    }

    static String attackerAgent(SplittableRandom rng) {
        return pick(rng, ATTACKER_AGENTS);
    }

    static <T> T pick(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }
}
