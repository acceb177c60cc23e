package org.p2csync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.state.AlertRule;

/** p2c.alerts.*: the default rule, per-area rules from the file, the environment and system properties, mistakes named. */
class AlertSettingsTest {
    private static final List<String> AREAS = List.of("accounts", "order-status");

    @TempDir
    Path dir;

    @Test
    void everyAreaPausesAfterTenFailedRecordsWithinFifteenMinutesByDefault() throws Exception {
        AlertSettings alerts = load(List.of(), Map.of(), new Properties());

        assertThat(alerts.rulesFor(AREAS)).containsExactly(
                new AlertRule("accounts", 10, Duration.ofMinutes(15)),
                new AlertRule("order-status", 10, Duration.ofMinutes(15)));
        assertThat(alerts.webhook()).isEmpty();
        assertThat(alerts.rulesFor(AREAS).get(0).describe()).isEqualTo("pause after 10 failed records within 15m");
    }

    @Test
    void theDefaultAndEachAreasRuleComeFromTheFileTheEnvironmentAndSystemPropertiesInRisingPrecedence()
            throws Exception {
        Properties system = new Properties();
        system.setProperty("p2c.alerts.accounts.window", "2h");
        AlertSettings alerts = load(List.of("p2c.alerts.max-failed=25", "p2c.alerts.window=30m",
                        "p2c.alerts.accounts.max-failed=3", "p2c.alerts.accounts.window=5m",
                        "p2c.alerts.webhook=https://hooks.example.com/p2c"),
                Map.of("P2C_ALERTS_ORDER_STATUS_MAX_FAILED", "0", "P2C_ALERTS_ACCOUNTS_WINDOW", "10m"), system);

        assertThat(alerts.rulesFor(AREAS)).containsExactly(
                new AlertRule("accounts", 3, Duration.ofHours(2)),
                new AlertRule("order-status", 0, Duration.ofMinutes(30)));
        assertThat(alerts.rulesFor(AREAS).get(1).enabled()).as("0 turns the rule off").isFalse();
        assertThat(alerts.webhook()).contains(URI.create("https://hooks.example.com/p2c"));
    }

    @Test
    void aWrongValueOrKeyIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load(List.of("p2c.alerts.accounts.max-failed=ten"), Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.alerts.accounts.max-failed=ten: not a number");
        assertThatThrownBy(() -> load(List.of(), Map.of("P2C_ALERTS_MAX_FAILED", "-1"), new Properties()))
                .hasMessageContaining("p2c.alerts.max-failed=-1");
        assertThatThrownBy(() -> load(List.of("p2c.alerts.window=0s"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.alerts.window=0s: the window must be whole seconds and more than zero");
        assertThatThrownBy(() -> load(List.of("p2c.alerts.window=soon"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.alerts.window=soon: not a duration");
        assertThatThrownBy(() -> load(List.of("p2c.alerts.webhook=ftp://example.com/x"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.alerts.webhook=ftp://example.com/x: not an http(s) URL");
        assertThatThrownBy(() -> load(List.of("p2c.alerts.accounts.max-faild=3"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.alerts.accounts.max-faild: not an alert setting");
    }

    @Test
    void aRuleForAnAreaThatIsNotMappedIsRefusedNamingTheKey() throws Exception {
        AlertSettings alerts = load(List.of("p2c.alerts.acounts.window=1h"), Map.of(), new Properties());

        assertThatThrownBy(() -> alerts.rulesFor(AREAS)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.alerts.acounts.window: there is no area 'acounts'")
                .hasMessageContaining("accounts");
    }

    private AlertSettings load(List<String> lines, Map<String, String> env, Properties system) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.write(file, lines);
        return new SettingsLoader(env, system).load(Optional.of(file)).alerts();
    }
}
