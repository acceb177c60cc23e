package org.p2csync.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.p2csync.flow.AlertNotifier;
import org.p2csync.flow.AreaAlert;
import org.p2csync.state.AlertRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a JSON body to {@code p2c.alerts.webhook} when an alert rule pauses an area. The pause is in the state
 * already; a webhook that fails or refuses is logged and never stops the sync.
 */
final class AlertWebhook implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    AlertWebhook(URI url) {
        this.url = url;
    }

    @Override
    public void fired(AreaAlert alert) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(alert))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("{}: alert webhook {} answered HTTP {}; the area is paused all the same", alert.area(), url,
                        response.statusCode());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: alert webhook {} failed ({}); the area is paused all the same", alert.area(), url,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{}: alert webhook {} interrupted; the area is paused all the same", alert.area(), url);
        }
    }

    /** {"event":"paused","area","reason","failedRecords","maxFailed","window","runId","at"}. */
    private String body(AreaAlert alert) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "paused");
        body.put("area", alert.area());
        body.put("reason", alert.reason());
        body.put("failedRecords", alert.failedRecords());
        body.put("maxFailed", alert.rule().maxFailed());
        body.put("window", AlertRule.shown(alert.rule().window()));
        body.put("runId", alert.runId());
        body.put("at", alert.at().toString());
        body.put("resume", "resume --area " + alert.area());
        return json.writeValueAsString(body);
    }
}
