package org.p2csync.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads settings from, in rising precedence: {@code application.properties} in the working folder (or the file
 * given with --config), environment variables ({@code p2c.crm.client-secret} = {@code P2C_CRM_CLIENT_SECRET}), and
 * Java system properties. A secret may also come from a file ({@code p2c.crm.client-secret-file}), so it need not
 * sit in a properties file or a process listing.
 */
public final class SettingsLoader {
    private static final Path DEFAULT_FILE = Path.of("application.properties");

    private final Map<String, String> env;
    private final Properties system;

    public SettingsLoader(Map<String, String> env, Properties system) {
        this.env = env;
        this.system = system;
    }

    public static SettingsLoader fromEnvironment() {
        return new SettingsLoader(System.getenv(), System.getProperties());
    }

    public Settings load(Optional<Path> explicitFile) {
        Properties file = new Properties();
        Optional<Path> used = explicitFile.or(() -> Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE)
                : Optional.empty());
        if (explicitFile.isPresent() && !Files.isRegularFile(explicitFile.get())) {
            throw new ConfigurationException("--config " + explicitFile.get() + ": no such file");
        }
        if (used.isPresent()) {
            try (Reader in = Files.newBufferedReader(used.get(), StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(used.get() + ": cannot read properties: " + e.getMessage(), e);
            }
        }
        Lookup lookup = new Lookup(file, used);
        lookup.refuseUnknownKeys();
        lookup.checkValues();
        Optional<ServiceSettings> crm = service(lookup, "crm");
        Optional<ServiceSettings> erp = service(lookup, "erp");
        if (crm.isPresent() != erp.isPresent()) {
            throw new ConfigurationException("set both p2c.crm.url and p2c.erp.url (env P2C_CRM_URL, P2C_ERP_URL), or"
                    + " neither to sync against the built-in sandbox");
        }
        Path data = Path.of(lookup.get("p2c.data").orElse("data"));
        Optional<Settings.StateDatabase> db = lookup.get("p2c.state.url")
                .map(url -> new Settings.StateDatabase(url, lookup.get("p2c.state.user").orElse(null),
                        secret(lookup, "p2c.state.password").orElse(null)));
        SetupSettings setup = new SetupSettings(lookup.get("p2c.setup.solution"), lookup.get("p2c.setup.key-wait")
                .map(v -> duration("p2c.setup.key-wait", v)).orElse(SetupSettings.DEFAULT_KEY_WAIT));
        return new Settings(crm, erp, data, Path.of(lookup.get("p2c.routes").orElse("routes")),
                Path.of(lookup.get("p2c.mappings").orElse("mappings")), db, used, setup,
                AlertKeys.read(file, env, system), http(lookup));
    }

