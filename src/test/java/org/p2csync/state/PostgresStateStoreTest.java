package org.p2csync.state;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The contract against a real PostgreSQL, one server per class and a fresh database per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStateStoreTest extends StateStoreContract {
    private EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    @BeforeAll
    void startPostgres() throws IOException {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (NoSuchMethodError e) {
            // Seen when olingo's commons-io 2.13 wins over the 2.14+ that commons-compress needs to unpack PostgreSQL.
            throw new IllegalStateException("Embedded PostgreSQL cannot unpack its binaries: the test classpath needs"
                    + " commons-io 2.14 or newer (declare commons-io 2.16.1 test-scoped in pom.xml)", e);
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    StateConfig newDatabase() throws SQLException {
        String name = "state_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new StateConfig(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }
}
