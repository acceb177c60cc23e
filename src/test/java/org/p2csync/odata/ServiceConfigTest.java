package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void scopeDefaultsToTheServiceHost() {
        ServiceConfig config = ServiceConfig.of("erp", Dialect.FNO, "https://env.operations.dynamics.com/data/",
                "https://login.microsoftonline.com/t/oauth2/v2.0/token", "id", "secret");

        assertThat(config.scope()).isEqualTo("https://env.operations.dynamics.com/.default");
        assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void theSecretNeverAppearsInToString() {
        ServiceConfig config = ServiceConfig.of("crm", Dialect.DATAVERSE, "https://org.crm.dynamics.com/api/data/v9.2/",
                "https://login/t", "id", "pa55-w0rd");

        assertThat(config.toString()).doesNotContain("pa55-w0rd").contains("clientSecret=****", "clientId=id");
    }

    @Test
    void aServiceRootWithoutTrailingSlashIsRejectedByName() {
        assertThatThrownBy(() -> ServiceConfig.of("crm", Dialect.DATAVERSE, "https://org/api/data/v9.2", "t", "i", "s"))
                .hasMessageContaining("baseUrl of crm must end with '/'");
    }

    @Test
    void backoffStaysWithinItsCeiling() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), 8);

        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1).toMillis()).isBetween(0L, 100L);
            assertThat(policy.backoff(3).toMillis()).isBetween(0L, 400L);
            assertThat(policy.backoff(40).toMillis()).isBetween(0L, 1000L);
        }
    }
}
