package org.p2csync.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.p2csync.state.AlertRule;

/**
 * Reads the {@code p2c.alerts.*} keys. Per-area keys name the area, so they cannot be looked up one by one like the
 * other settings: every key under the prefix is collected from the file, the environment ({@code
 * P2C_ALERTS_ORDER_STATUS_MAX_FAILED} is {@code p2c.alerts.order-status.max-failed}) and the system properties, in that
 * rising precedence. A key under the prefix that is none of these is refused, naming it.
 */
final class AlertKeys {
    private static final String PREFIX = "p2c.alerts.";
    private static final String ENV_PREFIX = "P2C_ALERTS_";
    private static final String MAX_FAILED = "max-failed";
    private static final String WINDOW = "window";
    private static final String WEBHOOK = "webhook";

    private AlertKeys() {}

    static AlertSettings read(Properties file, Map<String, String> env, Properties system) {
        Map<String, String> keys = new TreeMap<>();
        file.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> keys.put(k, file.getProperty(k)));
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                keys.put(fromEnv(name), value);
            }
        });
        system.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> keys.put(k, system.getProperty(k)));
        keys.replaceAll((k, v) -> v == null ? "" : v.strip());
        keys.values().removeIf(String::isEmpty);

        int maxFailed = AlertRule.DEFAULT_MAX_FAILED;
        Duration window = AlertRule.DEFAULT_WINDOW;
        Optional<URI> webhook = Optional.empty();
        Map<String, Integer> maxFailedByArea = new HashMap<>();
        Map<String, Duration> windowByArea = new HashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String key = e.getKey();
            String rest = key.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String area = dot < 0 ? null : rest.substring(0, dot);
            String name = dot < 0 ? rest : rest.substring(dot + 1);
            if (area == null && name.equals(WEBHOOK)) {
                webhook = Optional.of(webhook(key, e.getValue()));
            } else if (name.equals(MAX_FAILED)) {
                int value = maxFailed(key, e.getValue());
                if (area == null) {
                    maxFailed = value;
                } else {
                    maxFailedByArea.put(area, value);
                }
            } else if (name.equals(WINDOW)) {
                Duration value = window(key, e.getValue());
                if (area == null) {
                    window = value;
                } else {
                    windowByArea.put(area, value);
                }
            } else {
                throw new ConfigurationException(key + ": not an alert setting; the keys are p2c.alerts.max-failed,"
                        + " p2c.alerts.window, p2c.alerts.webhook and per area p2c.alerts.<area>.max-failed,"
                        + " p2c.alerts.<area>.window");
            }
        }
        return new AlertSettings(maxFailed, window, maxFailedByArea, windowByArea, webhook);
    }

    /** {@code P2C_ALERTS_ORDER_STATUS_WINDOW} -> {@code p2c.alerts.order-status.window}. */
    private static String fromEnv(String name) {
        String rest = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
        for (String setting : new String[] {MAX_FAILED, WINDOW, WEBHOOK}) {
            String envSetting = setting.replace('-', '_');
            if (rest.equals(envSetting)) {
                return PREFIX + setting;
            }
            if (rest.endsWith("_" + envSetting)) {
                String area = rest.substring(0, rest.length() - envSetting.length() - 1).replace('_', '-');
                return PREFIX + area + "." + setting;
            }
        }
        return PREFIX + rest.replace('_', '-');
    }

    private static int maxFailed(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the key
        }
        throw new ConfigurationException(key + "=" + value + ": not a number of records; write 0 (off) or more");
    }

    private static Duration window(String key, String value) {
        Duration window = SettingsLoader.duration(key, value);
        if (window.isNegative() || window.isZero() || window.toMillis() % 1000 != 0) {
            throw new ConfigurationException(key + "=" + value + ": the window must be whole seconds and more than"
                    + " zero, e.g. 15m");
        }
        return window;
    }

    private static URI webhook(String key, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, naming the key
        }
        throw new ConfigurationException(key + "=" + value + ": not an http(s) URL");
    }
}
