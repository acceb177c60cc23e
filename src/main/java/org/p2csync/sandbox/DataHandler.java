package org.p2csync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire in front of one simulated service: bearer-token check, Retry-After bookkeeping and injected faults, then
 * the request goes to the {@link ServiceEndpoint}. Faults hit data requests only, never the token endpoint.
 */
final class DataHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DataHandler.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ServiceEndpoint endpoint;
    private final TokenIssuer tokens;
    private final FaultInjector faults;
    private final RetryAfterTracker retryAfter;
    private final SandboxMetrics metrics;
    private final Privileges privileges;

    DataHandler(ServiceEndpoint endpoint, TokenIssuer tokens, FaultInjector faults, RetryAfterTracker retryAfter,
                SandboxMetrics metrics, Privileges privileges) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.faults = faults;
        this.retryAfter = retryAfter;
        this.metrics = metrics;
        this.privileges = privileges;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.debug("request {} {} ended with {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String system = endpoint.service().model().system();
        ServiceKind kind = endpoint.service().kind();
        metrics.request(system);
        if (exchange.getRequestURI().getPath().contains("/" + MetadataApi.ROOT)) {
            metrics.metadataApiRequests.increment();
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Optional<String> client = tokens.clientOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (client.isEmpty()) {
            metrics.unauthorized.increment();
            HttpExchanges.send(exchange, ODataResponse.error(kind, 401, "Unauthorized",
                    "A valid, unexpired bearer token is required").withHeader("WWW-Authenticate", "Bearer"));
            return;
        }
        String clientId = client.get();
        if (retryAfter.isEarly(clientId)) {
            metrics.retryAfterViolations.increment();
            LOG.warn("{}: client {} came back before the Retry-After of its last 429 ({} {})", system, clientId,
                    exchange.getRequestMethod(), exchange.getRequestURI());
        }
        FaultSpec spec = faults.spec();
        if (!spec.latency().isZero()) {
            sleep(spec.latency());
        }
        boolean write = !exchange.getRequestMethod().equals("GET");
        FaultInjector.Fault fault = faults.decide(write);
        switch (fault) {
            case THROTTLE -> {
                metrics.throttled.increment();
                retryAfter.throttled(clientId, RETRY_AFTER);
                // Dataverse's service-protection code for the request count (api-limits.md); F&O sends no code
                HttpExchanges.send(exchange, ODataResponse.error(kind, 429, "0x80072322",
                                "Number of requests exceeded the limit; retry after " + RETRY_AFTER.toSeconds() + " s")
                        .withHeader("Retry-After", String.valueOf(RETRY_AFTER.toSeconds())));
                return;
            }
            case SERVER_ERROR -> {
                metrics.serverErrors.increment();
                HttpExchanges.send(exchange, ODataResponse.error(kind, 500, "InternalServerError", "Injected server error"));
                return;
            }
            case RESET_BEFORE -> {
                metrics.resets.increment();
                HttpExchanges.drop(exchange);
                return;
            }
            default -> { }
        }
        ODataRequest request = toRequest(exchange, body);
        ODataResponse response = kind == ServiceKind.DATAVERSE ? privileges.refusal(request)
                .orElseGet(() -> endpoint.handle(request)) : endpoint.handle(request);
        if (fault == FaultInjector.Fault.RESET_AFTER) {
            metrics.resets.increment();
            HttpExchanges.drop(exchange);
            return;
        }
        if (response.collection() && response.status() == 200 && faults.malform()) {
            metrics.malformed.increment();
            response = new ODataResponse(200, response.headers(),
                    Arrays.copyOf(response.body(), response.body().length / 2), true);
        }
        HttpExchanges.send(exchange, response);
    }

    private ODataRequest toRequest(HttpExchange exchange, byte[] body) {
        String root = endpoint.service().model().rootPath();
        String path = exchange.getRequestURI().getRawPath();
        String resource = path.length() > root.length() ? path.substring(root.length()) : "";
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        return new ODataRequest(exchange.getRequestMethod(), resource, exchange.getRequestURI().getRawQuery(), headers,
                body, HttpExchanges.baseUrl(exchange));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
