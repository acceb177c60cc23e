package org.p2csync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * Operator endpoints on the same port, without auth: {@code GET /sandbox/stats}, {@code POST /sandbox/faults?spec=..},
 * {@code POST /sandbox/poison?set=..&id=..} and {@code POST /sandbox/privileges?deny=..} (privileges the CRM's
 * application user lacks, comma-separated; none to give them back).
 */
final class AdminHandler implements HttpHandler {
    private final Sandbox sandbox;

    AdminHandler(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            QueryOptions query;
            try {
                query = QueryOptions.parse(exchange.getRequestURI().getRawQuery());
                switch (method + " " + path) {
                    case "GET /sandbox/stats" -> HttpExchanges.json(exchange, 200, sandbox.stats());
                    case "POST /sandbox/faults" -> {
                        sandbox.setFaults(FaultSpec.parse(query.get("spec")));
                        HttpExchanges.json(exchange, 200, Map.of("faults", sandbox.faults().toString()));
                    }
                    case "POST /sandbox/privileges" -> {
                        String deny = query.get("deny");
                        sandbox.denyPrivileges(deny == null || deny.isBlank() ? java.util.Set.of()
                                : java.util.Set.of(deny.split("\\s*,\\s*")));
                        HttpExchanges.json(exchange, 200, Map.of("denied", sandbox.deniedPrivileges()));
                    }
                    case "POST /sandbox/poison" -> {
                        String set = query.get("set");
                        String id = query.get("id");
                        if (set == null || id == null) {
                            throw new IllegalArgumentException("poison needs ?set=<entity set>&id=<key>");
                        }
                        sandbox.poison(set, id);
                        HttpExchanges.json(exchange, 200, Map.of("poisoned", set + "(" + id + ")"));
                    }
                    default -> HttpExchanges.json(exchange, 404, Map.of("error",
                            "unknown admin request " + method + " " + path
                                    + "; try GET /sandbox/stats, POST /sandbox/faults?spec=.., POST /sandbox/poison?set=..&id=..,"
                                    + " POST /sandbox/privileges?deny=prvCreateAttribute,..."));
                }
            } catch (IllegalArgumentException e) {
                HttpExchanges.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (ODataError e) {
                HttpExchanges.json(exchange, e.status(), Map.of("error", e.getMessage()));
            }
        }
    }
}
