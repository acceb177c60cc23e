package org.p2csync.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import org.p2csync.sandbox.Sandbox;

/**
 * WireMock in front of the sandbox, passing every request on and keeping the Host header, so the links the sandbox
 * builds (nextLink, deltaLink) lead back through it: the tests see every request the sync sent, and can make one
 * fail. The sync is pointed at it with {@code p2c.crm.url} / {@code p2c.erp.url} = {@link #url} + the service root.
 */
final class SandboxProxy implements AutoCloseable {
    /** One GET the sandbox answered through the proxy: the URL as sent, and the body that came back. */
    record Exchange(String url, String responseBody) {}

    /**
     * One request other than a GET that passed through: method, URL path and query as sent, the request body, the
     * status and body of the answer.
     */
    record Sent(String method, String url, String body, int status, String responseBody) {}

    private final WireMockServer server;
    private final String sandboxRoot;

    SandboxProxy(Sandbox sandbox) {
        this.sandboxRoot = "http://127.0.0.1:" + sandbox.port();
        this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandboxRoot)));
    }

    /** The proxy's root, e.g. {@code http://127.0.0.1:40123}. */
    String url() {
        return server.baseUrl();
    }

    /** Answers the second GET of {@code path} that follows a nextLink ($skiptoken) with 400: a read fails for good. */
    void failSecondNextLink(String path) {
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", matching(".+")).atPriority(1)
                .inScenario("read").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second nextLink")
                .willReturn(aResponse().proxiedFrom(sandboxRoot)));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("$skiptoken", matching(".+")).atPriority(1)
                .inScenario("read").whenScenarioStateIs("second nextLink")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"\",\"message\":\"refused for the test\"}}")));
    }

    /** Passes every request on again, as before {@link #failSecondNextLink}. */
    void passEverything() {
        server.resetMappings();
        server.resetScenarios();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandboxRoot)));
    }

    /** The GETs of {@code path} so far, oldest first, with absolute URLs. */
    List<Exchange> gets(String path) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events); // the journal lists the newest first
        List<Exchange> gets = new ArrayList<>();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            if (event.getRequest().getMethod().value().equals("GET") && url.split("\\?")[0].equals(path)) {
                gets.add(new Exchange(server.baseUrl() + url, event.getResponse().getBodyAsString()));
            }
        }
        return gets;
    }

    /**
     * The requests other than GET (PATCH, POST, DELETE, $batch) whose path starts with {@code pathPrefix}, oldest
     * first, with their bodies: what the sync asked a service to change.
     */
    List<Sent> writes(String pathPrefix) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events); // the journal lists the newest first
        List<Sent> writes = new ArrayList<>();
        for (ServeEvent event : events) {
            String method = event.getRequest().getMethod().value();
            String url = event.getRequest().getUrl();
            if (!method.equals("GET") && url.startsWith(pathPrefix)) {
                writes.add(new Sent(method, url, event.getRequest().getBodyAsString(), event.getResponse().getStatus(),
                        event.getResponse().getBodyAsString()));
            }
        }
        return writes;
    }

    /** Forgets the requests seen so far. */
    void clear() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
