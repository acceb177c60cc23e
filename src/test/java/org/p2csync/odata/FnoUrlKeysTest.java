package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * F&amp;O finds no route for {@code / \ +} in a key of a request's URL (SandboxUrlKeysTest), so every request of
 * p2c-sync that carries an F&amp;O key either goes inside a $batch (create, update, delete) or names the key in a
 * {@code $filter} of the query string (read-backs by key): customer accounts with those characters are created,
 * updated, read back and deleted like any other, against the sandbox over HTTP.
 */
class FnoUrlKeysTest {
    private static final List<String> ACCOUNTS = List.of("F/1", "F\\2", "F+3", "A&B 17/3#?");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(0));
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TargetRecord customer(String account, String name, TargetRecord.Operation operation,
                                         boolean neverWritten) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "demf"); // outside the default company: writes by key need cross-company=true too
        key.put("CustomerAccount", account);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("OrganizationName", name);
        TargetRecord record = new TargetRecord("CustomersV3", key, payload, List.of(), operation);
        return neverWritten ? record.asNeverWritten() : record;
    }

    private static List<WriteResult> write(String name, TargetRecord.Operation operation, boolean neverWritten) {
        List<WriteResult> results = erp.upsert("test", "CustomersV3",
                ACCOUNTS.stream().map(a -> customer(a, name, operation, neverWritten)).toList());
        assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        return results;
    }

    private static List<Map<String, Object>> readBack() {
        KeyedReader reader = new KeyedReader(erp, "test", "CustomersV3", true, 100);
        return reader.readChunk(ACCOUNTS.stream().map(a -> customer(a, "", TargetRecord.Operation.UPSERT, false).key())
                .toList(), List.of("OrganizationName"));
    }

    @Test
    void customerAccountsWithSlashBackslashAndPlusAreCreatedUpdatedReadBackAndDeleted() {
        write("Created", TargetRecord.Operation.UPSERT, true);
        assertThat(readBack()).allSatisfy(row -> assertThat(row).containsEntry("OrganizationName", "Created"));

        write("Upserted", TargetRecord.Operation.UPSERT, false);
        write("Updated", TargetRecord.Operation.UPDATE, false);
        assertThat(readBack()).allSatisfy(row -> assertThat(row).containsEntry("OrganizationName", "Updated"));

        write("", TargetRecord.Operation.DELETE, false);
        assertThat(readBack()).containsOnlyNulls();
    }
}
