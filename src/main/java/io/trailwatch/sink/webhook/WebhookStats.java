package io.trailwatch.sink.webhook;

/**
 * A snapshot of a webhook sink's counters.
 *
 * @param delivered      alerts the endpoint accepted (2xx)
 * @param retried        requests retried after a retryable failure (connection error, timeout, 408, 429, 5xx)
 * @param failedAttempts requests that failed, retried or not
 * @param rejected       alerts the endpoint refused for good (4xx other than 408/429), kept in {@code rejected/}
 * @param spoolSize      alerts waiting in the spool
 * @param lastError      the last failure, with the URL redacted; null when none yet
 */
public record WebhookStats(long delivered, long retried, long failedAttempts, long rejected, int spoolSize,
                           String lastError) {}
