package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.SandboxStats;

/**
 * The whole job again, but the first run meets throttling, server errors and dropped connections on both systems,
 * with small pages and batches so faults hit reads, line reads and document change sets alike. Every check of
 * {@link AllFlowsTest} must still hold: faults slow the sync down, they neither lose nor duplicate anything.
 */
class AllFlowsUnderFaultsTest extends AllFlowsTest {
    SandboxStats stats;

    @Override
    Map<String, String> settings() {
        return Map.of("p2c.page-size", "60", "p2c.batch-size", "25");
    }

    @Override
    SyncFixture.Result firstRun() throws Exception {
        sandbox.setFaults(FaultSpec.parse("429=0.08,500=0.04,reset=0.02"));
        try {
            return sync.syncOnce();
        } finally {
            stats = sandbox.stats();
            sandbox.setFaults(FaultSpec.NONE);
        }
    }

    @Test
    @Order(0)
    void everyKindOfFaultHitAndRetryAfterWasHonoured() {
        assertThat(stats.throttled()).as("429s were sent; %s", stats).isPositive();
        assertThat(stats.serverErrors()).as("500s were sent").isPositive();
        assertThat(stats.resets()).as("connections were dropped").isPositive();
        assertThat(stats.retryAfterViolations()).as("no request came sooner than a Retry-After allowed").isZero();
    }
}
