package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.schema.RealSchemas;
import org.p2csync.sync.EntitySetCatalog;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.ReadOnlyWhen;

/**
 * {@code target.readOnlyWhen}: loaded as typed literals, matched against a target copy by value, every mistake in it
 * reported at its line, and its fields and values checked against the real schemas (salesorders.statecode).
 */
class ReadOnlyWhenOptionTest {
    @TempDir
    Path dir;

    private Path file(String readOnlyWhen) throws IOException {
        Path file = dir.resolve("order-status.yaml");
        Files.writeString(file, """
                area: order-status
                source: { system: erp, entity: CDSSalesOrderHeaders, id: [dataAreaId, SalesOrderNumber], key: SalesOrderNumber }
                target:
                  system: crm
                  entity: salesorders
                  key: [ordernumber]
                  write: update
                """ + readOnlyWhen + """
                fields:
                  ordernumber: { from: SalesOrderNumber }
                  totalamount: { from: OrderTotalAmount }
                """);
        return file;
    }

    private List<String> problems(String readOnlyWhen) throws IOException {
        Path file = file(readOnlyWhen);
        return catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file)).problems().stream()
                .map(p -> p.substring(file.toString().length() + 1))
                .toList();
    }

    private List<String> schemaProblems(String readOnlyWhen) throws IOException {
        Path file = file(readOnlyWhen);
        Mapping mapping = new MappingLoader().load(file);
        RealSchemas schemas = RealSchemas.shipped();
        return catchThrowableOfType(MappingException.class, () -> mapping.validate(RealSchemaCatalog.of(schemas, "erp"),
                RealSchemaCatalog.of(schemas, "crm"))).problems().stream()
                .map(p -> p.substring(file.toString().length() + 1))
                .toList();
    }

    @Test
    void statesAreLoadedAndMatchedByValue() throws IOException {
        ReadOnlyWhen when = new MappingLoader().load(file("""
                  readOnlyWhen:
                    statecode: [1, 2, 3, 4]
                """)).target().readOnlyWhen();

        assertThat(when.values()).containsOnlyKeys("statecode");
        assertThat(when.values().get("statecode")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(when.reason(Map.of("statecode", 3))).contains("statecode is 3");
        assertThat(when.reason(Map.of("statecode", new BigDecimal("1.0")))).contains("statecode is 1");
        assertThat(when.reason(Map.of("statecode", "4"))).contains("statecode is 4");
        assertThat(when.reason(Map.of("statecode", 0))).as("Active").isEmpty();
        Map<String, Object> noState = new HashMap<>();
        noState.put("statecode", null);
        assertThat(when.reason(noState)).isEmpty();
        assertThat(when.reason(null)).as("no copy at the target").isEmpty();
    }

    @Test
    void withoutTheOptionARecordIsNeverReadOnly() throws IOException {
        assertThat(new MappingLoader().load(file("")).target().readOnlyWhen()).isEqualTo(ReadOnlyWhen.NEVER);
    }

    @Test
    void oneValueNeedsNoList() throws IOException {
        ReadOnlyWhen when = new MappingLoader().load(file("""
                  readOnlyWhen: { statecode: 3 }
                """)).target().readOnlyWhen();
        assertThat(when.values().get("statecode")).containsExactly(3L);
    }

    @Test
    void mistakesAreReportedAtTheirLine() throws IOException {
        assertThat(problems("""
                  readOnlyWhen:
                    statecode: []
                    statuscode: [~]
                    ordernumber: [X]
                """)).containsExactly(
                "9: readOnlyWhen statecode lists no value; e.g. statecode: [1, 2]",
                "10: readOnlyWhen statuscode lists an empty value: a record without the field is never read-only;"
                        + " list the values that lock it",
                "11: readOnlyWhen names the target key field ordernumber: a record's key says nothing about its state");
        assertThat(problems("""
                  readOnlyWhen: [1, 2]
                """)).containsExactly("8: target readOnlyWhen must be a mapping of key: value");
        assertThat(problems("""
                  readOnlyWhen: {}
                """)).containsExactly("8: target readOnlyWhen names no field; e.g. readOnlyWhen: {statecode: [1, 2]}");
    }

    /**
     * The flows never PATCH an order's state: Dataverse changes it only through FulfillSalesOrder and
     * CancelSalesOrder. Refused at the line, against the real schemas and against a live $metadata (which says
     * nothing about it), so start-up stops there too.
     */
    @Test
    void aMappingWritingTheStateOfOrdersIsRefusedAtItsLine() throws IOException {
        Path file = dir.resolve("order-state.yaml");
        Files.writeString(file, """
                area: order-state
                source: { system: erp, entity: CDSSalesOrderHeaders, id: [dataAreaId, SalesOrderNumber], key: SalesOrderNumber }
                target: { system: crm, entity: salesorders, key: [ordernumber], write: update }
                fields:
                  ordernumber: { from: SalesOrderNumber }
                  statecode: { constant: 3 }
                  statuscode: { constant: 100001 }
                """);
        Mapping mapping = new MappingLoader().load(file);
        RealSchemas schemas = RealSchemas.shipped();
        String refused = " of salesorders changes only through the service's messages (FulfillSalesOrder,"
                + " CancelSalesOrder): Dataverse refuses a write naming it; keep the record's own state alone and write"
                + " the progress to a column of its own (e.g. p2c_processingstatus)";
        List<String> expected = List.of(file + ":6: target field statecode" + refused,
                file + ":7: target field statuscode" + refused);
        assertThat(catchThrowableOfType(MappingException.class, () -> mapping.validate(
                RealSchemaCatalog.of(schemas, "erp"), RealSchemaCatalog.of(schemas, "crm"))).problems())
                .containsExactlyElementsOf(expected);
        Map<String, FieldInfo> live = new java.util.LinkedHashMap<>();
        for (String name : List.of("salesorderid", "ordernumber", "statecode", "statuscode")) {
            live.put(name, new FieldInfo(name, name.endsWith("code") ? "Edm.Int32" : "Edm.String", null));
        }
        FieldCatalog liveCrm = new EntitySetCatalog(Map.of("salesorders", new EntitySetInfo("salesorders",
                List.of("salesorderid"), live, Map.of(), false)));
        assertThat(catchThrowableOfType(MappingException.class, () -> mapping.validate(
                RealSchemaCatalog.of(schemas, "erp"), liveCrm)).problems()).containsExactlyElementsOf(expected);
    }

    @Test
    void fieldsAndValuesAreCheckedAgainstTheTarget() throws IOException {
        assertThat(schemaProblems("""
                  readOnlyWhen:
                    statecod: [1]
                    statuscode: [100001, 7]
                """)).containsExactly(
                "9: unknown target field 'statecod' (target.readOnlyWhen) in salesorders; did you mean statecode?",
                "10: condition value 7 compared with statuscode is not an option value of statuscode; options: 3 In"
                        + " Progress(state 1), 4 No Money(state 2), 1 New(state 0), 2 Pending(state 0), 100001"
                        + " Complete(state 3), 100002 Partial(state 3), 100003 Invoiced(state 4)");
    }
}
