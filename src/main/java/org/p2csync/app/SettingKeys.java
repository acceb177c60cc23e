package org.p2csync.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.p2csync.mapping.Suggestions;

/**
 * Every {@code p2c.*} setting p2c-sync reads, declared in this one place: the loader refuses any other {@code p2c.*}
 * key, naming the nearest of these, and checks each value against its kind before anything is written. A feature
 * that reads a new key adds it to {@link #ALL} (and to the README's table).
 */
public final class SettingKeys {
    public static final List<SettingKey> ALL = List.of(
            // the two services; setting any of these keys means "not the sandbox"
            SettingKey.text("p2c.crm.url"),
            SettingKey.text("p2c.crm.token-url"),
            SettingKey.text("p2c.crm.client-id"),
            SettingKey.text("p2c.crm.client-secret"),
            SettingKey.text("p2c.crm.client-secret-file"),
            SettingKey.text("p2c.erp.url"),
            SettingKey.text("p2c.erp.token-url"),
            SettingKey.text("p2c.erp.client-id"),
            SettingKey.text("p2c.erp.client-secret"),
            SettingKey.text("p2c.erp.client-secret-file"),
            // folders and state
            SettingKey.text("p2c.data"),
            SettingKey.text("p2c.routes"),
            SettingKey.text("p2c.mappings"),
            SettingKey.text("p2c.state.url"),
            SettingKey.text("p2c.state.user"),
            SettingKey.text("p2c.state.password"),
            SettingKey.text("p2c.state.password-file"),
            // setup
            SettingKey.text("p2c.setup.solution"),
            SettingKey.duration("p2c.setup.key-wait"),
            // the routes (read by Camel's property placeholders in the route template)
            SettingKey.positiveNumber("p2c.page-size"),
            SettingKey.positiveNumber("p2c.batch-size"),
            // the engine
            SettingKey.positiveNumber("p2c.waiting.max-attempts"),
            // the HTTP server and alert rules (issue 9 items 1, 2, 4)
            SettingKey.text("p2c.http.enabled"),
            SettingKey.text("p2c.http.port"),
            SettingKey.text("p2c.http.host"),
            SettingKey.text("p2c.http.token"),
            SettingKey.text("p2c.http.token-file"),
            SettingKey.family("p2c.alerts."));

    private SettingKeys() {}

    public static Optional<SettingKey> find(String key) {
        return ALL.stream().filter(k -> k.matches(key)).findFirst();
    }

    /** The known key closest to a misspelt one; the nearest by edit distance, however far. */
    public static String nearest(String key) {
        List<String> names = new ArrayList<>();
        ALL.forEach(k -> names.add(k.family() ? k.name() + "..." : k.name()));
        return Suggestions.closest(key, names, Integer.MAX_VALUE).orElseThrow();
    }

    /** The known key an environment variable ({@code P2C_CRM_URL}) sets, if any. */
    public static Optional<String> ofEnvironmentVariable(String variable) {
        for (SettingKey k : ALL) {
            String env = SettingKey.envName(k.name());
            if (!k.family() && env.equals(variable)) {
                return Optional.of(k.name());
            }
            if (k.family() && variable.startsWith(env) && variable.length() > env.length()) {
                return Optional.of(k.name() + variable.substring(env.length()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
