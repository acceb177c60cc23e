package org.p2csync.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes an OData {@code $batch} (multipart/mixed). Each part is one HTTP request; a nested multipart/mixed is a
 * change set that runs in one transaction and is rolled back as a whole when any of its requests fails. Without
 * {@code Prefer: odata.continue-on-error} processing stops at the first failed request, as the OData spec says.
 * Dataverse stops at a failed change set even with continue-on-error (powerapps-docs issues 2735, 2843;
 * REAL-SERVICES.md, Dataverse 6): the operations after it get no response; outside change sets the preference works.
 */
final class BatchProcessor {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\r?\\n");
    private static final String CRLF = "\r\n";

    private record Part(Map<String, String> headers, String content) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A change set member failed; carries its response out of the transaction so it is rolled back. */
    private static final class ChangeSetFailed extends RuntimeException {
        private final ODataResponse response;
        private final String contentId;

        ChangeSetFailed(ODataResponse response, String contentId) {
            super(null, null, false, false);
            this.response = response;
            this.contentId = contentId;
        }
    }

    private final ServiceEndpoint endpoint;
    private final int maxRequests;
    private final SandboxMetrics metrics;

    BatchProcessor(ServiceEndpoint endpoint, int maxRequests, SandboxMetrics metrics) {
        this.endpoint = endpoint;
        this.maxRequests = maxRequests;
        this.metrics = metrics;
    }

    ODataResponse process(ODataRequest batch) {
        try {
            // One outer transaction saves a commit per request; change sets still roll back alone (savepoints), and
            // failed top-level requests have changed nothing, so the others keep their effect.
            return endpoint.service().inTransaction(() -> execute(batch));
        } catch (SQLException e) {
            throw new IllegalStateException("the $batch could not be committed", e);
        }
    }

