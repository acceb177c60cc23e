package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StateStoreTest extends StateStoreContract {
    @TempDir
    Path dataDir;

    private final AtomicInteger databases = new AtomicInteger();

    @Override
    StateConfig newDatabase() {
        return StateStore.h2(dataDir.resolve("data-" + databases.incrementAndGet()));
    }

    @Test
    void theDefaultDatabaseIsAFileUnderTheDataFolder() {
        StateConfig config = StateStore.h2(dataDir);

        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/state;");
        assertThat(config.jdbcUrl()).contains("TRACE_LEVEL_FILE=0");
        assertThat(dataDir.resolve("data-1/state.mv.db")).exists();
    }
}
