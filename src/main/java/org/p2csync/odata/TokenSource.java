package org.p2csync.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth2 client-credentials tokens for one system. Caches the token and renews it shortly before it expires, or on
 * demand after the service rejected it with 401. Thread-safe; concurrent callers share one token request.
 */
public final class TokenSource {
    /** Renew this long before expiry, so a token never expires in flight. */
    static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

    private final ServiceConfig config;
    private final RetryingSender sender;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private String token;
    private Instant renewAt = Instant.MIN;

    TokenSource(ServiceConfig config, RetryingSender sender, Clock clock) {
        this.config = config;
        this.sender = sender;
        this.clock = clock;
    }

    /** The current token, requested (and counted under the area) when there is none or it is about to expire. */
    public synchronized String token(String area) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(area);
        }
        return token;
    }

    /** Drops the token if it is still the one the service rejected, so the next call fetches a new one. */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch(String area) {
        String form = Map.of(
                        "grant_type", "client_credentials",
                        "client_id", nullToEmpty(config.clientId()),
                        "client_secret", nullToEmpty(config.clientSecret()),
                        "scope", config.scope())
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Token fresh = sender.send(area, () -> HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), this::read);
        token = fresh.value();
        renewAt = clock.instant().plusSeconds(fresh.expiresInSeconds()).minus(EARLY_RENEWAL);
    }

    private Token read(HttpResponse<InputStream> response) throws IOException {
        String body = RetryingSender.text(response);
        if (response.statusCode() != 200) {
            // the body of a failed token request names the cause (wrong secret, unknown client) and no secret
            throw new ODataException("token request for " + config.system() + " to " + config.tokenUrl()
                    + " failed: HTTP " + response.statusCode() + " " + body, response.statusCode());
        }
        JsonNode json;
        try {
            json = this.json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ODataException("token response of " + config.tokenUrl() + " is not JSON: " + e.getMessage(),
                    200, e);
        }
        String accessToken = json.path("access_token").asText(null);
        if (accessToken == null) {
            throw new ODataException("token response of " + config.tokenUrl() + " has no access_token", 200);
        }
        return new Token(accessToken, json.path("expires_in").asLong(3600));
    }

    private record Token(String value, long expiresInSeconds) {}

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
