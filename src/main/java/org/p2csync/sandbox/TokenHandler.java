package org.p2csync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code POST /oauth2/token}: the client-credentials grant, answered like Entra ID. */
final class TokenHandler implements HttpHandler {
    private final TokenIssuer tokens;
    private final SandboxMetrics metrics;

    TokenHandler(TokenIssuer tokens, SandboxMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            metrics.tokenRequests.increment();
            if (!exchange.getRequestMethod().equals("POST")) {
                HttpExchanges.json(exchange, 405, error("invalid_request", "Use POST"));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type"))) {
                HttpExchanges.json(exchange, 400, error("unsupported_grant_type",
                        "Only grant_type=client_credentials is supported, got " + form.get("grant_type")));
                return;
            }
            Optional<String> token = tokens.issue(form.get("client_id"), form.get("client_secret"));
            if (token.isEmpty()) {
                HttpExchanges.json(exchange, 401, error("invalid_client",
                        "Client authentication failed for client_id '" + form.get("client_id") + "'"));
                return;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token_type", "Bearer");
            answer.put("expires_in", tokens.ttl().toSeconds());
            answer.put("access_token", token.get());
            HttpExchanges.json(exchange, 200, answer);
        }
    }

    private static Map<String, String> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    values.put(QueryOptions.decode(pair.substring(0, eq), true), QueryOptions.decode(pair.substring(eq + 1), true));
                } catch (ODataError e) {
                    // a malformed field is treated as absent; the grant then fails with a named reason
                }
            }
        }
        return values;
    }
}
