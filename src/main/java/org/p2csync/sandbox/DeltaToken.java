package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The opaque {@code $deltatoken} of a Dataverse delta link: which set it tracks, the server timestamp up to which the
 * client has seen every change, and when the token was issued (for expiry after the service's delta token TTL).
 */
record DeltaToken(String set, OffsetDateTime since, Instant issued) {
    String encode() {
        var node = Json.MAPPER.createObjectNode()
                .put("s", set)
                .put("t", EdmType.DATETIME.canonical(since))
                .put("i", issued.toEpochMilli());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static DeltaToken decode(String token, String expectedSet) {
        DeltaToken decoded = null;
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.trim()));
            if (node != null && node.hasNonNull("s") && node.hasNonNull("t") && node.hasNonNull("i")) {
                decoded = new DeltaToken(node.get("s").asText(), EdmType.parseDateTime(node.get("t").asText(), "t"),
                        Instant.ofEpochMilli(node.get("i").asLong()));
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
