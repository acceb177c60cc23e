package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.StateStore;

/**
 * A contact of a prospect waits for an account the accounts area never syncs (it keeps customers only): after
 * p2c.waiting.max-attempts runs it is a failed record naming the reference, not a record waiting forever.
 */
class WaitingLimitTest {
    @TempDir
    Path dir;

    @Test
    void aContactOfAProspectFailsAfterTheMaximumAttemptsNamingTheReference() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(60))) {
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.waiting.max-attempts", "3"));
            SyncFixture.Result first = sync.syncOnce("accounts", "contacts");
            long waiting = first.count("contacts", "waiting");
            assertThat(waiting).as("contacts of prospects and other non-customers: " + first.printed()).isPositive();
            assertThat(first.count("contacts", "failed")).isZero();

            SyncFixture.Result second = sync.syncOnce("contacts");
            assertThat(second.count("contacts", "waiting")).as("attempt 2 of 3: still waiting").isEqualTo(waiting);
            assertThat(second.count("contacts", "failed")).isZero();

            java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
            java.io.PrintStream err = System.err;
            SyncFixture.Result third;
            // slf4j-simple writes to System.err as it is at each line: the log of this run, as an operator reads it
            System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                third = sync.syncOnce("contacts");
            } finally {
                System.setErr(err);
            }
            String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(third.count("contacts", "waiting")).isZero();
            assertThat(third.count("contacts", "failed")).isEqualTo(waiting);
            assertThat(third.exitCode()).isEqualTo(2);
            assertThat(logged.lines().filter(l -> l.contains(" WARN ") && l.contains("contacts: record ")
                    && l.contains(" failed at waiting: still waiting after 3 runs")).count()).as(logged)
                    .isEqualTo(waiting);
            try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
                assertThat(state.pending().count("contacts")).isZero();
                List<ErrorRow> errors = state.errors().open("contacts", 1000);
                assertThat(errors).hasSize((int) waiting);
                assertThat(errors.get(0).stage()).isEqualTo("waiting");
                assertThat(errors.get(0).reason()).contains("still waiting after 3 runs (p2c.waiting.max-attempts)")
                        .contains("accounts record").contains("not synced yet").contains("filtered out");
            }
            SyncFixture.Result fourth = sync.syncOnce("contacts");
            assertThat(fourth.count("contacts", "read")).as("failed, no longer re-read every run").isZero();
        }
    }
}
