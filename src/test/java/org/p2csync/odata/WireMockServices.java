package org.p2csync.odata;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;

/** Configs pointing at a WireMock server that stands in for Entra ID and an OData service. */
final class WireMockServices {
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 4);

    private WireMockServices() {}

    static ServiceConfig crm(WireMockExtension wm) {
        return config(wm, "crm", Dialect.DATAVERSE, "/api/data/v9.2/");
    }

    static ServiceConfig erp(WireMockExtension wm) {
        return config(wm, "erp", Dialect.FNO, "/data/");
    }

    private static ServiceConfig config(WireMockExtension wm, String system, Dialect dialect, String root) {
        return new ServiceConfig(system, dialect, wm.baseUrl() + root, wm.baseUrl() + "/tenant/oauth2/v2.0/token",
                "client-1", "s3cret", null, Duration.ofSeconds(2), Duration.ofSeconds(5), FAST);
    }

    static void tokenEndpoint(WireMockExtension wm, String token, long expiresIn) {
        wm.stubFor(post(urlPathEqualTo("/tenant/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\""
                        + token + "\"}")));
    }
}
