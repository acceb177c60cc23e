package org.p2csync.sandbox;

/**
 * What the sandbox has seen since it started.
 *
 * @param crmRequests data requests to the CRM service (a $batch counts once)
 * @param metadataApiRequests those of the CRM requests that went to its metadata Web API ({@code EntityDefinitions}:
 *     setup and the start-up check of what the mappings need)
 * @param erpRequests data requests to the ERP service (a $batch counts once)
 * @param tokenRequests requests to the token endpoint
 * @param unauthorized requests refused with 401
 * @param throttled 429 responses sent
 * @param retryAfterViolations requests that arrived before the Retry-After of a 429 sent to the same client
 * @param serverErrors injected 500 responses
 * @param resets connections dropped without a response
 * @param malformed collection bodies cut off mid-way
 * @param batches $batch requests processed
 * @param batchOperations requests inside those batches
 */
public record SandboxStats(
        long crmRequests,
        long metadataApiRequests,
        long erpRequests,
        long tokenRequests,
        long unauthorized,
        long throttled,
        long retryAfterViolations,
        long serverErrors,
        long resets,
        long malformed,
        long batches,
        long batchOperations) {}
