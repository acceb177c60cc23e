package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.schema.RealSchemas;
import org.p2csync.sync.Access;
import org.p2csync.sync.EntitySetCatalog;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.NavigationInfo;

class MetadataParserTest {
    static final String CSDL = """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="crmbaseentity" Abstract="true"/>
                  <EntityType Name="account" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="accountid"/></Key>
                    <Property Name="accountid" Type="Edm.Guid"/>
                    <Property Name="name" Type="Edm.String" MaxLength="160"/>
                    <Property Name="description" Type="Edm.String" MaxLength="max"/>
                    <Property Name="creditlimit" Type="Edm.Decimal" Scale="4"/>
                    <Property Name="modifiedon" Type="Edm.DateTimeOffset"/>
                  </EntityType>
                  <EntityContainer Name="System">
                    <EntitySet Name="accounts" EntityType="mscrm.account"/>
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

    @Test
    void entitySetsResolveToTheirTypesProperties() throws IOException {
        FieldCatalog catalog = new MetadataParser().parse(stream(CSDL));

        assertThat(catalog.fields("accounts")).hasValueSatisfying(fields -> {
            assertThat(fields.keySet()).containsExactly("accountid", "name", "description", "creditlimit", "modifiedon");
            assertThat(fields.get("name")).isEqualTo(new FieldInfo("name", "Edm.String", 160));
            assertThat(fields.get("description").maxLength()).isNull();
            assertThat(fields.get("creditlimit").type()).isEqualTo("Edm.Decimal");
        });
        assertThat(catalog.fields("contacts")).isEmpty();
    }

    @Test
    void baseTypePropertiesAreInherited() throws IOException {
        String derived = CSDL.replace("<EntityType Name=\"crmbaseentity\" Abstract=\"true\"/>",
                "<EntityType Name=\"crmbaseentity\" Abstract=\"true\">"
                        + "<Property Name=\"versionnumber\" Type=\"Edm.Int64\"/></EntityType>");

        FieldCatalog catalog = new MetadataParser().parse(stream(derived));

        assertThat(catalog.fields("accounts").orElseThrow()).containsKey("versionnumber");
    }

    @Test
    void keysAreReadAndADocumentWithoutNavigationPropertiesSaysNothingAboutNavigation() throws IOException {
        EntitySetInfo accounts = new MetadataParser().parse(stream(CSDL)).entitySet("accounts").orElseThrow();

        assertThat(accounts.keys()).containsExactly("accountid");
        assertThat(accounts.navigationKnown()).isFalse();
        assertThat(accounts.fields().values()).extracting(FieldInfo::access).containsOnly(Access.UNKNOWN);
    }

    /** The real F&O $metadata of CustomerV3, annotations included (src/test/resources/real-metadata). */
    @Test
    void realFnoCustomerV3KeysEnumsAndEditAnnotations() throws IOException {
        EntitySetInfo customers = real("temp_minimal_trimmed_CustomerV3.xml").entitySet("CustomersV3").orElseThrow();

        assertThat(customers.keys()).containsExactly("dataAreaId", "CustomerAccount");
        assertThat(customers.fields()).hasSize(305);
        FieldInfo maintained = customers.fields().get("IsExternallyMaintained");
        assertThat(maintained.type()).isEqualTo("Microsoft.Dynamics.DataEntities.NoYes");
        assertThat(maintained.enumType().members()).containsExactly(Map.entry("No", 0L), Map.entry("Yes", 1L));
        assertThat(customers.fields().get("OnHoldStatus").enumType().members().keySet())
                .containsExactly("No", "Invoice", "All", "Payment", "Requisition", "Never", "PurchOrder");
        assertThat(customers.fields().get("PartyType").isEnum()).isFalse();
        // AllowEdit and AllowEditOnCreate false: read-only; AllowEdit false alone: set on create only
        assertThat(customers.fields().get("PrimaryContactFaxRecordId").access()).isEqualTo(Access.READ_ONLY);
        assertThat(customers.fields().get("PrimaryContactFaxRecordId").nullable()).isFalse();
        assertThat(customers.fields().get("PartyNumber").access()).isEqualTo(Access.CREATE_ONLY);
        // no annotation says a property is writable: unknown, not assumed
        assertThat(customers.fields().get("OrganizationName").access()).isEqualTo(Access.UNKNOWN);
        // the trimmed type has bindings but no NavigationProperty: navigation is not known
        assertThat(customers.navigationKnown()).isFalse();
    }

    /** The fragment of the real service agrees with the real schemas the offline catalog is built from. */
    @Test
    void realFnoCustomerV3AgreesWithTheRealSchemas() throws IOException {
        EntitySetInfo parsed = real("temp_minimal_trimmed_CustomerV3.xml").entitySet("CustomersV3").orElseThrow();
        EntitySetInfo shipped = RealSchemaCatalog.erp(RealSchemas.shipped()).entitySet("CustomersV3").orElseThrow();

        assertThat(parsed.keys()).isEqualTo(shipped.keys());
        assertThat(parsed.fields().keySet()).containsExactlyInAnyOrderElementsOf(shipped.fields().keySet());
        parsed.fields().values().forEach(f -> {
            FieldInfo s = shipped.fields().get(f.name());
            assertThat(f.isEnum()).as(f.name()).isEqualTo(s.isEnum());
            if (f.isEnum()) {
                // the schemas' enum names come from a generated client that renamed some (EFDocPresenceType_BR ->
                // EfDocPresenceTypeBr); their members are the service's
                assertThat(comparable(f.type())).as(f.name()).isEqualTo(comparable(s.type()));
                assertThat(f.enumType().members()).as(f.name()).isEqualTo(s.enumType().members());
            } else {
                assertThat(f.type()).as(f.name()).isEqualTo(s.type());
            }
        });
    }

    /** The real sales fragment: 43 enums in two schemas, composite keys, a set whose type name differs. */
    @Test
    void realFnoSalesFragmentEnumsAndCompositeKeys() throws IOException {
        EntitySetCatalog catalog = real("sales_trimmed_metadata.xml");

        assertThat(catalog.entitySet("SalesInvoiceQRCode").orElseThrow().keys())
                .containsExactly("dataAreaId", "InvoiceId", "LedgerVoucher", "InvoiceDate");
        FieldInfo action = catalog.entitySet("WarrantyTransactionSales").orElseThrow().fields().get("Action");
        assertThat(action.enumType().name()).isEqualTo("Microsoft.Dynamics.DataEntities.WarrantySalesAction");
        assertThat(action.enumType().members()).isNotEmpty();
        assertThat(catalog.entitySet("DirParameters").orElseThrow().fields().get("DefaultPartyType")
                .enumType().shortName()).isEqualTo("DirPartyBaseType");
        // the set SalesAutomaticSalesDocumentHeaderCharges is of the type ...HeaderCharge (singular), and back
        assertThat(catalog.entitySet("SalesAutomaticSalesDocumentHeaderCharges").orElseThrow().keys())
                .containsExactly("dataAreaId", "Description", "LineNumber");
        assertThat(catalog.sets()).hasSize(18);
    }

    static final String DATAVERSE = """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="crmbaseentity" Abstract="true"/>
                  <EntityType Name="principal" BaseType="mscrm.crmbaseentity" Abstract="true"/>
                  <EntityType Name="systemuser" BaseType="mscrm.principal">
                    <Key><PropertyRef Name="systemuserid"/></Key>
                    <Property Name="systemuserid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="team" BaseType="mscrm.principal">
                    <Key><PropertyRef Name="teamid"/></Key>
                    <Property Name="teamid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="account" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="accountid"/></Key>
                    <Property Name="accountid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="transactioncurrency" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="transactioncurrencyid"/></Key>
                    <Property Name="transactioncurrencyid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="salesorder" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="salesorderid"/></Key>
                    <Property Name="salesorderid" Type="Edm.Guid"/>
                    <Property Name="ordernumber" Type="Edm.String" MaxLength="100"/>
                    <Property Name="statecode" Type="Edm.Int32"/>
                    <Property Name="_customerid_value" Type="Edm.Guid"/>
                    <Property Name="versionnumber" Type="Edm.Int64">
                      <Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/>
                    </Property>
                    <NavigationProperty Name="customerid_account" Type="mscrm.account" Partner="order_customer_accounts"/>
                    <NavigationProperty Name="ownerid" Type="mscrm.principal"/>
                    <NavigationProperty Name="transactioncurrencyid" Type="mscrm.transactioncurrency"/>
                    <NavigationProperty Name="order_details" Type="Collection(mscrm.salesorderdetail)"/>
                  </EntityType>
                  <EntityType Name="salesorderdetail" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="salesorderdetailid"/></Key>
                    <Property Name="salesorderdetailid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="activitypointer" BaseType="mscrm.crmbaseentity">
                    <Key><PropertyRef Name="activityid"/></Key>
                    <Property Name="activityid" Type="Edm.Guid"/>
                  </EntityType>
                  <EntityType Name="email" BaseType="mscrm.activitypointer">
                    <Property Name="subject" Type="Edm.String" MaxLength="200"/>
                  </EntityType>
                  <EntityContainer Name="System">
                    <EntitySet Name="systemusers" EntityType="mscrm.systemuser"/>
                    <EntitySet Name="teams" EntityType="mscrm.team"/>
                    <EntitySet Name="accounts" EntityType="mscrm.account"/>
                    <EntitySet Name="transactioncurrencies" EntityType="Microsoft.Dynamics.CRM.transactioncurrency"/>
                    <EntitySet Name="salesorders" EntityType="mscrm.salesorder">
                      <NavigationPropertyBinding Path="customerid_account" Target="accounts"/>
                      <NavigationPropertyBinding Path="order_details" Target="salesorderdetails"/>
                    </EntitySet>
                    <EntitySet Name="salesorderdetails" EntityType="mscrm.salesorderdetail"/>
                    <EntitySet Name="emails" EntityType="mscrm.email"/>
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

