package org.p2csync.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a multipart/mixed $batch response into one result per operation, change sets flattened in order. */
public final class BatchResponse {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation's response.
     *
     * @param contentId the Content-ID the service echoed, or null
     * @param retryAfter the part's Retry-After header, or null
     */
    public record Part(String contentId, int status, String body, String retryAfter) {
        /**
         * The OData error message of {"error":{"code","message"}}, else the raw body (or empty). F&amp;O words a
         * write its entity refused generically ("An error has occurred.") and says what it refused in
         * {@code innererror.message}, which is then added.
         */
        public String errorMessage() {
            if (body == null || body.isBlank()) {
                return "";
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                if (error.hasNonNull("message")) {
                    String code = error.path("code").asText("");
                    String message = error.get("message").asText();
                    String inner = error.path("innererror").path("message").asText("");
                    if (!inner.isEmpty() && !inner.equals(message)) {
                        message = message + " " + inner;
                    }
                    return code.isEmpty() ? message : message + " (" + code + ")";
                }
            } catch (IOException notJson) {
                // fall through: some gateways answer in plain text or HTML
            }
            return body.strip();
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private BatchResponse() {}

    public static List<Part> parse(String contentType, byte[] body) {
        List<Part> parts = new ArrayList<>();
        collect(boundaryOf(contentType), new String(body, StandardCharsets.UTF_8), parts);
        return parts;
    }

    private static String boundaryOf(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new ODataException("$batch response is not multipart (Content-Type: " + contentType + ")", 200);
        }
        return m.group(1);
    }

    private static void collect(String boundary, String body, List<Part> out) {
        String delimiter = "--" + boundary;
        String[] sections = body.split(Pattern.quote(delimiter));
        // sections[0] is the preamble; the one starting with "--" is the epilogue after the close delimiter
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            if (section.startsWith("--")) {
                break;
            }
            String[] headAndRest = splitHead(stripLeadingNewline(section));
            String partHeaders = headAndRest[0];
            String contentType = header(partHeaders, "Content-Type");
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
                collect(boundaryOf(contentType), headAndRest[1], out);
            } else {
                out.add(httpPart(header(partHeaders, "Content-ID"), headAndRest[1]));
            }
        }
    }

    private static Part httpPart(String contentId, String http) {
        String[] headAndBody = splitHead(http.stripLeading());
        String head = headAndBody[0];
        String statusLine = head.lines().findFirst().orElse("");
        String[] tokens = statusLine.split(" ", 3);
        if (tokens.length < 2 || !tokens[0].startsWith("HTTP/")) {
            throw new ODataException("$batch response part has no HTTP status line: " + statusLine, 200);
        }
        String partBody = headAndBody[1];
        if (partBody.endsWith("\r\n")) {
            partBody = partBody.substring(0, partBody.length() - 2);
        } else if (partBody.endsWith("\n")) {
            partBody = partBody.substring(0, partBody.length() - 1);
        }
        return new Part(contentId, Integer.parseInt(tokens[1]), partBody, header(head, "Retry-After"));
    }

    /** Splits at the first empty line: [headers, rest]. */
    private static String[] splitHead(String text) {
        Matcher m = Pattern.compile("\r?\n\r?\n").matcher(text);
        if (!m.find()) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, m.start()), text.substring(m.end())};
    }

    private static String stripLeadingNewline(String s) {
        return s.startsWith("\r\n") ? s.substring(2) : s.startsWith("\n") ? s.substring(1) : s;
    }

    private static String header(String headers, String name) {
        return headers.lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElse(null);
    }
}
