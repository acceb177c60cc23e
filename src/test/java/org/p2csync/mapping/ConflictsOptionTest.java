package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conflicts: detect | ignore}: which header fields a two-way area compares, and the file:line errors. */
class ConflictsOptionTest {
    private static final String BODY = """
            source: {system: crm, entity: salesorders, id: salesorderid, key: ordernumber, modified: modifiedon}
            target: {system: crm, entity: invoices, key: [invoicenumber]}
            fields:
              invoicenumber: { from: ordernumber }
              name: { from: name }
              totalamount: { from: totalamount, type: decimal }
              "customerid_account@odata.bind": { from: _customerid_value, bind: {entity: accounts} }
            """;

    @TempDir
    Path dir;

    private Path file(String conflicts) throws Exception {
        return Files.writeString(dir.resolve("things.yaml"), "area: things\n" + conflicts + BODY);
    }

    @Test
    void detectComparesEveryWrittenFieldButTheKeyAndBindReferences() throws Exception {
        Mapping mapping = new MappingLoader().load(file("conflicts: detect\n"));

        assertThat(mapping.detectsConflicts()).isTrue();
        assertThat(mapping.conflictFields()).containsExactly("name", "totalamount");
    }

    @Test
    void ignoreAndNoOptionCompareNothing() throws Exception {
        assertThat(new MappingLoader().load(file("conflicts: ignore\n")).conflictFields()).isEmpty();
        Mapping mapping = new MappingLoader().load(file(""));
        assertThat(mapping.detectsConflicts()).isFalse();
        assertThat(mapping.conflictFields()).isEmpty();
    }

    @Test
    void anotherValueIsAnErrorAtItsLine() throws Exception {
        Path path = file("conflicts: always\n");

        assertThat(catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(path)).problems())
                .containsExactly(path + ":2: conflicts must be detect or ignore, not 'always'");
    }

    @Test
    void aListIsAnErrorAtItsLine() throws Exception {
        Path path = file("conflicts: [detect]\n");

        assertThat(catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(path)).problems())
                .singleElement().asString().startsWith(path + ":2: ").contains("conflicts");
    }
}
