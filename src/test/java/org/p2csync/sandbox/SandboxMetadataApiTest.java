package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox starts as a fresh Sales org, and its metadata Web API creates what p2c-sync's setup needs: columns
 * that exist only once created, typed as declared, and alternate keys whose index is built asynchronously (Pending,
 * InProgress, Active, or Failed on duplicates), usable only once Active. Over HTTP, in Dataverse's shapes.
 */
class SandboxMetadataApiTest {
    private static final Duration INDEX_DELAY = Duration.ofMillis(1200);

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static String api;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("org")).withSeedAccounts(30)
                .withKeyIndexDelay(INDEX_DELAY));
        http = new SandboxHttp(sandbox);
        api = sandbox.crmUrl() + "EntityDefinitions";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aFreshOrgHasNoAlternateKeysAndNoP2cColumns() throws Exception {
        JsonNode tables = http.getJson(api + "?$select=LogicalName&$expand=Keys");
        assertThat(tables.get("value")).hasSize(16);
        tables.get("value").forEach(t -> assertThat(t.get("Keys")).as(t.get("LogicalName").asText()).isEmpty());

        String metadata = http.get(sandbox.crmUrl() + "$metadata").body();
        assertThat(metadata).contains("Name=\"salesorder\"").doesNotContain("p2c_").doesNotContain("AlternateKeys");
        refused(http.get(sandbox.crmUrl() + "salesorders?$select=name,p2c_origin"), "0x0", "p2c_origin");
        refused(http.get(sandbox.crmUrl() + "contacts?$filter=" + SandboxHttp.enc("p2c_contactnumber eq 'CON-001000'")),
                "0x0", "p2c_contactnumber");
        refused(http.send("POST", sandbox.crmUrl() + "products", "{\"name\":\"x\",\"p2c_externallymaintained\":true}",
                Map.of()), "0x80060888", "Invalid property 'p2c_externallymaintained'");
        assertThat(http.getJson(sandbox.crmUrl() + "contacts?$top=1").get("value").get(0).has("p2c_isactivecustomer"))
                .as("not served until created").isFalse();
        HttpResponse<String> noColumn = http.get(api + "(LogicalName='invoice')/Attributes(LogicalName='p2c_invoicedate')");
        assertThat(noColumn.statusCode()).isEqualTo(404);
        refused(http.get(sandbox.crmUrl() + "accounts(accountnumber='ACC-X')"), "0x80060888",
                "The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'");
    }

    @Test
    void entityDefinitionsServeTablesWithTheirKeysAndAttributes() throws Exception {
        JsonNode account = http.getJson(api + "(LogicalName='account')?$select=LogicalName,EntitySetName,"
                + "PrimaryIdAttribute&$expand=" + SandboxHttp.enc("Attributes($select=LogicalName,AttributeType),Keys"));
        assertThat(account.get("LogicalName").asText()).isEqualTo("account");
        assertThat(account.get("EntitySetName").asText()).isEqualTo("accounts");
        assertThat(account.get("PrimaryIdAttribute").asText()).isEqualTo("accountid");
        assertThat(account.has("SchemaName")).as("not selected").isFalse();
        assertThat(account.get("MetadataId").asText()).hasSize(36);
        List<String> attributes = new ArrayList<>();
        account.get("Attributes").forEach(a -> attributes.add(a.get("LogicalName").asText() + ":" + a.get("AttributeType").asText()));
        assertThat(attributes).contains("accountid:Uniqueidentifier", "accountnumber:String", "customertypecode:Picklist",
                "transactioncurrencyid:Lookup", "statecode:State", "modifiedon:DateTime");
        JsonNode byId = http.getJson(api + "(" + account.get("MetadataId").asText() + ")?$select=SchemaName");
        assertThat(byId.get("SchemaName").asText()).isEqualTo("Account");

        JsonNode number = http.getJson(api + "(LogicalName='account')/Attributes(LogicalName='accountnumber')");
        assertThat(number.get("@odata.type").asText()).isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
        assertThat(number.get("MaxLength").asInt()).isEqualTo(20);
        JsonNode status = http.getJson(api + "(LogicalName='salesorder')/Attributes(LogicalName='statuscode')"
                + "/Microsoft.Dynamics.CRM.StatusAttributeMetadata?$expand=OptionSet");
        assertThat(status.at("/OptionSet/Options/0/Label/UserLocalizedLabel/Label").asText()).isNotBlank();
        assertThat(status.at("/OptionSet/Options").findValues("State")).isNotEmpty();
        JsonNode picklists = http.getJson(api + "(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM"
                + ".PicklistAttributeMetadata?$select=LogicalName&$filter=" + SandboxHttp.enc("LogicalName eq 'customertypecode'"));
        assertThat(picklists.get("value")).hasSize(1);

        refused(http.get(api + "(LogicalName='account')?$select=NoSuchProperty"), "0x0", "NoSuchProperty");
        refused(http.get(api + "(LogicalName='account')/Attributes(LogicalName='accountnumber')?$expand=OptionSet"),
                "0x0", "OptionSet");
        refused(http.get(api + "(LogicalName='account')/Attributes(LogicalName='accountnumber')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"), "0x80060888", "StringAttributeMetadata");
        HttpResponse<String> lead = http.get(api + "(LogicalName='lead')");
        assertThat(lead.statusCode()).as("a table the org does not have").isEqualTo(404);
        assertThat(lead.body()).contains("lead");
        assertThat(http.send("DELETE", api + "(LogicalName='account')", null, Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void columnsCreatedThroughTheApiAreServedTypedAsDeclaredWithTheSeedsValues() throws Exception {
        HttpResponse<String> created = http.send("POST", api + "(LogicalName='contact')/Attributes", stringColumn(
                "p2c_ContactNumber", 12), Map.of("MSCRM.SolutionUniqueName", "p2csync"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        assertThat(created.headers().firstValue("OData-EntityId").orElseThrow())
                .startsWith(api + "(LogicalName='contact')/Attributes(");
        JsonNode attribute = http.getJson(created.headers().firstValue("OData-EntityId").orElseThrow());
        assertThat(attribute.get("LogicalName").asText()).isEqualTo("p2c_contactnumber");
        assertThat(attribute.get("SchemaName").asText()).isEqualTo("p2c_ContactNumber");
        assertThat(attribute.get("IsCustomAttribute").asBoolean()).isTrue();
        assertThat(attribute.get("MaxLength").asInt()).as("as declared, not as p2c-columns.yaml says").isEqualTo(12);
        assertThat(http.get(sandbox.crmUrl() + "$metadata").body())
                .contains("<Property Name=\"p2c_contactnumber\" Type=\"Edm.String\" MaxLength=\"12\"/>");
        JsonNode contacts = http.getJson(sandbox.crmUrl() + "contacts?$select=p2c_contactnumber&$orderby=p2c_contactnumber");
        assertThat(contacts.at("/value/0/p2c_contactnumber").asText()).as("the values users filled in")
                .isEqualTo("CON-001000");
        String contact = sandbox.crmUrl() + "contacts(" + contacts.at("/value/0/contactid").asText() + ")";
        assertThat(http.send("PATCH", contact, "{\"p2c_contactnumber\":\"CON-12345678\"}", Map.of()).statusCode())
                .isEqualTo(204);
        refused(http.send("PATCH", contact, "{\"p2c_contactnumber\":\"CON-123456789\"}", Map.of()), "0x80060888", "12");

        HttpResponse<String> picklist = http.send("POST", api + "(LogicalName='salesorder')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\",\"AttributeType\":\"Picklist\","
                        + "\"SchemaName\":\"p2c_Origin\",\"DisplayName\":" + label("Origin") + ",\"RequiredLevel\":"
                        + "{\"Value\":\"None\"},\"OptionSet\":{\"IsGlobal\":false,\"OptionSetType\":\"Picklist\",\"Options\":["
                        + "{\"Value\":916800000,\"Label\":" + label("CRM") + "},{\"Value\":916800001,\"Label\":"
                        + label("ERP") + "}]}}", Map.of());
        assertThat(picklist.statusCode()).as(picklist.body()).isEqualTo(204);
        JsonNode options = http.getJson(api + "(LogicalName='salesorder')/Attributes(LogicalName='p2c_origin')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet");
        assertThat(options.at("/OptionSet/Options/1/Value").asInt()).isEqualTo(916800001);
        assertThat(options.at("/OptionSet/Options/1/Label/LocalizedLabels/0/Label").asText()).isEqualTo("ERP");
        JsonNode order = http.getJson(sandbox.crmUrl() + "salesorders?$top=1&$select=p2c_origin").get("value").get(0);
        assertThat(order.get("p2c_origin").asInt()).isEqualTo(916800000);
        refused(http.send("PATCH", sandbox.crmUrl() + "salesorders(" + order.get("salesorderid").asText() + ")",
                "{\"p2c_origin\":916800002}", Map.of()), "0x80060888", "outside the valid range");

        HttpResponse<String> bool = http.send("POST", api + "(LogicalName='product')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.BooleanAttributeMetadata\",\"SchemaName\":"
                        + "\"p2c_ExternallyMaintained\",\"DisplayName\":" + label("Maintained by the ERP")
                        + ",\"OptionSet\":{\"TrueOption\":{\"Value\":1,\"Label\":" + label("Yes") + "},"
                        + "\"FalseOption\":{\"Value\":0,\"Label\":" + label("No") + "}}}", Map.of());
        assertThat(bool.statusCode()).as(bool.body()).isEqualTo(204);
        assertThat(http.getJson(sandbox.crmUrl() + "products?$top=1&$select=p2c_externallymaintained")
                .at("/value/0/p2c_externallymaintained").asBoolean()).isTrue();
        JsonNode yesNo = http.getJson(api + "(LogicalName='product')/Attributes(LogicalName='p2c_externallymaintained')"
                + "/Microsoft.Dynamics.CRM.BooleanAttributeMetadata?$expand=OptionSet");
        assertThat(yesNo.at("/OptionSet/TrueOption/Label/LocalizedLabels/0/Label").asText()).isEqualTo("Yes");

        HttpResponse<String> date = http.send("POST", api + "(LogicalName='invoice')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.DateTimeAttributeMetadata\",\"SchemaName\":"
                        + "\"p2c_InvoiceDate\",\"DisplayName\":" + label("Invoice date") + ",\"Format\":\"DateOnly\"}", Map.of());
        assertThat(date.statusCode()).as(date.body()).isEqualTo(204);
        assertThat(http.getJson(api + "(LogicalName='invoice')/Attributes(LogicalName='p2c_invoicedate')")
                .get("Format").asText()).isEqualTo("DateOnly");

        HttpResponse<String> custom = http.send("POST", api + "(LogicalName='account')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.IntegerAttributeMetadata\",\"SchemaName\":\"new_Rating\","
                        + "\"DisplayName\":" + label("Rating") + "}", Map.of());
        assertThat(custom.statusCode()).as("any column of the customizer's own").isEqualTo(204);
        JsonNode rated = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$select=new_rating").get("value").get(0);
        assertThat(rated.get("new_rating").isNull()).isTrue();
        assertThat(http.send("PATCH", sandbox.crmUrl() + "accounts(" + rated.get("accountid").asText() + ")",
                "{\"new_rating\":5}", Map.of()).statusCode()).isEqualTo(204);
    }

    @Test
    void creatingAColumnDataverseWouldRefuseIsRefused() throws Exception {
        String attributes = api + "(LogicalName='account')/Attributes";
        refused(http.send("POST", attributes, stringColumn("AccountNumber", 20), Map.of()), "0x80060888", "SchemaName");
        assertThat(http.send("POST", attributes, stringColumn("new_AccountCode", 20), Map.of()).statusCode()).isEqualTo(204);
        refused(http.send("POST", attributes, stringColumn("new_AccountCode", 20), Map.of()), "0x80060888",
                "already exists");
        refused(http.send("POST", attributes, stringColumn("address1_City", 20), Map.of()), "0x80060888",
                "'address1_city' already exists");
        refused(http.send("POST", attributes, "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\","
                + "\"SchemaName\":\"new_Short\",\"DisplayName\":" + label("Short") + "}", Map.of()), "0x80060888", "MaxLength");
        refused(http.send("POST", attributes, "{\"@odata.type\":\"Microsoft.Dynamics.CRM.LookupAttributeMetadata\","
                + "\"SchemaName\":\"new_Parent\",\"DisplayName\":" + label("Parent") + "}", Map.of()), "0x80060888",
                "cannot be created");
        refused(http.send("POST", attributes, "{\"@odata.type\":\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\","
                + "\"SchemaName\":\"new_Kind\",\"DisplayName\":" + label("Kind") + "}", Map.of()), "0x80060888", "Options");
        refused(http.send("POST", attributes, "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\","
                + "\"SchemaName\":\"new_Unlabelled\",\"MaxLength\":10}", Map.of()), "0x80060888", "DisplayName");
        assertThat(http.getJson(attributes + "?$select=LogicalName&$filter=" + SandboxHttp.enc("LogicalName eq 'new_short'"))
                .get("value")).as("nothing was created").isEmpty();
    }

    @Test
    void aKeysIndexIsPendingThenInProgressThenActiveAndOnlyThenAddressesRecords() throws Exception {
        String keys = api + "(LogicalName='account')/Keys";
        HttpResponse<String> created = http.send("POST", keys, keyBody("p2c_AccountNumber", "accountnumber"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        String keyUrl = created.headers().firstValue("OData-EntityId").orElseThrow();
        assertThat(keyUrl).startsWith(keys + "(");
        JsonNode key = http.getJson(keyUrl);
        assertThat(key.get("SchemaName").asText()).isEqualTo("p2c_AccountNumber");
        assertThat(key.get("LogicalName").asText()).isEqualTo("p2c_accountnumber");
        assertThat(key.get("KeyAttributes").toString()).isEqualTo("[\"accountnumber\"]");
        assertThat(key.get("EntityKeyIndexStatus").asText()).isEqualTo("Pending");

        JsonNode account = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$select=accountnumber&$filter="
                + SandboxHttp.enc("accountnumber ge 'ACC-' and accountnumber lt 'ACD'")).get("value").get(0);
        String byKey = sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='"
                + account.get("accountnumber").asText() + "'") + ")";
        refused(http.get(byKey), "0x80060888", "The key in the request URI is not valid");
        refused(http.send("PATCH", sandbox.crmUrl() + "accounts(accountnumber='NEW-BY-KEY')", "{\"name\":\"x\"}", Map.of()),
                "0x80060888", "not valid");
        refused(http.send("POST", sandbox.crmUrl() + "contacts", "{\"lastname\":\"Bound\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(accountnumber='" + account.get("accountnumber")
                .asText() + "')\"}", Map.of()), "0x80060888", "not valid");

        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!seen.contains("Active") && System.nanoTime() < deadline) {
            String status = http.getJson(keys + "(LogicalName='p2c_accountnumber')?$select=EntityKeyIndexStatus")
                    .get("EntityKeyIndexStatus").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            Thread.sleep(25);
        }
        assertThat(seen).containsExactly("Pending", "InProgress", "Active");
        assertThat(http.getJson(byKey).get("accountid").asText()).isEqualTo(account.get("accountid").asText());
        assertThat(http.send("PATCH", sandbox.crmUrl() + "accounts(accountnumber='NEW-BY-KEY')", "{\"name\":\"x\"}",
                Map.of()).statusCode()).as("upsert by the Active key").isEqualTo(204);
        assertThat(http.get(sandbox.crmUrl() + "$metadata").body()).contains("OData.Community.Keys.V1.AlternateKeys")
                .contains("PropertyPath=\"accountnumber\"");
        HttpResponse<String> duplicate = http.send("POST", sandbox.crmUrl() + "accounts",
                "{\"accountnumber\":\"NEW-BY-KEY\"}", Map.of());
        assertThat(duplicate.statusCode()).as("the key's index is unique now").isEqualTo(412);
        assertThat(duplicate.body()).contains("0x80040237");
    }

    @Test
    void duplicateValuesMakeTheIndexFailUntilTheKeyIsDeletedAndMadeAgain() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(http.send("POST", sandbox.crmUrl() + "products", "{\"name\":\"Twin " + i + "\","
                    + "\"productnumber\":\"DUP-1\"}", Map.of()).statusCode()).isEqualTo(204);
        }
        String keys = api + "(LogicalName='product')/Keys";
        assertThat(http.send("POST", keys, keyBody("p2c_ProductNumber", "productnumber"), Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.awaitKeys()).containsEntry("p2c_ProductNumber", "Failed");
        refused(http.get(sandbox.crmUrl() + "products(productnumber='D1000')"), "0x80060888", "not valid");

        assertThat(http.send("DELETE", keys + "(LogicalName='p2c_productnumber')", null, Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.get(keys + "(LogicalName='p2c_productnumber')").statusCode()).isEqualTo(404);
        JsonNode twins = http.getJson(sandbox.crmUrl() + "products?$select=productid&$filter="
                + SandboxHttp.enc("productnumber eq 'DUP-1'"));
        assertThat(http.send("DELETE", sandbox.crmUrl() + "products(" + twins.at("/value/0/productid").asText() + ")",
                null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.send("POST", keys, keyBody("p2c_ProductNumber", "productnumber"), Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.awaitKeys()).containsEntry("p2c_ProductNumber", "Active");
        assertThat(http.getJson(sandbox.crmUrl() + "products(productnumber='DUP-1')").get("name").asText()).startsWith("Twin");
    }

    @Test
    void aKeyOnALookupColumnAddressesLinesByTheLookupProperty() throws Exception {
        String keys = api + "(LogicalName='salesorderdetail')/Keys";
        assertThat(http.send("POST", keys, keyBody("p2c_OrderLine", "salesorderid", "sequencenumber"), Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.awaitKeys()).containsEntry("p2c_OrderLine", "Active");
        JsonNode line = http.getJson(sandbox.crmUrl() + "salesorderdetails?$top=1&$select=_salesorderid_value,"
                + "sequencenumber").get("value").get(0);
        JsonNode byKey = http.getJson(sandbox.crmUrl() + "salesorderdetails(_salesorderid_value="
                + line.get("_salesorderid_value").asText() + ",sequencenumber=" + line.get("sequencenumber").asInt() + ")");
        assertThat(byKey.get("salesorderdetailid").asText()).isEqualTo(line.get("salesorderdetailid").asText());
        assertThat(http.getJson(keys + "?$select=KeyAttributes").at("/value/0/KeyAttributes").toString())
                .isEqualTo("[\"salesorderid\",\"sequencenumber\"]");
    }

    @Test
    void keyDefinitionsDataverseWouldRefuseAreRefused() throws Exception {
        String keys = api + "(LogicalName='uom')/Keys";
        refused(http.send("POST", keys, keyBody("p2c_Nothing", "nosuchcolumn"), Map.of()), "0x80060888", "nosuchcolumn");
        refused(http.send("POST", keys, keyBody("p2c_Base", "isschedulebaseuom"), Map.of()), "0x80060888",
                "BooleanAttributeMetadata");
        refused(http.send("POST", keys, keyBody("NoPrefix", "name"), Map.of()), "0x80060888", "SchemaName");
        refused(http.send("POST", keys, "{\"SchemaName\":\"p2c_Empty\",\"KeyAttributes\":[]}", Map.of()), "0x80060888",
                "KeyAttributes");
        assertThat(http.send("POST", keys, keyBody("p2c_UnitName", "name"), Map.of()).statusCode()).isEqualTo(204);
        refused(http.send("POST", keys, keyBody("p2c_UnitName", "quantity"), Map.of()), "0x80060888", "already exists");
        refused(http.send("POST", keys, keyBody("p2c_UnitNameAgain", "name"), Map.of()), "0x80060888", "already exists");
        assertThat(http.send("DELETE", keys + "(LogicalName='p2c_nosuchkey')", null, Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(http.send("PATCH", keys, "{}", Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void keysAndColumnsLiveInTheCrmDatabaseAndSurviveARestart() throws Exception {
        Path data = dir.resolve("restart");
        SandboxOptions options = SandboxOptions.defaults(data).withSeedAccounts(5).withKeyIndexDelay(Duration.ofMillis(600));
        try (Sandbox first = Sandbox.start(options)) {
            SandboxHttp h = new SandboxHttp(first);
            String entity = first.crmUrl() + "EntityDefinitions(LogicalName='contact')";
            assertThat(h.send("POST", entity + "/Attributes", stringColumn("p2c_ContactNumber", 20), Map.of()).statusCode())
                    .isEqualTo(204);
            assertThat(h.send("POST", entity + "/Keys", keyBody("p2c_ContactNumber", "p2c_contactnumber"), Map.of())
                    .statusCode()).isEqualTo(204);
        }
        try (Sandbox again = Sandbox.start(options)) {
            SandboxHttp h = new SandboxHttp(again);
            assertThat(h.awaitKeys()).as("the build goes on after the restart")
                    .containsExactly(Map.entry("p2c_ContactNumber", "Active"));
            JsonNode contact = h.getJson(again.crmUrl() + "contacts?$top=1&$select=p2c_contactnumber").get("value").get(0);
            assertThat(h.getJson(again.crmUrl() + "contacts(p2c_contactnumber='" + contact.get("p2c_contactnumber").asText()
                    + "')").get("contactid").asText()).isEqualTo(contact.get("contactid").asText());
        }
        try (Sandbox third = Sandbox.start(options)) {
            assertThat(new SandboxHttp(third).awaitKeys()).containsExactly(Map.entry("p2c_ContactNumber", "Active"));
        }
    }

    private static String stringColumn(String schemaName, int maxLength) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"AttributeType\":\"String\","
                + "\"AttributeTypeName\":{\"Value\":\"StringType\"},\"SchemaName\":\"" + schemaName + "\",\"DisplayName\":"
                + label(schemaName) + ",\"Description\":" + label("a test column") + ",\"RequiredLevel\":{\"Value\":"
                + "\"None\",\"CanBeChanged\":true,\"ManagedPropertyLogicalName\":\"canmodifyrequirementlevelsettings\"},"
                + "\"FormatName\":{\"Value\":\"Text\"},\"MaxLength\":" + maxLength + "}";
    }

    private static String keyBody(String schemaName, String... attributes) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityKeyMetadata\",\"SchemaName\":\"" + schemaName
                + "\",\"DisplayName\":" + label(schemaName) + ",\"KeyAttributes\":[\"" + String.join("\",\"", attributes)
                + "\"]}";
    }

    private static String label(String text) {
        return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.Label\",\"LocalizedLabels\":[{\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.LocalizedLabel\",\"Label\":\"" + text + "\",\"LanguageCode\":1033}]}";
    }

    /** A 400 in Dataverse's error shape, with the code and a message naming what is wrong (null: any). */
    static void refused(HttpResponse<String> r, String code, String fragment) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = SandboxHttp.JSON.readTree(r.body()).get("error");
        if (code != null) {
            assertThat(error.get("code").asText()).as(r.body()).isEqualTo(code);
        }
        if (fragment != null) {
            assertThat(error.get("message").asText()).contains(fragment);
        }
    }
}
