package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;

/**
 * Line reading against the real sandbox over HTTP, before the document sets exist: currencies play the headers and
 * the accounts that use them the lines (parent _transactioncurrencyid_value), with pages small enough that the
 * line reads must follow the server's nextLinks.
 */
class LinesFromSandboxTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient crm;
    static final RequestCounter COUNTER = new RequestCounter();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(60));
        crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), COUNTER);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyLineArrivesWithItsHeaderOrderedByLineId() throws Exception {
        ReadSpec spec = new ReadSpec("transactioncurrencies", "transactioncurrencyid", "isocurrencycode", "modifiedon",
                List.of("isocurrencycode", "modifiedon", "transactioncurrencyid"), false,
                new ReadSpec.LinesSpec("accounts", "accountid", "_transactioncurrencyid_value",
                        List.of("_transactioncurrencyid_value", "accountid", "accountnumber")));
        RunBook book = new RunBook();
        book.spec = spec;

        List<Batch> batches = book.run(new ODataSource(crm, "a", spec, 7, false, Duration.ZERO));

        List<Map<String, Object>> expected = crm.readPage("check", "accounts", new Query(
                List.of("accountid", "_transactioncurrencyid_value"), "_transactioncurrencyid_value ne null",
                "accountid asc", 5000, false)).rows();
        int attached = 0;
        for (Item header : batches.stream().flatMap(b -> b.items().stream()).toList()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) header.source().get(LineReader.ROWS);
            List<Object> ids = expected.stream()
                    .filter(a -> header.sourceId().equalsIgnoreCase(String.valueOf(a.get("_transactioncurrencyid_value"))))
                    .map(a -> a.get("accountid")).toList();
            assertThat(lines).extracting(l -> l.get("accountid")).as(header.sourceKey()).isEqualTo(ids);
            attached += lines.size();
        }
        assertThat(attached).isEqualTo(expected.size()).isGreaterThan(7);
    }
}