    private HttpSettings http(Lookup lookup) {
        boolean enabled = lookup.get("p2c.http.enabled").map(v -> bool("p2c.http.enabled", v)).orElse(true);
        int port = lookup.get("p2c.http.port").map(v -> integer("p2c.http.port", v)).orElse(HttpSettings.DEFAULT_PORT);
        return new HttpSettings(enabled, lookup.get("p2c.http.host").orElse(HttpSettings.DEFAULT_HOST), port,
                secret(lookup, "p2c.http.token"));
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + value + ": not a whole number");
        }
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(key + "=" + value + ": write true or false");
        };
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}, or ISO-8601 ({@code PT10M}). */
    static Duration duration(String key, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(value);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new ConfigurationException(key + "=" + value + ": not a duration; write e.g. 90s, 10m, 1h or PT10M");
        }
    }

    private Optional<ServiceSettings> service(Lookup lookup, String system) {
        String prefix = "p2c." + system + ".";
        Optional<String> url = lookup.get(prefix + "url");
        if (url.isEmpty()) {
            // a misspelt or half-finished service configuration must not quietly sync the built-in sandbox
            Optional<String> other = lookup.setKeys().stream().filter(k -> k.startsWith(prefix)).sorted().findFirst();
            if (other.isPresent()) {
                throw new ConfigurationException(other.get() + " is set but " + prefix + "url is not: set " + prefix
                        + "url (env " + SettingKey.envName(prefix + "url") + "), or remove every " + prefix + "* key"
                        + " to sync against the built-in sandbox");
            }
            return Optional.empty();
        }
        String tokenUrl = lookup.require(prefix + "token-url", "the OAuth2 token endpoint of " + system);
        String clientId = lookup.require(prefix + "client-id", "the app registration's client id");
        String secret = secret(lookup, prefix + "client-secret").orElseThrow(() -> new ConfigurationException(
                "missing " + prefix + "client-secret: set it in the environment as " + Lookup.envName(prefix
                        + "client-secret") + " or point " + prefix + "client-secret-file at a file holding it"));
        String root = url.get().endsWith("/") ? url.get() : url.get() + "/";
        return Optional.of(new ServiceSettings(root, tokenUrl, clientId, secret));
    }

    private Optional<String> secret(Lookup lookup, String key) {
        Optional<String> direct = lookup.get(key);
        if (direct.isPresent()) {
            return direct;
        }
        return lookup.get(key + "-file").map(f -> {
            try {
                return Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ConfigurationException(key + "-file " + f + ": cannot read: " + e.getMessage(), e);
            }
        });
    }

    private final class Lookup {
        private static final String PREFIX = "p2c.";
        private static final String ENV_PREFIX = "P2C_";

        private final Properties file;
        private final Optional<Path> source;

        Lookup(Properties file, Optional<Path> source) {
            this.file = file;
            this.source = source;
        }

        /**
         * A {@code p2c.*} key of the file or a {@code P2C_*} environment variable that p2c-sync does not read is a
         * mistake (a misspelt key would otherwise be ignored). Java system properties are read for the known keys
         * only: a JVM also carries properties of its host (build tools, test harnesses).
         */
        void refuseUnknownKeys() {
            for (String key : new java.util.TreeSet<>(file.stringPropertyNames())) {
                if (key.startsWith(PREFIX) && SettingKeys.find(key).isEmpty()) {
                    throw new ConfigurationException(source.map(Path::toString).orElse("properties") + ": unknown"
                            + " setting " + key + "; the nearest known key is " + SettingKeys.nearest(key));
                }
            }
            for (String variable : new java.util.TreeSet<>(env.keySet())) {
                if (variable.startsWith(ENV_PREFIX) && SettingKeys.ofEnvironmentVariable(variable).isEmpty()) {
                    String guess = variable.toLowerCase(Locale.ROOT).replace('_', '.');
                    String nearest = SettingKeys.nearest(guess);
                    throw new ConfigurationException("environment variable " + variable + " sets no known setting;"
                            + " the nearest known key is " + nearest + " (" + SettingKey.envName(nearest) + ")");
                }
            }
        }

        /** Every known key that is set has a value of its kind: refused now, not when a route first reads it. */
        void checkValues() {
            for (String key : setKeys()) {
                SettingKeys.find(key).ifPresent(k -> get(key).ifPresent(v -> k.check(key, v)));
            }
        }

        /** The {@code p2c.*} keys set anywhere: file, environment (known keys), system properties. */
        java.util.Set<String> setKeys() {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            file.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
            system.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
            env.keySet().stream().filter(v -> v.startsWith(ENV_PREFIX))
                    .forEach(v -> SettingKeys.ofEnvironmentVariable(v).ifPresent(keys::add));
            return keys;
        }

        Optional<String> get(String key) {
            String value = system.getProperty(key);
            if (value == null) {
                value = env.get(envName(key));
            }
            if (value == null) {
                value = file.getProperty(key);
            }
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }

        String require(String key, String what) {
            return get(key).orElseThrow(() -> new ConfigurationException("missing " + key + " (" + what + "): set it in "
                    + source.map(Path::toString).orElse("application.properties") + " or as " + envName(key)));
        }

        static String envName(String key) {
            return SettingKey.envName(key);
        }
    }
}