    @Test
    void dataverseSingleValuedNavigationLeadsToTheBoundSetOrEverySetOfItsType() throws IOException {
        EntitySetInfo orders = new MetadataParser().parse(stream(DATAVERSE)).entitySet("salesorders").orElseThrow();

        assertThat(orders.navigationKnown()).isTrue();
        assertThat(orders.navigation().keySet()).containsExactly("customerid_account", "ownerid",
                "transactioncurrencyid");
        assertThat(orders.navigation("customerid_account")).contains(new NavigationInfo("customerid_account",
                List.of("accounts"), "Microsoft.Dynamics.CRM.account", Access.UNKNOWN));
        // a navigation to the abstract principal may point at a user or a team
        assertThat(orders.navigation("ownerid").orElseThrow().targets()).containsExactly("systemusers", "teams");
        // no binding: found by its type, whether the set names it by alias or by namespace
        assertThat(orders.navigation("transactioncurrencyid").orElseThrow().targets())
                .containsExactly("transactioncurrencies");
        assertThat(orders.keys()).containsExactly("salesorderid");
        assertThat(orders.fields().get("versionnumber").access()).isEqualTo(Access.READ_ONLY);
        assertThat(orders.fields().get("ordernumber").access()).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void aDerivedTypeWithoutKeyInheritsItsBaseTypesKey() throws IOException {
        EntitySetInfo emails = new MetadataParser().parse(stream(DATAVERSE)).entitySet("emails").orElseThrow();

        assertThat(emails.keys()).containsExactly("activityid");
        assertThat(emails.fields().keySet()).containsExactly("activityid", "subject");
    }

    @Test
    void enumTypesResolveAcrossSchemasAndAliases() throws IOException {
        String twoSchemas = """
                <?xml version="1.0" encoding="utf-8"?>
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:DataServices>
                    <Schema Namespace="Contoso.Enums" Alias="ce" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EnumType Name="NoYes"><Member Name="No" Value="0"/><Member Name="Yes" Value="1"/></EnumType>
                      <EnumType Name="Colour"><Member Name="Red"/><Member Name="Green"/></EnumType>
                    </Schema>
                    <Schema Namespace="Contoso.Entities" Alias="c" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EntityType Name="Thing">
                        <Key><PropertyRef Name="dataAreaId"/><PropertyRef Name="Number"/></Key>
                        <Property Name="dataAreaId" Type="Edm.String" Nullable="false"/>
                        <Property Name="Number" Type="Edm.String" Nullable="false"/>
                        <Property Name="Active" Type="ce.NoYes"/>
                        <Property Name="Colour" Type="Contoso.Enums.Colour"/>
                      </EntityType>
                      <EntityContainer Name="Resources">
                        <EntitySet Name="Things" EntityType="c.Thing"/>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """;

        EntitySetInfo things = new MetadataParser().parse(stream(twoSchemas)).entitySet("Things").orElseThrow();

        assertThat(things.keys()).containsExactly("dataAreaId", "Number");
        assertThat(things.fields().get("Active").type()).isEqualTo("Contoso.Enums.NoYes");
        assertThat(things.fields().get("Active").enumType().members()).containsOnlyKeys("No", "Yes");
        // members without Value count from 0 in document order
        assertThat(things.fields().get("Colour").enumType().members())
                .containsExactly(Map.entry("Red", 0L), Map.entry("Green", 1L));
        assertThat(things.fields().get("dataAreaId").nullable()).isFalse();
    }

    @Test
    void notXmlIsRejectedNamingMetadata() {
        assertThatThrownBy(() -> new MetadataParser().parse(stream("{\"not\":\"xml\"}")))
                .isInstanceOf(MetadataParser.InvalidMetadataException.class)
                .hasMessageContaining("$metadata is not valid CSDL XML");
    }

    @Test
    void aNonNumericMaxLengthNamesTheProperty() {
        assertThatThrownBy(() -> new MetadataParser().parse(stream(CSDL.replace("MaxLength=\"160\"", "MaxLength=\"x\""))))
                .hasMessageContaining("property name of account has MaxLength 'x'");
    }

    private static String comparable(String typeName) {
        return typeName.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static EntitySetCatalog real(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/real-metadata", file))) {
            return new MetadataParser().parse(in);
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
