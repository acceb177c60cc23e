package org.p2csync.state;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class H2AreaPausesTest extends AreaPausesContract {
    @TempDir
    Path dataDir;

    private final AtomicInteger databases = new AtomicInteger();

    @Override
    StateConfig newDatabase() {
        return StateStore.h2(dataDir.resolve("data-" + databases.incrementAndGet()));
    }
}
