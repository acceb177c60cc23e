package org.p2csync.sandbox;

import java.util.concurrent.atomic.LongAdder;

/** Live counters behind {@link SandboxStats}; thread-safe, one per sandbox. */
final class SandboxMetrics {
    final LongAdder crmRequests = new LongAdder();
    final LongAdder metadataApiRequests = new LongAdder();
    final LongAdder erpRequests = new LongAdder();
    final LongAdder tokenRequests = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder retryAfterViolations = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder resets = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder batchOperations = new LongAdder();

    void request(String system) {
        (system.equals("crm") ? crmRequests : erpRequests).increment();
    }

    void batch(int operations) {
        batches.increment();
        batchOperations.add(operations);
    }

    SandboxStats snapshot() {
        return new SandboxStats(crmRequests.sum(), metadataApiRequests.sum(), erpRequests.sum(), tokenRequests.sum(), unauthorized.sum(),
                throttled.sum(), retryAfterViolations.sum(), serverErrors.sum(), resets.sum(), malformed.sum(),
                batches.sum(), batchOperations.sum());
    }
}
