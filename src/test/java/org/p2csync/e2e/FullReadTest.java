package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * An ERP source whose mapping names no timestamp is read in full every run: unchanged records cost no write, so a
 * repeat run costs its read pages only; a record changed in the ERP is written once; a record deleted there is seen
 * only by a complete read, and handed to the area's delete policy; an interrupted read deletes nothing.
 */
class FullReadTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fullread");
    private static final String AREA = "fullproducts";
    private static final int PAGE_SIZE = 20;

    @TempDir
    Path dir;

    Sandbox sandbox;
    ODataProbe probe;
    Path mapping;
    SyncFixture sync;
    SandboxProxy proxy;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(100));
        probe = new ODataProbe(sandbox);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.copy(FIXTURES.resolve(AREA + ".camel.yaml"), routes.resolve(AREA + ".camel.yaml"));
        mapping = Files.copy(FIXTURES.resolve(AREA + ".yaml"), mappings.resolve(AREA + ".yaml"));
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.page-size", String.valueOf(PAGE_SIZE)));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        sandbox.close();
    }

    @Test
    void everyEligibleRecordIsWrittenOnceAndARepeatRunCostsItsReadPagesOnlyDeletesIncluded() throws Exception {
        Set<String> eligible = eligible();

        SyncFixture.Result first = sync.syncOnce(AREA);

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(first.count(AREA, "read")).isEqualTo(probe.erpCount("SellableReleasedProducts"));
        assertThat(first.count(AREA, "written")).isEqualTo(eligible.size());
        assertThat(crmProducts()).containsAll(eligible);

        SyncFixture.Result repeat = sync.syncOnce(AREA);

        assertThat(repeat.exitCode()).as(repeat.printed()).isZero();
        assertThat(repeat.count(AREA, "written")).isZero();
        assertThat(repeat.count(AREA, "unchanged")).isEqualTo(eligible.size());
        assertRequests(repeat, pages(), 0);

        String changed = eligible.stream().sorted().skip(3).findFirst().orElseThrow();
        probe.patchErp(product(changed), Map.of("ProductName", "Renamed in the ERP"));

        SyncFixture.Result next = sync.syncOnce(AREA);

        assertThat(next.count(AREA, "written")).isEqualTo(1);
        assertRequests(next, pages(), 1);
        assertThat(crmName(changed)).isEqualTo("Renamed in the ERP");

        // the default delete policy (ignore): a record gone from the ERP costs nothing beyond the pages
        String gone = eligible.stream().sorted().findFirst().orElseThrow();
        probe.deleteErp(product(gone));

        SyncFixture.Result afterDelete = sync.syncOnce(AREA);

        assertThat(afterDelete.exitCode()).as(afterDelete.printed()).isZero();
        assertThat(afterDelete.count(AREA, "read")).as("no delete is handed on")
                .isEqualTo(probe.erpCount("SellableReleasedProducts"));
        assertThat(afterDelete.count(AREA, "written")).isZero();
        assertRequests(afterDelete, pages(), 0);
        assertThat(crmProducts()).contains(gone);
    }

    @Test
    void underOnDeleteDeleteARecordGoneFromTheErpIsConfirmedGoneAndDeletedFromTheCrm() throws Exception {
        Files.writeString(mapping, Files.readString(mapping) + "\nonDelete: delete\n");
        SyncFixture.Result first = sync.syncOnce(AREA);
        assertThat(first.exitCode()).as(first.printed()).isZero();
        String gone = eligible().stream().sorted().findFirst().orElseThrow();
        probe.deleteErp(product(gone));
        Set<String> before = crmProducts();

        SyncFixture.Result next = sync.syncOnce(AREA);

        assertThat(next.exitCode()).as(next.printed()).isZero();
        assertThat(next.count(AREA, "read")).as("the rows read, and the one confirmed gone")
                .isEqualTo(probe.erpCount("SellableReleasedProducts") + 1);
        assertThat(next.count(AREA, "written")).as("the delete").isEqualTo(1);
        assertRequests(next, pages() + 1, 1);
        assertThat(before).contains(gone);
        assertThat(crmProducts()).doesNotContain(gone).hasSize(before.size() - 1);

        SyncFixture.Result after = sync.syncOnce(AREA);

        assertThat(after.count(AREA, "written")).isZero();
        assertRequests(after, pages(), 0);
    }

    @Test
    void aReadInterruptedMidWayLosesNothingAndDeletesNothing() throws Exception {
        Files.writeString(mapping, Files.readString(mapping) + "\nonDelete: delete\n");
        SyncFixture.Result first = sync.syncOnce(AREA);
        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(pages()).as("enough pages to stop in the middle").isGreaterThanOrEqualTo(4);
        List<String> items = eligible().stream().sorted().toList();
        String gone = items.get(0);
        String changedLate = items.get(items.size() - 1); // on the last page: never reached by the stopped run
        probe.deleteErp(product(gone));
        probe.patchErp(product(changedLate), Map.of("ProductName", "Renamed late"));
        proxy = new SandboxProxy(sandbox);
        proxy.failSecondNextLink("/erp/data/SellableReleasedProducts");
        sync.set("p2c.erp.url", proxy.url() + "/erp/data/");

        SyncFixture.Result stopped = sync.syncOnce(AREA);

        assertThat(stopped.area(AREA).get("outcome").asText()).as(stopped.printed()).isEqualTo("Error");
        assertThat(stopped.area(AREA).get("stoppedEarly").asText()).contains("400");
        assertThat(stopped.count(AREA, "read")).isEqualTo(2L * PAGE_SIZE);
        assertThat(crmProducts()).as("an incomplete read deletes nothing").contains(gone);
        assertThat(crmName(changedLate)).isNotEqualTo("Renamed late");

        sync.set("p2c.erp.url", sandbox.erpUrl());
        SyncFixture.Result complete = sync.syncOnce(AREA);

        assertThat(complete.exitCode()).as(complete.printed()).isZero();
        assertThat(complete.count(AREA, "written")).as("the change and the delete").isEqualTo(2);
        assertRequests(complete, pages() + 1, 2);
        assertThat(crmName(changedLate)).isEqualTo("Renamed late");
        assertThat(crmProducts()).doesNotContain(gone);
    }

    /** The requests the run sent, CRM and ERP (token requests belong to start-up, before the run). */
    private static void assertRequests(SyncFixture.Result result, long erp, long crm) {
        assertThat(result.area(AREA).get("requests").get("erp").asLong()).as("ERP requests").isEqualTo(erp);
        assertThat(result.area(AREA).get("requests").get("crm").asLong()).as("CRM requests").isEqualTo(crm);
    }

    /** The read's pages: every row of every company, {@link #PAGE_SIZE} a page. */
    private long pages() {
        long rows = probe.erpCount("SellableReleasedProducts");
        return (rows + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    /** The product numbers the mapping lets through: usmf's items. */
    private Set<String> eligible() {
        return probe.erp("SellableReleasedProducts", "$select=dataAreaId,ProductNumber,ProductType").stream()
                .filter(p -> "usmf".equals(p.get("dataAreaId")) && "Item".equals(p.get("ProductType")))
                .map(p -> (String) p.get("ProductNumber"))
                .collect(Collectors.toSet());
    }

    private Set<String> crmProducts() {
        return probe.crm("products", "$select=productnumber").stream().map(p -> (String) p.get("productnumber"))
                .collect(Collectors.toSet());
    }

    private String crmName(String productNumber) {
        return probe.crm("products", "$select=name", "$filter=productnumber eq '" + productNumber + "'").stream()
                .map(p -> (String) p.get("name")).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String product(String number) {
        return "SellableReleasedProducts(dataAreaId='usmf',ProductNumber='" + number + "')";
    }
}
