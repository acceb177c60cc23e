package org.p2csync.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;

/**
 * What a failed record was read as: SHA-256 of the area's mapping version and of the source row as read, lines
 * included, field names sorted. A full read that finds a failed record with the same fingerprint knows that mapping
 * and writing it again would fail the same way; a changed field, line or mapping changes the fingerprint.
 */
final class SourceFingerprint {
    private static final ObjectMapper CANONICAL =
            JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final String mappingVersion;

    /** @param mappingVersion the version of the mapping the records are mapped with ({@code Mapping.version()}) */
    SourceFingerprint(String mappingVersion) {
        this.mappingVersion = mappingVersion;
    }

    /**
     * The fingerprint of a record whose failure its row and mapping decide, or null for one that may pass with
     * neither changed: a row that could not be read (malformed) or whose lines were not all read, and a write the
     * target answered with a transient status through every retry.
     */
    String ofFailure(Item failed) {
        if (failed.transientFailure() || "read".equals(failed.stage())) {
            return null;
        }
        return of(failed.source());
    }

    /** The fingerprint of a row as read, or null for a document whose lines were not all read. */
    String of(Map<String, Object> row) {
        if (row.containsKey(ReadSpec.LinesSpec.UNREAD)) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(mappingVersion.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(CANONICAL.writeValueAsBytes(row));
            return HexFormat.of().formatHex(digest.digest());
        } catch (JsonProcessingException e) {
            // a row read from JSON always writes as JSON; if not, no fingerprint: the record is simply tried again
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
