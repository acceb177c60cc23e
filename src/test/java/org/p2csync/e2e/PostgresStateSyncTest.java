package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/** With p2c.state.url the sync keeps cursors, hashes and run history in PostgreSQL, as clustered instances do. */
class PostgresStateSyncTest {
    @TempDir
    Path dir;

    @Test
    void syncKeepsItsStateInPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300))) {
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of(
                    "p2c.state.url", pg.getJdbcUrl("postgres", "postgres"),
                    "p2c.state.user", "postgres",
                    "p2c.state.password", "unused"));

            SyncFixture.Result first = sync.syncOnce("accounts");
            SyncFixture.Result second = sync.syncOnce("accounts");

            assertThat(first.exitCode()).as(first.printed()).isZero();
            assertThat(first.count("accounts", "written")).isPositive();
            assertThat(second.count("accounts", "written")).isZero();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    ResultSet runs = c.createStatement().executeQuery("select count(*) from sync_run where area = 'accounts'")) {
                runs.next();
                assertThat(runs.getInt(1)).isEqualTo(2);
            }
            assertThat(sync.dataDir().resolve("state.mv.db")).doesNotExist();
        }
    }
}
