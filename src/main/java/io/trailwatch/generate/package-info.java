/**
 * Synthetic CloudTrail for load tests, benchmarks and regression: {@link io.trailwatch.generate.Generator} writes
 * {@code OUT/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<16>.json.gz}
 * files (gzip of {@code {"Records":[...]}}, one per account, region and 5 minutes, records unsorted), hourly
 * {@code CloudTrail-Digest} files listing them, and {@code OUT/ground-truth.json}.
 *
 * <p>Content: a simulated organisation (accounts with IAM users, SSO, CI, application and Terraform roles, AWS
 * services and occasionally root) calling ~30 services and several hundred event names, mostly reads, some failing;
 * ~1% of records delivered 5–15 minutes late and ~0.5% delivered twice. With scenarios on, attacks for each rule of
 * the pack ({@code iam-user-create-use-delete}, {@code iam-role-create-use-delete}, {@code bulk-destruction},
 * {@code instance-create-terminate}, {@code ecs-service-delete-burst}, {@code ami-deregistration},
 * {@code s3-lifecycle-expiry}, {@code kms-key-deletion}, {@code cloudtrail-logging-impaired}) and benign look-alikes
 * are injected; the ground truth lists each with its expected rule (null for look-alikes), principal, account, event
 * ids and time range, plus the maintenance windows look-alikes rely on.
 *
 * <p>Determinism: every random choice comes from one {@link java.util.SplittableRandom} seeded by the options, times
 * come from the configured start (never the wall clock), iteration is over ordered collections, and gzip headers
 * carry no timestamp, so the same options give the same bytes.
 */
package io.trailwatch.generate;