    private ODataResponse execute(ODataRequest batch) {
        String boundary = boundary(batch.header("Content-Type"), "$batch request");
        List<Part> parts = split(batch.bodyText(), boundary);
        int operations = 0;
        for (Part p : parts) {
            operations += isChangeSet(p) ? split(p.content(), boundary(p.header("Content-Type"), "change set")).size() : 1;
        }
        if (operations > maxRequests) {
            throw ODataError.badRequest("The batch holds " + operations + " requests; at most " + maxRequests + " are allowed");
        }
        metrics.batch(operations);
        String prefer = batch.header("Prefer");
        boolean continueOnError = prefer != null && prefer.contains("odata.continue-on-error");
        String out = "batchresponse_" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        boolean dataverse = endpoint.service().kind() == ServiceKind.DATAVERSE;
        for (Part part : parts) {
            boolean failed;
            boolean changeSet = isChangeSet(part);
            body.append("--").append(out).append(CRLF);
            if (changeSet) {
                failed = changeSet(part, batch, body);
            } else {
                ODataResponse r = endpoint.resource(request(part, batch));
                appendResponse(body, r, part.header("Content-ID"));
                failed = r.status() >= 400;
            }
            if (failed && (!continueOnError || changeSet && dataverse)) {
                break;
            }
        }
        body.append("--").append(out).append("--").append(CRLF);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/mixed; boundary=" + out);
        if (continueOnError) {
            headers.put("Preference-Applied", "odata.continue-on-error");
        }
        return new ODataResponse(200, headers, body.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Runs a change set atomically; returns true when it failed (and was rolled back). */
    private boolean changeSet(Part part, ODataRequest batch, StringBuilder body) {
        List<Part> members = split(part.content(), boundary(part.header("Content-Type"), "change set"));
        List<ODataResponse> responses = new ArrayList<>();
        try {
            endpoint.service().inTransaction(() -> {
                for (Part member : members) {
                    ODataResponse r = endpoint.resource(request(member, batch));
                    if (r.status() >= 400) {
                        throw new ChangeSetFailed(r, member.header("Content-ID"));
                    }
                    responses.add(r);
                }
                return null;
            });
        } catch (ChangeSetFailed e) {
            // OData 4.0: a failed change set answers with the single failed request in place of the whole set.
            appendResponse(body, e.response, e.contentId);
            return true;
        } catch (SQLException e) {
            appendResponse(body, ODataResponse.error(endpoint.service().kind(), 500, "InternalServerError",
                    "Change set failed: " + e.getMessage()), null);
            return true;
        }
        String cs = "changesetresponse_" + UUID.randomUUID();
        body.append("Content-Type: multipart/mixed; boundary=").append(cs).append(CRLF).append(CRLF);
        for (int i = 0; i < responses.size(); i++) {
            body.append("--").append(cs).append(CRLF);
            appendResponse(body, responses.get(i), members.get(i).header("Content-ID"));
        }
        body.append("--").append(cs).append("--").append(CRLF);
        return false;
    }

    private ODataRequest request(Part part, ODataRequest batch) {
        String type = part.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/http")) {
            throw ODataError.badRequest("Every batch part must have Content-Type: application/http, found " + type);
        }
        String[] headAndBody = splitHead(part.content());
        String[] lines = headAndBody[0].split("\r?\n");
        String[] requestLine = lines[0].trim().split(" ");
        if (requestLine.length < 2) {
            throw ODataError.badRequest("Cannot read the batch request line '" + lines[0] + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
        }
        // The Authorization of the $batch itself covers its parts; a part may also carry its own headers.
        String target = relativeToRoot(requestLine[1]);
        int q = target.indexOf('?');
        String resource = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String body = headAndBody[1].replaceAll("\\r?\\n$", "");
        return new ODataRequest(requestLine[0].toUpperCase(), resource, query, headers,
                body.getBytes(StandardCharsets.UTF_8), batch.baseUrl());
    }

    private String relativeToRoot(String url) {
        String root = endpoint.service().model().rootPath();
        String path = url;
        if (url.startsWith("http://") || url.startsWith("https://")) {
            URI uri = URI.create(url);
            path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (path.startsWith(root)) {
            return path.substring(root.length());
        }
        if (path.startsWith("/")) {
            throw ODataError.badRequest("The batch request URL '" + url + "' is outside the service root " + root);
        }
        return path;
    }

    private static void appendResponse(StringBuilder body, ODataResponse r, String contentId) {
        body.append("Content-Type: application/http").append(CRLF);
        body.append("Content-Transfer-Encoding: binary").append(CRLF);
        if (contentId != null) {
            body.append("Content-ID: ").append(contentId).append(CRLF);
        }
        body.append(CRLF);
        body.append("HTTP/1.1 ").append(r.status()).append(' ').append(HttpStatus.reason(r.status())).append(CRLF);
        r.headers().forEach((k, v) -> body.append(k).append(": ").append(v).append(CRLF));
        body.append(CRLF);
        body.append(new String(r.body(), StandardCharsets.UTF_8)).append(CRLF);
    }

    private static boolean isChangeSet(Part p) {
        String type = p.header("Content-Type");
        return type != null && type.toLowerCase().startsWith("multipart/mixed");
    }

    private static String boundary(String contentType, String what) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !m.find()) {
            throw ODataError.badRequest("The " + what + " needs Content-Type: multipart/mixed; boundary=..., found "
                    + contentType);
        }
        return m.group(1).trim();
    }

    /** Splits a multipart body at its delimiter lines into parts (MIME headers, content). */
    private static List<Part> split(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        String[] chunks = body.split("(?m)^" + Pattern.quote(delimiter));
        boolean closed = false;
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                closed = true;
                break;
            }
            chunk = chunk.replaceFirst("^[ \\t]*\\r?\\n", "").replaceFirst("\\r?\\n$", "");
            String[] headAndBody = splitHead(chunk);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : headAndBody[0].split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            parts.add(new Part(headers, headAndBody[1]));
        }
        if (!closed) {
            throw ODataError.badRequest("The multipart body does not end with the delimiter " + delimiter + "--");
        }
        return parts;
    }

    /** Splits at the first blank line: [headers, rest]. */
    private static String[] splitHead(String text) {
        Matcher m = BLANK_LINE.matcher(text);
        if (!m.find()) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, m.start()), text.substring(m.end())};
    }
}
