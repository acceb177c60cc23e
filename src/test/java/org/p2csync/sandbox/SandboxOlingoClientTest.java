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
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
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
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(250));
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
        EdmEntityType account = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.CRM", "account"));
        assertThat(account.getKeyPredicateNames()).containsExactly("accountid");
        assertThat(account.getStructuralProperty("name").getMaxLength()).isEqualTo(160);
        assertThat(account.getStructuralProperty("modifiedon").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.DateTimeOffset");
        assertThat(edm.getEntityContainer().getEntitySet("accounts")).isNotNull();
    }

    @Test
    void readsErpMetadataWithEnumTypesAndNoLengths() throws Exception {
        Edm edm = metadata(sandbox.erpUrl());
        EdmEntityType customer = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.DataEntities", "CustomerV3"));
        assertThat(customer.getKeyPredicateNames()).containsExactly("dataAreaId", "CustomerAccount");
        assertThat(customer.getStructuralProperty("OrganizationName").getMaxLength()).as("F&O publishes none").isNull();
        EdmProperty onHold = customer.getStructuralProperty("OnHoldStatus");
        assertThat(onHold.getType()).isInstanceOf(EdmEnumType.class);
        EdmEnumType blocked = (EdmEnumType) onHold.getType();
        assertThat(blocked.getFullQualifiedName().toString()).isEqualTo("Microsoft.Dynamics.DataEntities.CustVendorBlocked");
        assertThat(blocked.getMember("All").getValue()).isEqualTo("2");
        EdmEntityType order = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.DataEntities", "CDSSalesOrderHeader"));
        assertThat(((EdmEnumType) order.getStructuralProperty("SalesOrderProcessingStatus").getType()).getMemberNames())
                .startsWith("Active", "Confirmed", "Picked");
        assertThat(order.getStructuralProperty("OrderTotalAmount").isNullable()).isFalse();
    }

    @Test
    void readsCrmNavigationProperties() throws Exception {
        Edm edm = metadata(sandbox.crmUrl());
        EdmEntityType contact = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.CRM", "contact"));
        EdmNavigationProperty parent = contact.getNavigationProperty("parentcustomerid_account");
        assertThat(parent.getType().getName()).isEqualTo("account");
        assertThat(parent.isCollection()).isFalse();
        assertThat(parent.getReferentialConstraints().get(0).getPropertyName()).isEqualTo("_parentcustomerid_value");
        assertThat(contact.getNavigationProperty("ownerid").getType().getName()).isEqualTo("principal");
        assertThat(contact.getStructuralProperty("p2c_contactnumber").getMaxLength()).isEqualTo(20);
        assertThat(contact.getStructuralProperty("address1_latitude").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.Double");
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
            http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"" + company + "\",\"CustomerAccount\":\"OL-"
                    + i + "\",\"OrganizationName\":\"Olingo " + i + "\"}", Map.of());
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
