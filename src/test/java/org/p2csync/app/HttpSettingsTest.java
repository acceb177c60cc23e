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

/** p2c.http.*: the defaults (8080 on 127.0.0.1, no token), each key read, a wrong value named. */
class HttpSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToPort8080OnLoopbackWithoutToken() throws Exception {
        assertThat(load(List.of()).http()).isEqualTo(HttpSettings.defaults())
                .isEqualTo(new HttpSettings(true, "127.0.0.1", 8080, Optional.empty()));
    }

    @Test
    void readsEveryKeyAndATokenFromAFileWithoutLoggingIt() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
        HttpSettings http = load(List.of("p2c.http.port=0", "p2c.http.host=0.0.0.0",
                "p2c.http.token-file=" + token)).http();
        assertThat(http).isEqualTo(new HttpSettings(true, "0.0.0.0", 0, Optional.of("s3cret")));
        assertThat(http.toString()).doesNotContain("s3cret");
        assertThat(load(List.of("p2c.http.enabled=false")).http().enabled()).isFalse();
    }

    @Test
    void aWrongValueIsNamedWithItsKey() {
        assertThatThrownBy(() -> load(List.of("p2c.http.port=eighty"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.http.port=eighty").hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> load(List.of("p2c.http.port=70000"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.http.port=70000");
        assertThatThrownBy(() -> load(List.of("p2c.http.enabled=yes"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("p2c.http.enabled=yes").hasMessageContaining("true or false");
    }

    private Settings load(List<String> lines) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.write(file, lines);
        return new SettingsLoader(Map.of(), new Properties()).load(Optional.of(file));
    }
}
