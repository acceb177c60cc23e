package org.p2csync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Small helpers for answering on the JDK HTTP server. */
final class HttpExchanges {
    private HttpExchanges() {}

    static void send(HttpExchange exchange, ODataResponse response) throws IOException {
        send(exchange, response.status(), response.headers(), response.body());
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty = body.length == 0 || status == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, Map.of("Content-Type", "application/json"), Json.MAPPER.writeValueAsBytes(value));
    }

    /** Drops the connection without any response, as a reset on the network would. */
    static void drop(HttpExchange exchange) {
        exchange.close();
    }

    static String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return "http://" + host;
    }
}
