package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void parallelClientsReadAndWriteBothSystemsConsistently() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(100))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            http.token();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int worker = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 25; i++) {
                            String body = "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"T" + worker + "-" + i
                                    + "\",\"OrganizationName\":\"w\"}";
                            ok += http.send("POST", sandbox.erpUrl() + "CustomersV3", body, Map.of()).statusCode() == 201
                                    ? 1 : 0;
                            ok += http.get(sandbox.crmUrl() + "accounts?$top=5").statusCode() == 200 ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> r : results) {
                    assertThat(r.get()).isEqualTo(50);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(http.getJson(sandbox.erpUrl() + "CustomersV3?$count=true&$top=0").get("@odata.count").asInt())
                    .isEqualTo(200);
            assertThat(sandbox.stats().crmRequests()).isEqualTo(200);
            assertThat(sandbox.stats().erpRequests()).isEqualTo(201);
        }
    }
}
