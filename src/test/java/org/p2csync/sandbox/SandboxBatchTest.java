package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxBatchTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(10));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void changeSetIsAtomicAndRolledBackWhenOneRequestFails() throws Exception {
        String good = create("1", "BATCH-A1", "\"OrganizationName\":\"Good\"");
        String bad = create("2", "BATCH-A2", "\"OrganizationName\":\"" + "x".repeat(101) + "\"");
        HttpResponse<String> r = batch(List.of(changeSet(List.of(good, bad))), false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(statuses(r.body())).containsExactly(400);
        assertThat(r.body()).contains("Content-ID: 2").contains("OrganizationName");
        assertThat(http.get(customer("BATCH-A1")).statusCode()).as("rolled back").isEqualTo(404);

        HttpResponse<String> ok = batch(List.of(changeSet(List.of(good,
                create("2", "BATCH-A2", "\"OrganizationName\":\"Also good\"")))), false);
        assertThat(statuses(ok.body())).containsExactly(201, 201);
        assertThat(ok.body()).contains("Content-ID: 1").contains("OData-EntityId: ");
        assertThat(http.get(customer("BATCH-A1")).statusCode()).isEqualTo(200);
        assertThat(http.get(customer("BATCH-A2")).statusCode()).isEqualTo(200);
    }

    @Test
    void stopsAtTheFirstFailureUnlessContinueOnError() throws Exception {
        List<String> parts = List.of(
                create("1", "BATCH-B1", "\"OrganizationName\":\"one\""),
                create("2", "BATCH-B2", "\"NoSuchField\":1"),
                create("3", "BATCH-B3", "\"OrganizationName\":\"three\""));
        HttpResponse<String> stopping = batch(parts, false);
        assertThat(statuses(stopping.body())).containsExactly(201, 400);
        assertThat(http.get(customer("BATCH-B3")).statusCode()).isEqualTo(404);

        HttpResponse<String> continuing = batch(parts.subList(1, 3), true);
        assertThat(statuses(continuing.body())).containsExactly(400, 201);
        assertThat(continuing.headers().firstValue("Preference-Applied")).hasValue("odata.continue-on-error");
        assertThat(http.get(customer("BATCH-B3")).statusCode()).isEqualTo(200);
    }

    @Test
    void absoluteUrlsAndReadsInsideABatch() throws Exception {
        String get = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "GET " + sandbox.crmUrl() + "accounts?$select=name&$top=2 HTTP/1.1\r\nAccept: application/json\r\n\r\n";
        HttpResponse<String> r = send(sandbox.crmUrl(), List.of(get), false);
        assertThat(statuses(r.body())).containsExactly(200);
        assertThat(r.body()).contains("\"value\":[");
    }

    @Test
    void thousandUpsertsInOneBatchAndNoMore() throws Exception {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            parts.add(create(String.valueOf(i), "BULK-" + i, "\"OrganizationName\":\"Bulk " + i + "\",\"CreditLimit\":" + i));
        }
        HttpResponse<String> r = batch(parts, false);
        assertThat(statuses(r.body())).hasSize(1000).containsOnly(201);
        int count = http.getJson(sandbox.erpUrl() + "CustomersV3?$count=true&$top=0&$filter="
                + SandboxHttp.enc("CreditLimit ge 0 and OrganizationName ne null")).get("@odata.count").asInt();
        assertThat(count).isGreaterThanOrEqualTo(1000);

        parts.add(create("1000", "BULK-1000", "\"OrganizationName\":\"one too many\""));
        HttpResponse<String> tooMany = batch(parts, false);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("1001").contains("1000");
        assertThat(sandbox.stats().batches()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void headerAndLinesTravelInOneChangeSetAndFailTogether() throws Exception {
        String header = post("1", "CDSSalesOrderHeaders", "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"ORD-B-1\","
                + "\"OrderingCustomerAccountNumber\":\"ACC-1\",\"SalesOrderOriginCode\":\"CRM\"}");
        String line1 = post("2", "CDSSalesOrderLines", "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"ORD-B-1\","
                + "\"LineCreationSequenceNumber\":1,\"ProductNumber\":\"D1000\",\"OrderedSalesQuantity\":2}");
        String badLine = post("3", "CDSSalesOrderLines", "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"ORD-B-1\","
                + "\"LineCreationSequenceNumber\":2,\"ProductNumber\":\"" + "P".repeat(21) + "\"}");
        HttpResponse<String> failed = batch(List.of(changeSet(List.of(header, line1, badLine))), true);
        assertThat(statuses(failed.body())).containsExactly(400);
        String order = sandbox.erpUrl() + "CDSSalesOrderHeaders(dataAreaId='demf',SalesOrderNumber='ORD-B-1')?cross-company=true";
        assertThat(http.get(order).statusCode()).as("header rolled back with its line").isEqualTo(404);

        HttpResponse<String> ok = batch(List.of(changeSet(List.of(header, line1))), true);
        assertThat(statuses(ok.body())).containsExactly(201, 201);
        assertThat(http.get(order).statusCode()).isEqualTo(200);
        assertThat(http.getJson(sandbox.erpUrl() + "CDSSalesOrderLines?cross-company=true&$filter="
                + SandboxHttp.enc("SalesOrderNumber eq 'ORD-B-1'")).get("value")).hasSize(1);
    }

    private static String post(String contentId, String set, String json) {
        return BatchBodies.part(contentId, "POST", set, json);
    }

    private static String customer(String account) {
        return sandbox.erpUrl() + "CustomersV3(dataAreaId='usmf',CustomerAccount='" + SandboxHttp.enc(account) + "')";
    }

    /** F&O creates by POST: the customer's key goes in the body. */
    private static String create(String contentId, String account, String fields) {
        return post(contentId, "CustomersV3", "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"" + account + "\"," + fields + "}");
    }

    private static String changeSet(List<String> parts) {
        return BatchBodies.changeSet(parts);
    }

    private static HttpResponse<String> batch(List<String> parts, boolean continueOnError) throws Exception {
        return send(sandbox.erpUrl(), parts, continueOnError);
    }

    private static HttpResponse<String> send(String root, List<String> parts, boolean continueOnError) throws Exception {
        return BatchBodies.send(http, root, parts, continueOnError);
    }

    private static List<Integer> statuses(String body) {
        return BatchBodies.statuses(body);
    }
}
