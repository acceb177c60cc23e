package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Cursor;

/**
 * A source read by its timestamp, seen from a proxy in front of the CRM: a run starts with one query for the rows
 * modified at or after the stored watermark (that second included, no id tie-breaker) and then follows the service's
 * nextLinks exactly as given; it never builds a query of its own from a page's last row.
 */
class WatermarkReadTest {
    private static final Path FIXTURES = Path.of("src/test/resources/watermark");
    private static final String AREA = "crmcustomers";
    private static final String ACCOUNTS = "/crm/api/data/v9.2/accounts";

    @TempDir
    Path dir;

    @Test
    void eachRunStartsWithOneKeysetQueryAndFollowsTheNextLinksAsGiven() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(120));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            ODataProbe probe = new ODataProbe(sandbox);
            Path routes = Files.createDirectories(dir.resolve("routes"));
            Path mappings = Files.createDirectories(dir.resolve("mappings"));
            Files.copy(FIXTURES.resolve(AREA + ".camel.yaml"), routes.resolve(AREA + ".camel.yaml"));
            Files.copy(FIXTURES.resolve(AREA + ".yaml"), mappings.resolve(AREA + ".yaml"));
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                    mappings.toString(), "p2c.page-size", "25", "p2c.crm.url", proxy.url() + ACCOUNTS.replace(
                            "accounts", "")));

            SyncFixture.Result first = sync.syncOnce(AREA);

            assertThat(first.exitCode()).as(first.printed()).isZero();
            List<SandboxProxy.Exchange> firstRun = proxy.gets(ACCOUNTS);
            assertThat(firstRun.size()).as("pages of 25").isEqualTo((int) (first.count(AREA, "read") + 24) / 25);
            assertThat(firstRun.get(0).url()).doesNotContain("%24filter").doesNotContain("$skiptoken");
            assertThat(param(firstRun.get(0).url(), "$orderby")).isEqualTo("modifiedon asc,accountid asc");
            assertFollowedAsGiven(firstRun);

            Cursor.Watermark stored;
            try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
                stored = (Cursor.Watermark) state.cursors().load(AREA);
            }
            List<Map<String, Object>> customers = probe.crm("accounts", "$select=accountid",
                    "$filter=customertypecode eq 3", "$top=30");
            for (Map<String, Object> customer : customers) {
                probe.patchCrm("accounts(" + customer.get("accountid") + ")", Map.of("telephone1", "+1 555 0100"));
            }
            int stillAtW = probe.crm("accounts", "$select=accountid", "$filter=modifiedon eq " + stored.modified())
                    .size();
            proxy.clear();

            SyncFixture.Result second = sync.syncOnce(AREA);

            assertThat(second.exitCode()).as(second.printed()).isZero();
            assertThat(stillAtW).as("the seeds' last second holds several rows").isGreaterThan(1);
            assertThat(second.count(AREA, "read")).as("what changed since the stored watermark, and its second again")
                    .isEqualTo(30 + stillAtW);
            assertThat(second.count(AREA, "written")).as("no row of second W changed what is mapped").isZero();
            List<SandboxProxy.Exchange> secondRun = proxy.gets(ACCOUNTS);
            assertThat(secondRun).hasSize((30 + stillAtW + 24) / 25);
            assertThat(param(secondRun.get(0).url(), "$filter")).as("the run starts at the stored watermark's second")
                    .isEqualTo("modifiedon ge " + stored.modified());
            assertFollowedAsGiven(secondRun);
        }
    }

    /** Every request after a run's first is the nextLink of the response before it, character for character. */
    private static void assertFollowedAsGiven(List<SandboxProxy.Exchange> run) {
        for (int i = 1; i < run.size(); i++) {
            String nextLink = nextLink(run.get(i - 1).responseBody());
            assertThat(run.get(i).url()).as("request %d of the run", i + 1).isEqualTo(nextLink);
        }
        assertThat(nextLink(run.get(run.size() - 1).responseBody())).as("the last page").isNull();
    }

    private static String nextLink(String body) {
        try {
            var link = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("@odata.nextLink");
            return link == null ? null : link.asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String param(String url, String name) {
        for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] kv = part.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
