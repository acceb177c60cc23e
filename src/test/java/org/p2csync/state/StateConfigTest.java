package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateConfigTest {
    @Test
    void passwordsNeverShowInTextForPeople() {
        StateConfig config = new StateConfig(
                "jdbc:postgresql://db:5432/sync?user=sync&password=s3cret&ssl=true", "sync", "t0p-s3cret");

        assertThat(config.toString()).doesNotContain("s3cret").contains("password=***").contains("ssl=true");
        assertThat(config.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/sync?user=sync&password=***&ssl=true");
    }

    @Test
    void anUnsupportedDatabaseIsNamedWithoutItsPassword() {
        StateConfig config = new StateConfig("jdbc:mysql://db/sync?password=s3cret", "u", "p");

        assertThatThrownBy(() -> StateStore.open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/sync")
                .hasMessageContaining("jdbc:h2:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnreachableDatabaseFailsToOpenWithTheOperationNamed() {
        StateConfig config = new StateConfig("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "p");

        assertThatThrownBy(() -> StateStore.open(config))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("migrate the state schema");
    }
}
