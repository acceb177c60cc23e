package org.p2csync.odata;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.p2csync.sync.RequestCounter;

class ThrottleGateTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACCOUNTS = "/api/data/v9.2/accounts";
    private static final String CONTACTS = "/api/data/v9.2/contacts";

    @Test
    void a429HoldsBackOtherThreadsCallingTheSameSystem() throws Exception {
        WireMockServices.tokenEndpoint(wm, "t1", 3600);
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(status(429).withHeader("Retry-After", "2")).willSetStateTo("open"));
        wm.stubFor(get(urlPathEqualTo(ACCOUNTS)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(okJson("{\"value\":[]}")));
        wm.stubFor(get(urlPathEqualTo(CONTACTS)).willReturn(okJson("{\"value\":[]}")));
        ODataClient client = new ODataClient(WireMockServices.crm(wm), new RequestCounter());
        Query query = new Query(List.of(), null, null, 10, false);

        CompletableFuture<Page> throttled =
                CompletableFuture.supplyAsync(() -> client.readPage("accounts", "accounts", query));
        ServeEvent rejected = awaitServed(ACCOUNTS);
        Thread.sleep(200); // let the first caller read the 429 and close the gate
        client.readPage("contacts", "contacts", query);
        throttled.get();

        ServeEvent other = ODataClientTest.served(wm, CONTACTS).get(0);
        long heldBack = other.getRequest().getLoggedDate().getTime() - rejected.getRequest().getLoggedDate().getTime();
        assertThat(heldBack).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(now.plusSeconds(90), ZoneOffset.UTC));

        assertThat(RetryAfter.deadline(Optional.of("7"), now)).contains(now.plusSeconds(7));
        assertThat(RetryAfter.deadline(Optional.of(date), now)).contains(now.plusSeconds(90));
        assertThat(RetryAfter.deadline(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.deadline(Optional.empty(), now)).isEmpty();
    }

    @Test
    void aShorterDeadlineNeverShortensALongerOne() {
        ThrottleGate gate = new ThrottleGate();
        Instant later = Instant.now().plusSeconds(60);

        gate.holdUntil(later);
        gate.holdUntil(later.minusSeconds(30));

        assertThat(gate.deadline()).isEqualTo(later);
    }

    private static ServeEvent awaitServed(String path) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<ServeEvent> events = ODataClientTest.served(wm, path);
            if (!events.isEmpty()) {
                return events.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request to " + path + " arrived");
    }
}
