package org.p2csync.odata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.p2csync.sync.RequestCounter;

class ODataClientTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACCOUNTS = "/api/data/v9.2/accounts";
    private static final String TOKEN = "/tenant/oauth2/v2.0/token";
    private static final String ONE_ROW = "{\"value\":[{\"accountid\":\"a\",\"name\":\"Жук\"}]}";

    private final RequestCounter counter = new RequestCounter();

    @Test
    void readSendsODataHeadersPagingPreferenceAndTheQuery() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        Page page = client.readPage("accounts", "accounts",
                new Query(List.of("accountid", "name"), "name eq 'O''B & C'", "modifiedon asc", 250, false));

        assertThat(page.rows()).hasSize(1);
        assertThat(page.hasNextLink()).isFalse();
        wm.verify(getRequestedFor(urlPathEqualTo(ACCOUNTS))
                .withHeader("OData-Version", equalTo("4.0"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer t1"))
                .withHeader("Prefer", equalTo("odata.maxpagesize=250"))
                .withQueryParam("$filter", equalTo("name eq 'O''B & C'"))
                .withQueryParam("$select", equalTo("accountid,name")));
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "scope=http%3A%2F%2Flocalhost%3A" + wm.getPort() + "%2F.default")));
    }

    @Test
    void tokenIsCachedAcrossRequests() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        for (int i = 0; i < 3; i++) {
            client.readPage("accounts", "accounts", query());
        }

        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(counter.get("accounts", "crm")).isEqualTo(4);
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() {
        // expires within the early-renewal margin: every request needs a fresh one
        WireMockServices.tokenEndpoint(wm, "t1", TokenSource.EARLY_RENEWAL.toSeconds());
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        client.readPage("accounts", "accounts", query());
        client.readPage("accounts", "accounts", query());

        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void a401RenewsTheTokenOnceAndRetriesWithTheNewOne() {
        wm.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"old\",\"expires_in\":3600}")).willSetStateTo("renewed"));
        wm.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\":\"new\",\"expires_in\":3600}")));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(status(401)));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThat(client.readPage("accounts", "accounts", query()).rows()).hasSize(1);
        assertThat(counter.get("accounts", "crm")).isEqualTo(4); // token, 401, token, 200
    }

    @Test
    void a401WithAFreshTokenIsNotRetriedForever() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(status(401)
                .withBody("{\"error\":{\"code\":\"0x80072560\",\"message\":\"The user is not a member\"}}")));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query()))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining("401 The user is not a member");
        wm.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void a429IsRetriedNoEarlierThanRetryAfter() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(status(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThat(client.readPage("accounts", "accounts", query()).rows()).hasSize(1);

        List<ServeEvent> reads = served(ACCOUNTS);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1).getRequest().getLoggedDate().getTime()
                - reads.get(0).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void serverErrorsAndConnectionResetsAreRetried() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(status(503)).willSetStateTo("reset"));
        // the JDK client itself resends a GET once when the connection drops before any response byte, so it
        // takes two resets in a row for one to reach our retry policy
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("reset again"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("flaky").whenScenarioStateIs("reset again")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("500"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("flaky").whenScenarioStateIs("500")
                .willReturn(status(500)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThat(client.readPage("accounts", "accounts", query()).rows()).hasSize(1);
        wm.verify(5, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void everyAttemptAndTheTokenRequestAreCounted() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(status(503)).willSetStateTo("502"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("busy").whenScenarioStateIs("502")
                .willReturn(status(502)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson(ONE_ROW)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        client.readPage("accounts", "accounts", query());

        assertThat(counter.get("accounts", "crm")).isEqualTo(4).isEqualTo(wm.getAllServeEvents().size());
        assertThat(counter.get("contacts", "crm")).isZero();
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheRequestAndLastStatus() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(status(503)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query()))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining("gave up on crm GET")
                .hasMessageContaining("/accounts")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((ODataException) e).status()).isEqualTo(503));
        wm.verify(4, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void clientErrorsAreNotRetried() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(status(400)
                .withBody("{\"error\":{\"code\":\"0x0\",\"message\":\"Could not find a property named 'nme'\"}}")));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query()))
                .hasMessageContaining("400 Could not find a property named 'nme'");
        wm.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void malformedJsonIsRetriedAFewTimesThenReportedWithTheParserMessage() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson("{\"value\":[{\"accountid\":\"a\",")));
        // A policy with more attempts than malformed bodies get: a page that stays broken must not cost them all.
        ODataClient client = new ODataClient(WireMockServices.crm(wm).withRetry(new RetryPolicy(
                java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5), 8)), counter);

        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query()))
                .isInstanceOf(MalformedPageException.class)
                .satisfies(e -> assertThat(((MalformedPageException) e).parserMessage()).isNotBlank());
        wm.verify(ODataClient.MALFORMED_ATTEMPTS, getRequestedFor(urlPathEqualTo(ACCOUNTS)));

        wm.resetRequests();
        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query(), 1))
                .isInstanceOf(MalformedPageException.class);
        wm.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void tokenFailuresNameTheEndpointAndNeverTheSecret() {
        wm.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(status(401)
                .withBody("{\"error\":\"invalid_client\"}")));
        ServiceConfig config = WireMockServices.crm(wm);
        ODataClient client = new ODataClient(config, counter);

        assertThatThrownBy(() -> client.readPage("accounts", "accounts", query()))
                .hasMessageContaining("token request for crm")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret").contains("clientSecret=****");
    }

    @Test
    void catalogParsesMetadata() {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo("/api/data/v9.2/$metadata"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(MetadataParserTest.CSDL)));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), counter);

        assertThat(client.catalog().fields("accounts").orElseThrow().get("name").maxLength()).isEqualTo(160);
        assertThat(counter.get(ODataClient.CATALOG_AREA, "crm")).isEqualTo(2);
    }

    private static Query query() {
        return new Query(List.of("accountid", "name"), null, null, 10, false);
    }

    static List<ServeEvent> served(String path) {
        return served(wm, path);
    }

    static List<ServeEvent> served(WireMockExtension server, String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }
}
