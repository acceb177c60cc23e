package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.EdmMetadataRequest;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.schema.DataverseColumn;
import org.p2csync.schema.DataverseNavigation;
import org.p2csync.schema.DataverseTable;
import org.p2csync.schema.FnoEntity;
import org.p2csync.schema.FnoField;
import org.p2csync.schema.RealSchemas;

/**
 * The served $metadata, read by Apache Olingo, against the real schemas the jar ships: every served set is a real
 * one, with exactly the real key and the real fields (plus p2c-sync's columns), their real EDM and enum types,
 * nullability, Dataverse lengths and navigation properties; served rows carry no other field.
 */
class SandboxRealSchemaTest {
    private static final RealSchemas SCHEMAS = RealSchemas.shipped();

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static Edm crm;
    static Edm erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(20));
        http = new SandboxHttp(sandbox);
        crm = metadata(sandbox.crmUrl());
        erp = metadata(sandbox.erpUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void servesExactlyThePlannedSetsAndNoOther() {
        assertThat(names(crm)).containsExactlyElementsOf(SandboxModel.CRM_SETS);
        assertThat(names(erp)).containsExactlyElementsOf(SandboxModel.ERP_SETS);
        SandboxModel.CRM_SETS.forEach(s -> assertThat(SCHEMAS.dataverseEntitySet(s)).as(s).isPresent());
        SandboxModel.ERP_SETS.forEach(s -> assertThat(SCHEMAS.fnoEntity(s)).as(s).isPresent());
    }

    @Test
    void dataverseSetsHaveTheRealKeyColumnsTypesLengthsAndNavigationProperties() {
        for (String name : SandboxModel.CRM_SETS) {
            DataverseTable table = SCHEMAS.dataverseEntitySet(name).orElseThrow();
            EdmEntityType type = crm.getEntityContainer().getEntitySet(name).getEntityType();
            assertThat(type.getName()).isEqualTo(table.logicalName());
            assertThat(type.getKeyPredicateNames()).as(name).containsExactly(table.primaryId());
            Map<String, DataverseColumn> real = new LinkedHashMap<>();
            table.columns().values().forEach(c -> real.put(c.property(), c));
            assertThat(type.getPropertyNames()).as(name + ": every real column, p2c_ columns included, and no other")
                    .containsExactlyInAnyOrderElementsOf(real.keySet());
            for (DataverseColumn c : real.values()) {
                EdmProperty p = type.getStructuralProperty(c.property());
                assertThat(p.getType().getFullQualifiedName().toString()).as(name + "." + c.property())
                        .isEqualTo(c.type().edmType());
                assertThat(p.getMaxLength()).as(name + "." + c.property()).isEqualTo(c.maxLength());
                assertThat(p.isNullable()).as(name + "." + c.property()).isEqualTo(!c.logicalName().equals(table.primaryId()));
            }
            Set<String> served = new LinkedHashSet<>(SandboxModel.CRM_SETS);
            for (DataverseNavigation n : table.navigation().values()) {
                EdmNavigationProperty nav = type.getNavigationProperty(n.name());
                boolean targetServed = n.targetTable().equals("owner") || SCHEMAS.dataverseTable(n.targetTable())
                        .map(t -> served.contains(t.entitySet())).orElse(false);
                if (!targetServed || !real.containsKey("_" + n.referencingAttribute() + "_value")) {
                    assertThat(nav).as(name + "." + n.name() + " points at a table the sandbox does not serve").isNull();
                    continue;
                }
                assertThat(nav).as(name + "." + n.name()).isNotNull();
                assertThat(nav.isCollection()).isFalse();
                assertThat(nav.getType().getName()).isEqualTo(n.targetTable().equals("owner") ? "principal" : n.targetTable());
                assertThat(nav.getReferentialConstraints().get(0).getPropertyName())
                        .isEqualTo("_" + n.referencingAttribute() + "_value");
            }
            assertThat(type.getNavigationPropertyNames()).as(name + ": no navigation property the table lacks")
                    .allMatch(table.navigation()::containsKey);
        }
    }

    @Test
    void fnoSetsHaveTheRealKeyFieldsTypesEnumsAndNullabilityAndNoLengths() {
        for (String name : SandboxModel.ERP_SETS) {
            FnoEntity entity = SCHEMAS.fnoEntity(name).orElseThrow();
            EdmEntityType type = erp.getEntityContainer().getEntitySet(name).getEntityType();
            assertThat(type.getNamespace()).isEqualTo("Microsoft.Dynamics.DataEntities");
            assertThat(type.getKeyPredicateNames()).as(name).containsExactlyElementsOf(entity.keys());
            assertThat(type.getPropertyNames()).as(name + ": every real field and no other")
                    .containsExactlyInAnyOrderElementsOf(entity.fields().keySet());
            assertThat(type.getPropertyNames()).as(name + ": no timestamp F&O lacks").doesNotContain("ModifiedDateTime");
            for (FnoField f : entity.fields().values()) {
                EdmProperty p = type.getStructuralProperty(f.name());
                assertThat(p.getType().getFullQualifiedName().toString()).as(name + "." + f.name()).isEqualTo(f.type());
                assertThat(p.isNullable()).as(name + "." + f.name()).isEqualTo(f.nullable() && !f.key());
                assertThat(p.getMaxLength()).as(name + "." + f.name() + ": F&O publishes no MaxLength").isNull();
                if (f.isEnum()) {
                    EdmEnumType e = (EdmEnumType) p.getType();
                    assertThat(e.getMemberNames()).containsExactlyElementsOf(f.enumType().members().keySet());
                    f.enumType().members().forEach((member, value) ->
                            assertThat(e.getMember(member).getValue()).isEqualTo(String.valueOf(value)));
                }
            }
        }
    }

    @Test
    void servedRowsCarryOnlyDeclaredProperties() throws Exception {
        for (String name : SandboxModel.CRM_SETS) {
            assertFieldsDeclared(crm, name, http.getJson(sandbox.crmUrl() + name + "?$top=3"));
        }
        for (String name : SandboxModel.ERP_SETS) {
            assertFieldsDeclared(erp, name, http.getJson(sandbox.erpUrl() + name + "?$top=3&cross-company=true"));
        }
    }

    private static void assertFieldsDeclared(Edm edm, String set, JsonNode page) {
        List<String> declared = edm.getEntityContainer().getEntitySet(set).getEntityType().getPropertyNames();
        for (JsonNode row : page.get("value")) {
            List<String> fields = new ArrayList<>();
            row.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(set).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    private static List<String> names(Edm edm) {
        return edm.getEntityContainer().getEntitySets().stream().map(EdmEntitySet::getName).toList();
    }

    private static Edm metadata(String root) throws Exception {
        ODataClient client = ODataClientFactory.getClient();
        EdmMetadataRequest request = client.getRetrieveRequestFactory().getMetadataRequest(root);
        request.addCustomHeader("Authorization", "Bearer " + http.token());
        return request.execute().getBody();
    }
}
