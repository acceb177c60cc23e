package org.p2csync.odata;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one system's OData service.
 *
 * @param system the name requests are counted under: "crm" or "erp"
 * @param baseUrl the service root, ending in '/' (e.g. https://org.crm.dynamics.com/api/data/v9.2/)
 * @param scope the OAuth2 scope; defaults to scheme://host/.default of the base URL
 */
public record ServiceConfig(
        String system,
        Dialect dialect,
        String baseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        String scope,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry) {

    public ServiceConfig {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl of " + system + " must end with '/': " + baseUrl);
        }
        if (scope == null || scope.isBlank()) {
            URI uri = URI.create(baseUrl);
            scope = uri.getScheme() + "://" + uri.getAuthority() + "/.default";
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(120) : requestTimeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /** A config with the default scope, timeouts and retry policy. */
    public static ServiceConfig of(
            String system, Dialect dialect, String baseUrl, String tokenUrl, String clientId, String clientSecret) {
        return new ServiceConfig(system, dialect, baseUrl, tokenUrl, clientId, clientSecret, null, null, null, null);
    }

    public ServiceConfig withRetry(RetryPolicy next) {
        return new ServiceConfig(system, dialect, baseUrl, tokenUrl, clientId, clientSecret, scope, connectTimeout,
                requestTimeout, next);
    }

    /** Masks the secret: configs end up in logs and exception messages. */
    @Override
    public String toString() {
        return "ServiceConfig[system=" + system + ", dialect=" + dialect + ", baseUrl=" + baseUrl + ", tokenUrl="
                + tokenUrl + ", clientId=" + clientId + ", clientSecret=****, scope=" + scope + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry + "]";
    }
}
