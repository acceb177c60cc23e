package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Cursor;

/**
 * Dataverse keeps modifiedon in whole seconds (the sandbox's default), so many records share one second: here 60 CRM
 * customers written in one second, read by their timestamp in pages of 7, through a proxy that sees every page and
 * every ERP write. Each run reads each record once; the next run reads that second again (no id tie-breaker, whose
 * Guid order the client cannot know) and writes nothing; a record changed in that same second after a run flows in
 * the next; a run stopped between pages loses nothing and writes nothing twice.
 */
class SameSecondWatermarkTest {
    private static final Path FIXTURES = Path.of("src/test/resources/watermark");
    private static final String AREA = "crmcustomers";
    private static final String ACCOUNTS = "/crm/api/data/v9.2/accounts";
    private static final int RECORDS = 60;
    private static final int PAGE = 7;
    /** A customer in an ERP write: its key in the request URL, or its CustomerAccount in the body. */
    private static final Pattern CUSTOMER_ACCOUNT = Pattern.compile(
            "CustomerAccount='([^']+)'|\"CustomerAccount\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private SandboxProxy proxy;
    private ODataProbe probe;
    private SyncFixture sync;
    private OffsetDateTime second;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(0));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.copy(FIXTURES.resolve(AREA + ".camel.yaml"), routes.resolve(AREA + ".camel.yaml"));
        Files.copy(FIXTURES.resolve(AREA + ".yaml"), mappings.resolve(AREA + ".yaml"));
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.page-size", String.valueOf(PAGE),
                "p2c.crm.url", proxy.url() + "/crm/api/data/v9.2/", "p2c.erp.url", proxy.url() + "/erp/data/"));
        second = sandbox.holdCrmTimestamps();
        for (int i = 0; i < RECORDS; i++) {
            probe.postCrm("accounts", Map.of("accountnumber", number(i), "name", "Same second " + i,
                    "customertypecode", 3));
        }
        List<Map<String, Object>> rows = probe.crm("accounts", "$select=accountid,modifiedon");
        assertThat(rows).hasSize(RECORDS).allSatisfy(row -> assertThat(OffsetDateTime.parse(
                row.get("modifiedon").toString())).as("one modifiedon second for all").isAtSameInstantAs(second));
    }

    @AfterEach
    void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    void manyRecordsInOneSecondAcrossPagesAreReadOnceAndThatSecondIsReadAgainWithoutWrites() throws Exception {
        SyncFixture.Result first = sync.syncOnce(AREA);

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(readIds(proxy.gets(ACCOUNTS))).as("each record read exactly once").hasSize(RECORDS)
                .doesNotHaveDuplicates();
        assertThat(proxy.gets(ACCOUNTS)).hasSize((RECORDS + PAGE - 1) / PAGE);
        assertThat(first.count(AREA, "written")).isEqualTo(RECORDS);
        assertThat(writtenAccounts()).hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(cursor()).as("the last row's modified value, as the service wrote it")
                .isEqualTo(new Cursor.Watermark(lastRow(proxy.gets(ACCOUNTS)).get("modifiedon").asText()));

        proxy.clear();
        SyncFixture.Result again = sync.syncOnce(AREA);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(again.count(AREA, "read")).as("the records of second W, again").isEqualTo(RECORDS);
        assertThat(readIds(proxy.gets(ACCOUNTS))).hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(filterOf(proxy.gets(ACCOUNTS).get(0).url())).isEqualTo("modifiedon ge " + cursorSecond());
        assertThat(again.count(AREA, "written")).as("unchanged by hash: no write").isZero();
        assertThat(writtenAccounts()).isEmpty();

        // written in second W after the runs read past it: a changed record and a new one
        Map<String, Object> changed = probe.crm("accounts", "$select=accountid",
                "$filter=accountnumber eq '" + number(41) + "'").get(0);
        probe.patchCrm("accounts(" + changed.get("accountid") + ")", Map.of("name", "Renamed in the same second"));
        probe.postCrm("accounts", Map.of("accountnumber", "SEC-NEW", "name", "Created in the same second",
                "customertypecode", 3));
        proxy.clear();
        SyncFixture.Result sameSecond = sync.syncOnce(AREA);

        assertThat(sameSecond.exitCode()).as(sameSecond.printed()).isZero();
        assertThat(sameSecond.count(AREA, "read")).isEqualTo(RECORDS + 1);
        assertThat(sameSecond.count(AREA, "written")).isEqualTo(2);
        assertThat(writtenAccounts()).containsExactlyInAnyOrder(number(41), "SEC-NEW");
        assertThat(probe.erp("CustomersV3", "$select=OrganizationName",
                "$filter=CustomerAccount eq '" + number(41) + "'")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("OrganizationName", "Renamed in the same second"));

        // a later second: the run reads second W once more, then the cursor moves out of it
        sandbox.releaseCrmTimestamps();
        Thread.sleep(1100);
        probe.patchCrm("accounts(" + changed.get("accountid") + ")", Map.of("name", "Renamed a second later"));
        SyncFixture.Result later = sync.syncOnce(AREA);

        assertThat(later.exitCode()).as(later.printed()).isZero();
        assertThat(later.count(AREA, "read")).isEqualTo(RECORDS + 1);
        assertThat(later.count(AREA, "written")).isEqualTo(1);
        assertThat(OffsetDateTime.parse(cursorSecond())).isAfter(second);

        proxy.clear();
        SyncFixture.Result quiet = sync.syncOnce(AREA);

        assertThat(quiet.exitCode()).as(quiet.printed()).isZero();
        assertThat(quiet.count(AREA, "read")).as("only the newer second").isEqualTo(1);
        assertThat(quiet.count(AREA, "written")).isZero();
    }

    @Test
    void aRunStoppedBetweenPagesRestartsFromItsCommittedCursorLosingNothingAndWritingNothingTwice() throws Exception {
        proxy.failSecondNextLink(ACCOUNTS);

        SyncFixture.Result stopped = sync.syncOnce(AREA);

        assertThat(stopped.exitCode()).as(stopped.printed()).isNotZero();
        assertThat(proxy.gets(ACCOUNTS)).as("two pages read, the third refused").hasSize(3);
        List<String> before = writtenAccounts();
        assertThat(before).as("the two pages read were written").hasSize(2 * PAGE).doesNotHaveDuplicates();
        assertThat(cursor()).as("committed after the pages written: their second")
                .isEqualTo(new Cursor.Watermark(cursorSecond()));
        assertThat(OffsetDateTime.parse(cursorSecond())).isAtSameInstantAs(second);

        proxy.passEverything();
        proxy.clear();
        SyncFixture.Result restarted = sync.syncOnce(AREA);

        assertThat(restarted.exitCode()).as(restarted.printed()).isZero();
        assertThat(filterOf(proxy.gets(ACCOUNTS).get(0).url())).isEqualTo("modifiedon ge " + cursorSecond());
        assertThat(restarted.count(AREA, "read")).as("the whole second again").isEqualTo(RECORDS);
        assertThat(restarted.count(AREA, "written")).isEqualTo(RECORDS - 2 * PAGE);
        List<String> after = writtenAccounts();
        assertThat(after).as("nothing written twice").doesNotHaveDuplicates().doesNotContainAnyElementsOf(before);
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).as("nothing lost").hasSize(RECORDS).doesNotHaveDuplicates();
        assertThat(probe.erp("CustomersV3", "$select=CustomerAccount").stream()
                .map(c -> c.get("CustomerAccount").toString()).filter(a -> a.startsWith("SEC-")))
                .as("in the ERP, each once").hasSize(RECORDS).doesNotHaveDuplicates();
    }

    private static String number(int i) {
        return String.format("SEC-%02d", i);
    }

    /** The CustomerAccount of every record the sync sent the ERP since the proxy's journal was last cleared. */
    private List<String> writtenAccounts() {
        List<String> accounts = new ArrayList<>();
        for (SandboxProxy.Sent sent : proxy.writes("/erp/data/")) {
            // one customer per request: a $batch's parts one by one, each named once (URL or body)
            for (String request : (sent.url() + "\n" + sent.body()).split("\r?\n--")) {
                Matcher m = CUSTOMER_ACCOUNT.matcher(request);
                if (m.find()) {
                    accounts.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return accounts;
    }

    private Cursor cursor() {
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            return state.cursors().load(AREA);
        }
    }

    private String cursorSecond() {
        return ((Cursor.Watermark) cursor()).modified();
    }

    /** The accountid of every row the pages of a run served, in order. */
    private static List<String> readIds(List<SandboxProxy.Exchange> pages) throws IOException {
        List<String> ids = new ArrayList<>();
        for (SandboxProxy.Exchange page : pages) {
            for (JsonNode row : new ObjectMapper().readTree(page.responseBody()).get("value")) {
                ids.add(row.get("accountid").asText());
            }
        }
        return ids;
    }

    /** The last row of a run's last page. */
    private static JsonNode lastRow(List<SandboxProxy.Exchange> pages) throws IOException {
        JsonNode rows = new ObjectMapper().readTree(pages.get(pages.size() - 1).responseBody()).get("value");
        return rows.get(rows.size() - 1);
    }

    private static String filterOf(String url) {
        Map<String, String> params = new HashMap<>();
        for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] kv = part.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params.get("$filter");
    }
}
