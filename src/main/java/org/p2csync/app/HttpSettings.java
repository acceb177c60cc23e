package org.p2csync.app;

import java.util.Optional;

/**
 * The operations HTTP server of a continuous sync and the demo: status page, health, metrics.
 *
 * @param enabled false with {@code p2c.http.enabled=false}: no server at all
 * @param host the address it binds to; 127.0.0.1 unless an operator opens it up
 * @param port 0 = a free port, chosen at start and logged (several instances on one machine, tests)
 * @param token when set, a POST (retry, ...) carrying it is accepted from any address; without it only requests from
 *     the bound host are
 */
public record HttpSettings(boolean enabled, String host, int port, Optional<String> token) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("p2c.http.port=" + port + ": not a port; use 1..65535, or 0 for a free one");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(true, DEFAULT_HOST, DEFAULT_PORT, Optional.empty());
    }

    @Override
    public String toString() {
        return "HttpSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token="
                + (token.isPresent() ? "****" : "unset") + "]";
    }
}
