package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

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

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
