package org.p2csync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** p2c.setup.solution and p2c.setup.key-wait: defaults, the forms a duration takes, and a wrong one named. */
class SetupSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToTheOrgsDefaultSolutionAndTenMinutes() throws Exception {
        Settings settings = load(List.of());
        assertThat(settings.setup().solution()).isEmpty();
        assertThat(settings.setup().keyWait()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsTheSolutionAndTheKeyWaitInEveryForm() throws Exception {
        assertThat(load(List.of("p2c.setup.solution=p2csync", "p2c.setup.key-wait=90s")).setup())
                .isEqualTo(new SetupSettings(Optional.of("p2csync"), Duration.ofSeconds(90)));
        assertThat(load(List.of("p2c.setup.key-wait=30m")).setup().keyWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(load(List.of("p2c.setup.key-wait=PT2H")).setup().keyWait()).isEqualTo(Duration.ofHours(2));
        assertThat(load(List.of("p2c.setup.key-wait=500ms")).setup().keyWait()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWrongKeyWaitIsNamedWithTheFormsItTakes() {
        assertThatThrownBy(() -> load(List.of("p2c.setup.key-wait=ten minutes")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.setup.key-wait=ten minutes").hasMessageContaining("10m");
    }

    private Settings load(List<String> lines) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.write(file, lines);
        return new SettingsLoader(Map.of(), new Properties()).load(Optional.of(file));
    }
}
