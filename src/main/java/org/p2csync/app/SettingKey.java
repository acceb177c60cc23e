package org.p2csync.app;

import java.util.Locale;

/**
 * One {@code p2c.*} setting p2c-sync reads, or a family of them under a prefix ({@code p2c.alerts.}), with the check
 * its value must pass at load.
 *
 * @param name the key, or for a family its prefix ending in a dot
 * @param family true when every key under {@code name} is known (per-area keys)
 * @param value what the value must be
 */
public record SettingKey(String name, boolean family, ValueKind value) {
    /** What a setting's value must be; checked when the settings are loaded, before anything is written. */
    public enum ValueKind {
        TEXT,
        /** A whole number of at least 1. */
        POSITIVE_NUMBER,
        /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms} or ISO-8601. */
        DURATION
    }

    public static SettingKey text(String name) {
        return new SettingKey(name, false, ValueKind.TEXT);
    }

    public static SettingKey positiveNumber(String name) {
        return new SettingKey(name, false, ValueKind.POSITIVE_NUMBER);
    }

    public static SettingKey duration(String name) {
        return new SettingKey(name, false, ValueKind.DURATION);
    }

    /** Every key under {@code prefix} (which ends in a dot), e.g. rules named per area. */
    public static SettingKey family(String prefix) {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("a family of keys is named by a prefix ending in '.': " + prefix);
        }
        return new SettingKey(prefix, true, ValueKind.TEXT);
    }

    public boolean matches(String key) {
        return family ? key.startsWith(name) && key.length() > name.length() : key.equals(name);
    }

    /** The environment variable that sets this key ({@code p2c.crm.client-secret} = {@code P2C_CRM_CLIENT_SECRET}). */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Refuses a value this key cannot take, naming the key. */
    void check(String key, String text) {
        switch (value) {
            case POSITIVE_NUMBER -> {
                long n;
                try {
                    n = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new ConfigurationException(key + "=" + text + ": not a number; write a whole number such as"
                            + " 1000");
                }
                if (n < 1 || n > Integer.MAX_VALUE) {
                    throw new ConfigurationException(key + "=" + text + ": must be at least 1");
                }
            }
            case DURATION -> SettingsLoader.duration(key, text);
            case TEXT -> { }
        }
    }
}
