package org.p2csync.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth2 client-credentials side of the sandbox: one registered client, opaque bearer tokens that expire. */
final class TokenIssuer {
    private record Grant(String clientId, Instant expires) {}

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final Clock clock;

    TokenIssuer(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    /** A new token for valid credentials, or empty when the client id or secret is wrong. */
    Optional<String> issue(String clientId, String clientSecret) {
        if (!SandboxIds.CLIENT_ID.equals(clientId) || !SandboxIds.CLIENT_SECRET.equals(clientSecret)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.values().removeIf(g -> g.expires.isBefore(clock.instant()));
        grants.put(token, new Grant(clientId, clock.instant().plus(ttl)));
        return Optional.of(token);
    }

    /** The client a bearer token belongs to, when the token is known and unexpired. */
    Optional<String> clientOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Grant g = grants.get(authorization.substring(7).trim());
        if (g == null || !g.expires.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(g.clientId);
    }
}
