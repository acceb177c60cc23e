package org.p2csync.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.util.List;

/**
 * The sandbox behind a recording HTTP proxy (WireMock) on 127.0.0.1: every request reaches the real sandbox, and a
 * test can count the GETs of an entity set whose {@code $filter} contains some text, or answer the next few of them
 * itself (a 429, a 500) before letting them through. For failure paths of one kind of request that the sandbox's
 * random fault rates cannot aim at.
 */
public final class SandboxProxy implements AutoCloseable {
    private static final String SCENARIO = "faults";

    private final Sandbox sandbox;
    private final WireMockServer server;

    public SandboxProxy(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port())));
    }

    /** The CRM service root through the proxy. */
    public String crmUrl() {
        return through(sandbox.crmUrl());
    }

    /** The ERP service root through the proxy. */
    public String erpUrl() {
        return through(sandbox.erpUrl());
    }

    private String through(String url) {
        return "http://127.0.0.1:" + server.port() + URI.create(url).getPath();
    }

    /** GETs of {@code entitySet} at {@code serviceRoot} (a URL of this proxy) whose $filter contains {@code text}. */
    public int gets(String serviceRoot, String entitySet, String text) {
        return server.findAll(matching(serviceRoot, entitySet, text)).size();
    }

    /**
     * Answers the next such GETs with these statuses, one each, in order (a 429 with {@code Retry-After: 1}); later
     * ones reach the sandbox again.
     */
    public void failNext(String serviceRoot, String entitySet, String text, int... statuses) {
        String state = STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "after fault " + (i + 1);
            server.stubFor(get(urlPathEqualTo(URI.create(serviceRoot).getPath() + entitySet)).atPriority(1)
                    .withQueryParam("$filter", containing(text))
                    .inScenario(SCENARIO).whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(fault(statuses[i])));
            state = next;
        }
    }

    /** Answers every such GET with this status until {@link #heal()}. */
    public void failAll(String serviceRoot, String entitySet, String text, int status) {
        server.stubFor(get(urlPathEqualTo(URI.create(serviceRoot).getPath() + entitySet)).atPriority(1)
                .withQueryParam("$filter", containing(text)).willReturn(fault(status)));
    }

    /** Every request reaches the sandbox again. */
    public void heal() {
        List.copyOf(server.getStubMappings()).stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
                .forEach(server::removeStub);
        server.resetScenarios();
    }

    private static ResponseDefinitionBuilder fault(int status) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + status + "\",\"message\":\"injected by the test proxy\"}}");
        return status == 429 ? response.withHeader("Retry-After", "1") : response;
    }

    private static RequestPatternBuilder matching(String serviceRoot, String entitySet, String text) {
        return getRequestedFor(urlPathEqualTo(URI.create(serviceRoot).getPath() + entitySet))
                .withQueryParam("$filter", containing(text));
    }

    @Override
    public void close() {
        server.stop();
    }
}
