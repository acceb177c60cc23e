package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.EdmMetadataRequest;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetIteratorRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientEntitySetIterator;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party OData client must accept the sandbox: its $metadata, JSON and server-driven paging. */
class SandboxOlingoClientTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static ODataClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(250));
        http = new SandboxHttp(sandbox);
        client = ODataClientFactory.getClient();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void readsCrmMetadata() throws Exception {
        Edm edm = metadata(sandbox.crmUrl());
        EdmEntityType account = edm.getEntityType(new org.apache.olingo.commons.api.edm.FullQualifiedName(
                "Microsoft.Dynamics.CRM", "account"));
        assertThat(account.getKeyPredicateNames()).containsExactly("accountid");
        assertThat(account.getStructuralProperty("name").getMaxLength()).isEqualTo(160);
        assertThat(account.getStructuralProperty("modifiedon").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.DateTimeOffset");
        assertThat(edm.getEntityContainer().getEntitySet("accounts")).isNotNull();
    }

    @Test
    void readsErpMetadata() throws Exception {
        Edm edm = metadata(sandbox.erpUrl());
        EdmEntityType customer = edm.getEntityType(new org.apache.olingo.commons.api.edm.FullQualifiedName(
                "Microsoft.Dynamics.DataEntities", "CustomerV3"));
        assertThat(customer.getKeyPredicateNames()).containsExactly("dataAreaId", "CustomerAccount");
        assertThat(customer.getStructuralProperty("OrganizationName").getMaxLength()).isEqualTo(100);
        assertThat(customer.getStructuralProperty("DeliveryAddressZipCode").getMaxLength()).isEqualTo(10);
    }

    @Test
    void readsTheSalesSetsMetadataAndPagesThroughOrderLines() throws Exception {
        Edm erp = metadata(sandbox.erpUrl());
        EdmEntityType line = erp.getEntityType(new org.apache.olingo.commons.api.edm.FullQualifiedName(
                "Microsoft.Dynamics.DataEntities", "SalesOrderLine"));
        assertThat(line.getKeyPredicateNames()).containsExactly("dataAreaId", "SalesOrderNumber", "LineCreationSequenceNumber");
        assertThat(line.getStructuralProperty("LineCreationSequenceNumber").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.Int32");
        Edm crm = metadata(sandbox.crmUrl());
        EdmEntityType quoteDetail = crm.getEntityType(new org.apache.olingo.commons.api.edm.FullQualifiedName(
                "Microsoft.Dynamics.CRM", "quotedetail"));
        assertThat(quoteDetail.getStructuralProperty("_quoteid_value").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.Guid");
        assertThat(crm.getEntityContainer().getEntitySet("salesorderdetails")).isNotNull();
        Set<String> keys = new HashSet<>();
        pageThrough(URI.create(sandbox.erpUrl() + "SalesOrderLines?cross-company=true"),
                e -> keys.add(e.getProperty("SalesOrderNumber").getPrimitiveValue() + "|"
                        + e.getProperty("LineCreationSequenceNumber").getPrimitiveValue()));
        long expected = http.getJson(sandbox.erpUrl() + "SalesOrderLines?cross-company=true&$count=true&$top=0")
                .get("@odata.count").asLong();
        assertThat(keys).hasSize((int) expected).isNotEmpty();
    }

    @Test
    void pagesThroughAccountsFollowingNextLinks() throws Exception {
        Set<String> ids = new HashSet<>();
        int pages = pageThrough(URI.create(sandbox.crmUrl() + "accounts?$select=accountid,name,modifiedon&$orderby=modifiedon"),
                e -> ids.add(e.getProperty("accountid").getPrimitiveValue().toString()));
        assertThat(ids).hasSize(250);
        assertThat(pages).as("250 rows in pages of 50, no empty trailing page").isEqualTo(5);
    }

    @Test
    void pagesThroughCustomers() throws Exception {
        for (int i = 0; i < 45; i++) {
            String company = i % 3 == 0 ? "demf" : "usmf";
            http.send("PATCH", sandbox.erpUrl() + "CustomersV3(dataAreaId='" + company + "',CustomerAccount='OL-" + i + "')",
                    "{\"OrganizationName\":\"Olingo " + i + "\"}", Map.of());
        }
        Set<String> keys = new HashSet<>();
        pageThrough(URI.create(sandbox.erpUrl() + "CustomersV3?cross-company=true"),
                e -> keys.add(e.getProperty("dataAreaId").getPrimitiveValue() + "|" + e.getProperty("CustomerAccount").getPrimitiveValue()));
        assertThat(keys).hasSize(45);
        Set<String> usmf = new HashSet<>();
        pageThrough(URI.create(sandbox.erpUrl() + "CustomersV3"),
                e -> usmf.add(e.getProperty("CustomerAccount").getPrimitiveValue().toString()));
        assertThat(usmf).hasSize(30);
    }

    private static Edm metadata(String root) throws Exception {
        EdmMetadataRequest request = client.getRetrieveRequestFactory().getMetadataRequest(root);
        request.addCustomHeader("Authorization", "Bearer " + http.token());
        return request.execute().getBody();
    }

    private static int pageThrough(URI first, java.util.function.Consumer<ClientEntity> each) throws Exception {
        URI next = first;
        int pages = 0;
        while (next != null) {
            ODataEntitySetIteratorRequest<ClientEntitySet, ClientEntity> request =
                    client.getRetrieveRequestFactory().getEntitySetIteratorRequest(next);
            request.addCustomHeader("Authorization", "Bearer " + http.token());
            request.addCustomHeader("Prefer", "odata.maxpagesize=50");
            ClientEntitySetIterator<ClientEntitySet, ClientEntity> iterator = request.execute().getBody();
            while (iterator.hasNext()) {
                each.accept(iterator.next());
            }
            next = iterator.getNext();
            pages++;
        }
        return pages;
    }
}
