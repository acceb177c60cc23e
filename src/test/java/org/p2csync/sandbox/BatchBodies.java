package org.p2csync.sandbox;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds multipart $batch bodies and reads the statuses of their answers, for tests that send batches by hand. */
final class BatchBodies {
    private BatchBodies() {}

    /** One request part; {@code json} may be null (no body). */
    static String part(String contentId, String method, String url, String json) {
        return "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: " + contentId
                + "\r\n\r\n" + method + " " + url + " HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                + (json == null ? "" : json) + "\r\n";
    }

    static String changeSet(List<String> parts) {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=changeset_x\r\n\r\n");
        parts.forEach(p -> b.append("--changeset_x\r\n").append(p));
        return b.append("--changeset_x--\r\n").toString();
    }

    static HttpResponse<String> send(SandboxHttp http, String root, List<String> parts, boolean continueOnError)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        parts.forEach(p -> body.append("--batch_y\r\n").append(p));
        body.append("--batch_y--\r\n");
        Map<String, String> headers = continueOnError
                ? Map.of("Content-Type", "multipart/mixed; boundary=batch_y", "Prefer", "odata.continue-on-error")
                : Map.of("Content-Type", "multipart/mixed; boundary=batch_y");
        return http.send("POST", root + "$batch", body.toString(), headers);
    }

    /** The statuses of the answered operations, in order (a failed change set answers once). */
    static List<Integer> statuses(String body) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^HTTP/1.1 (\\d{3})").matcher(body);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}
