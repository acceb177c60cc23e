package org.p2csync.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/mixed OData $batch body. Independent operations are top-level parts, so with
 * {@code Prefer: odata.continue-on-error} one rejected record does not sink its neighbours; a change set groups
 * operations that must succeed or fail together (an order header with its lines). Content-IDs number the
 * operations 1..n in the order added.
 */
public final class BatchRequest {
    private static final String CRLF = "\r\n";

    /**
     * One request inside the batch; {@code url} absolute or root-relative, {@code jsonBody} null for none,
     * {@code headers} the request's own headers (e.g. {@code If-Match: *}), in order.
     */
    public record Operation(String method, String url, String jsonBody, Map<String, String> headers) {
        public Operation {
            headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** An operation without headers of its own. */
        public Operation(String method, String url, String jsonBody) {
            this(method, url, jsonBody, Map.of());
        }
    }

    private final String boundary = "batch_" + UUID.randomUUID();
    private final List<List<Operation>> groups = new ArrayList<>();
    private final List<Boolean> atomic = new ArrayList<>();
    private int operations;

    /** Adds an operation that stands on its own. */
    public BatchRequest add(Operation operation) {
        groups.add(List.of(operation));
        atomic.add(false);
        operations++;
        return this;
    }

    /** Adds operations that the service applies atomically. */
    public BatchRequest addChangeSet(List<Operation> changeSet) {
        if (changeSet.isEmpty()) {
            throw new IllegalArgumentException("a change set needs at least one operation");
        }
        groups.add(List.copyOf(changeSet));
        atomic.add(true);
        operations += changeSet.size();
        return this;
    }

    public int size() {
        return operations;
    }

    public String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    public byte[] body() {
        StringBuilder out = new StringBuilder();
        int contentId = 0;
        for (int g = 0; g < groups.size(); g++) {
            out.append("--").append(boundary).append(CRLF);
            if (atomic.get(g)) {
                String changeSet = "changeset_" + UUID.randomUUID();
                out.append("Content-Type: multipart/mixed; boundary=").append(changeSet).append(CRLF).append(CRLF);
                for (Operation op : groups.get(g)) {
                    out.append("--").append(changeSet).append(CRLF);
                    appendOperation(out, op, ++contentId);
                }
                out.append("--").append(changeSet).append("--").append(CRLF);
            } else {
                appendOperation(out, groups.get(g).get(0), ++contentId);
            }
        }
        out.append("--").append(boundary).append("--").append(CRLF);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendOperation(StringBuilder out, Operation op, int contentId) {
        out.append("Content-Type: application/http").append(CRLF)
                .append("Content-Transfer-Encoding: binary").append(CRLF)
                .append("Content-ID: ").append(contentId).append(CRLF)
                .append(CRLF)
                .append(op.method()).append(' ').append(op.url()).append(" HTTP/1.1").append(CRLF)
                .append("Accept: application/json").append(CRLF);
        op.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append(CRLF));
        if (op.jsonBody() != null) {
            out.append("Content-Type: application/json; charset=utf-8").append(CRLF)
                    .append(CRLF)
                    .append(op.jsonBody()).append(CRLF);
        } else {
            out.append(CRLF);
        }
    }
}
