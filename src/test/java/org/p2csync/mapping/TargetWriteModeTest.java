package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sync.TargetRecord;

/** target.write: update makes the header an update-only record (lines stay upserts); the default is upsert. */
class TargetWriteModeTest {
    @TempDir
    Path dir;

    private Path file(String write, boolean withLines) throws IOException {
        Path file = dir.resolve("order-status.yaml");
        Files.writeString(file, """
                area: order-status
                source: { system: erp, entity: SalesOrderHeadersV2, id: [dataAreaId, SalesOrderNumber], key: SalesOrderNumber, modified: ModifiedDateTime }
                target: { system: crm, entity: salesorders, key: [ordernumber]%s }
                fields:
                  ordernumber: { from: SalesOrderNumber }
                  msdyn_processingstatus: { from: SalesOrderStatus }
                """.formatted(write == null ? "" : ", write: " + write) + (withLines ? """
                lines:
                  source: { entity: SalesOrderLines, id: [dataAreaId, SalesOrderNumber, LineCreationSequenceNumber], parent: [dataAreaId, SalesOrderNumber] }
                  target: { entity: salesorderdetails, key: [ordernumber, sequencenumber] }
                  fields:
                    ordernumber: { header: ordernumber }
                    sequencenumber: { from: LineCreationSequenceNumber }
                """ : ""));
        return file;
    }

    private static TargetRecord mapped(Mapping mapping, Map<String, Object> row) {
        return ((MapResult.Mapped) mapping.apply(row, Lookups.NONE)).record();
    }

    @Test
    void updateMakesTheHeaderUpdateOnlyAndLeavesLinesUpserts() throws IOException {
        Mapping mapping = new MappingLoader().load(file("update", true));
        Map<String, Object> row = Map.of("SalesOrderNumber", "ORD-1", "SalesOrderStatus", "Invoiced",
                "@lines", List.of(Map.of("SalesOrderNumber", "ORD-1", "LineCreationSequenceNumber", 1)));

        TargetRecord record = mapped(mapping, row);

        assertThat(mapping.target().write()).isEqualTo(TargetSpec.Write.UPDATE);
        assertThat(record.operation()).isEqualTo(TargetRecord.Operation.UPDATE);
        assertThat(record.lines()).extracting(TargetRecord::operation).containsExactly(TargetRecord.Operation.UPSERT);
    }

    @Test
    void upsertIsTheDefaultAndCanBeSaid() throws IOException {
        Map<String, Object> row = Map.of("SalesOrderNumber", "ORD-1", "SalesOrderStatus", "Open");
        assertThat(mapped(new MappingLoader().load(file(null, false)), row).operation())
                .isEqualTo(TargetRecord.Operation.UPSERT);
        assertThat(mapped(new MappingLoader().load(file("upsert", false)), row).operation())
                .isEqualTo(TargetRecord.Operation.UPSERT);
    }

    @Test
    void anyOtherValueIsAnErrorAtItsLine() throws IOException {
        Path file = file("insert", false);
        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));
        assertThat(e.problems()).containsExactly(
                file + ":3: write in target must be upsert or update, not 'insert'");
    }
}
