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

/** The pauses contract against a real PostgreSQL, one server for the class and a fresh database per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAreaPausesTest extends AreaPausesContract {
    private EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    StateConfig newDatabase() throws SQLException {
        String name = "pauses_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new StateConfig(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }
}
