package org.p2csync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings a loader refuses, from each of its three sources: unknown keys named with the nearest known one,
 * service keys without a URL (never the sandbox then), values that are not of their key's kind.
 */
class SettingKeysTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyInTheFileIsRefusedNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> load(List.of("p2c.mapings=elsewhere"), Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting p2c.mapings").hasMessageContaining("p2c.mappings");
        assertThatThrownBy(() -> load(List.of("p2c.pagesize=100"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.pagesize").hasMessageContaining("nearest known key is p2c.page-size");
    }

    @Test
    void anUnknownEnvironmentVariableIsRefusedNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> load(List.of(), Map.of("P2C_CRM_ULR", "https://x/"), new Properties()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("P2C_CRM_ULR").hasMessageContaining("p2c.crm.url (P2C_CRM_URL)");
    }

    @Test
    void aServiceKeyWithoutItsUrlNeverFallsBackToTheSandbox() {
        Properties system = new Properties();
        system.setProperty("p2c.crm.ulr", "https://org.crm.dynamics.com/api/data/v9.2/");
        // a system property is not checked against the known keys, but it still means "not the sandbox"
        assertThatThrownBy(() -> load(List.of(), Map.of(), system))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.crm.ulr is set but p2c.crm.url is not");
        assertThatThrownBy(() -> load(List.of("p2c.erp.client-id=abc"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.erp.client-id is set but p2c.erp.url is not");
        assertThatThrownBy(() -> load(List.of(), Map.of("P2C_CRM_TOKEN_URL", "https://login/"), new Properties()))
                .hasMessageContaining("p2c.crm.token-url is set but p2c.crm.url is not");
    }

    @Test
    void numbersThatAreNotNumbersOrBelowOneAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> load(List.of("p2c.page-size=0"), Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("p2c.page-size=0: must be at least 1");
        assertThatThrownBy(() -> load(List.of("p2c.batch-size=ten"), Map.of(), new Properties()))
                .hasMessageContaining("p2c.batch-size=ten: not a number");
        assertThatThrownBy(() -> load(List.of(), Map.of("P2C_WAITING_MAX_ATTEMPTS", "-3"), new Properties()))
                .hasMessageContaining("p2c.waiting.max-attempts=-3");
    }

    @Test
    void knownKeysFamiliesAndOtherPropertiesLoad() throws Exception {
        Properties system = new Properties();
        system.setProperty("p2c.jar", "target/p2c-sync.jar"); // a host's own property: not ours to refuse
        Settings settings = load(List.of("p2c.page-size=500", "p2c.batch-size=100", "p2c.alerts.accounts.max-failed=5",
                "camel.main.name=x", "other.key=1"), Map.of("P2C_DATA", dir.resolve("d").toString(), "PATH", "/bin"),
                system);
        assertThat(settings.dataDir()).isEqualTo(dir.resolve("d"));
        assertThat(settings.usesSandbox()).isTrue();
    }

    @Test
    void everyKnownKeyIsNamedOnceAndFamiliesEndInADot() {
        List<String> names = SettingKeys.ALL.stream().map(SettingKey::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("p2c."));
        assertThat(SettingKeys.ofEnvironmentVariable("P2C_CRM_CLIENT_SECRET_FILE")).contains("p2c.crm.client-secret-file");
        assertThat(SettingKeys.ofEnvironmentVariable("P2C_CRM_SECRET")).isEmpty();
    }

    private Settings load(List<String> lines, Map<String, String> env, Properties system) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.write(file, lines);
        return new SettingsLoader(env, system).load(Optional.of(file));
    }
}
