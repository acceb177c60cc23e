package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code $deltatoken} of a Dataverse delta link: which set it tracks, the row version up to which the
 * client has seen every change, and when the token was issued (for expiry after the service's delta token TTL).
 * A token of an older sandbox (it named a timestamp, not a version) still decodes, as {@link #invalidated()}: the
 * service answers it as Dataverse answers a token it can no longer follow.
 */
record DeltaToken(String set, long version, Instant issued) {
    /** What an older sandbox's token decodes to. */
    private static final long INVALIDATED = -1;

    boolean invalidated() {
        return version == INVALIDATED;
    }

    String encode() {
        var node = Json.MAPPER.createObjectNode()
                .put("s", set)
                .put("v", version)
                .put("i", issued.toEpochMilli());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static DeltaToken decode(String token, String expectedSet) {
        DeltaToken decoded = null;
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.trim()));
            if (node != null && node.hasNonNull("s") && node.hasNonNull("i")) {
                long version = node.hasNonNull("v") ? node.get("v").asLong() : node.hasNonNull("t") ? INVALIDATED : -2;
                if (version >= INVALIDATED) {
                    decoded = new DeltaToken(node.get("s").asText(), version, Instant.ofEpochMilli(node.get("i").asLong()));
                }
            }
        } catch (Exception ignored) {
            // reported below
        }
        if (decoded == null || !decoded.set().equals(expectedSet)) {
            throw ODataError.badRequest("Invalid $deltatoken for '" + expectedSet + "'; follow @odata.deltaLink exactly as served");
        }
        return decoded;
    }
}
