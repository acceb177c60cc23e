package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

class ODataProducerTest {
    private final RequestCounter counter = new RequestCounter();
    private FakeODataService service;
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readyItemsAreUpsertedAndMarkedPerRecordWhileOthersPassUnchanged() throws Exception {
        start(Map.of("K-2", 400));
        Item filtered = Item.read("f", "F", Map.of()).filtered("prospect");
        Batch batch = batch(ready("K-1"), filtered, ready("K-2"), ready("K-3"));

        Batch out = send("dataverse:accounts?area=a", batch).getMessage().getBody(Batch.class);

        assertThat(out.items()).extracting(Item::status).containsExactly(
                ItemStatus.WRITTEN, ItemStatus.FILTERED, ItemStatus.FAILED, ItemStatus.WRITTEN);
        assertThat(out.items().get(1)).isSameAs(filtered);
        assertThat(out.items().get(2).stage()).isEqualTo("write");
        assertThat(out.items().get(2).reason()).isEqualTo("400 rejected accounts(accountnumber%3D%27K-2%27) (0x1)");
        assertThat(out.end()).isEqualTo(batch.end());
        assertThat(service.batchBodies).singleElement().satisfies(body -> {
            assertThat(body).contains("PATCH " + service.baseUrl() + "/api/data/v9.2/accounts(accountnumber%3D%27K-1%27)"
                    + " HTTP/1.1", "{\"name\":\"Name K-1\"}");
            // Dataverse applies the key's values from the URL; a lookup key part would not even be writable
            assertThat(body).doesNotContain("\"F\"", "\"accountnumber\"");
        });
        assertThat(counter.get("a", "crm")).isEqualTo(2); // token + one $batch
    }

    @Test
    void pagesAreSplitIntoBatchesOfBatchSize() throws Exception {
        start(Map.of());
        Batch out = send("dataverse:accounts?area=a&batchSize=2", batch(ready("K-1"), ready("K-2"), ready("K-3")))
                .getMessage().getBody(Batch.class);

        assertThat(out.count(ItemStatus.WRITTEN)).isEqualTo(3);
        assertThat(service.batchBodies).hasSize(2);
        assertThat(service.batchBodies.get(1)).contains("K-3").doesNotContain("K-1");
    }

    @Test
    void batchSizeCountsRequestsSoADocumentsLinesCountAndAnOversizedDocumentFailsByName() throws Exception {
        start(Map.of());
        Item tooBig = document("D-3", 3);
        Batch out = send("dataverse:accounts?area=a&batchSize=3", batch(document("D-1", 1), document("D-2", 1), tooBig))
                .getMessage().getBody(Batch.class);

        assertThat(service.batchBodies).as("2 + 2 requests do not fit one batch of 3").hasSize(2);
        assertThat(service.batchBodies.get(0)).contains("D-1").doesNotContain("D-2");
        assertThat(out.items().get(2).status()).isEqualTo(ItemStatus.FAILED);
        assertThat(out.items().get(2).reason()).contains("4 requests").contains("at most 3");
    }

    @Test
    void onlyRecordsAnsweredTransientlyAreSentAgain() throws Exception {
        start(Map.of("K-2", 503));
        Batch out = send("dataverse:accounts?area=a", batch(ready("K-1"), ready("K-2"), ready("K-3")))
                .getMessage().getBody(Batch.class);

        assertThat(out.count(ItemStatus.WRITTEN)).isEqualTo(3);
        assertThat(service.batchBodies).hasSize(2);
        assertThat(service.batchBodies.get(1)).contains("K-2").doesNotContain("K-1", "K-3");
    }

    @Test
    void aThrottledRecordIsResentNoEarlierThanItsRetryAfter() throws Exception {
        start(Map.of("K-1", 429));
        Batch out = send("dataverse:accounts?area=a", batch(ready("K-1"), ready("K-2")))
                .getMessage().getBody(Batch.class);

        assertThat(out.count(ItemStatus.WRITTEN)).isEqualTo(2);
        assertThat(service.batchTimes).hasSize(2);
        assertThat(service.batchTimes.get(1) - service.batchTimes.get(0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void onFnoAMissingRecordIsCreatedWithPost() throws Exception {
        start(Map.of("K-2", 404, "K-3", 400));
        Batch out = send("fno:accounts?area=a", batch(ready("K-1"), ready("K-2"), ready("K-3")))
                .getMessage().getBody(Batch.class);

        assertThat(out.items()).extracting(Item::status)
                .containsExactly(ItemStatus.WRITTEN, ItemStatus.WRITTEN, ItemStatus.FAILED);
        assertThat(service.batchBodies).hasSize(2);
        assertThat(service.batchBodies.get(1)).contains("POST " + service.baseUrl() + "/api/data/v9.2/accounts HTTP/1.1",
                "{\"accountnumber\":\"K-2\",\"name\":\"Name K-2\"}").doesNotContain("K-1", "K-3", "PATCH");
    }

    @Test
    void deleteOperationsAreSentAsDeleteByKeyAndAMissingRecordCountsAsDeleted() throws Exception {
        start(Map.of("K-2", 404, "K-3", 400));
        Batch out = send("fno:accounts?area=a", batch(delete("K-1"), delete("K-2"), delete("K-3"), ready("K-4")))
                .getMessage().getBody(Batch.class);

        assertThat(out.items()).extracting(Item::status)
                .containsExactly(ItemStatus.WRITTEN, ItemStatus.WRITTEN, ItemStatus.FAILED, ItemStatus.WRITTEN);
        assertThat(service.batchBodies).as("a 404 on delete is not retried as a create").hasSize(1);
        assertThat(service.batchBodies.get(0))
                .contains("DELETE " + service.baseUrl() + "/api/data/v9.2/accounts(accountnumber%3D%27K-1%27)"
                        + "?cross-company=true HTTP/1.1")
                .contains("PATCH " + service.baseUrl() + "/api/data/v9.2/accounts(accountnumber%3D%27K-4%27)"
                        + "?cross-company=true HTTP/1.1")
                .doesNotContain("POST");
    }

    @Test
    void onDataverseA404IsARecordFailure() throws Exception {
        start(Map.of("K-1", 404));
        Batch out = send("dataverse:accounts?area=a", batch(ready("K-1"))).getMessage().getBody(Batch.class);

        assertThat(out.items().get(0).reason()).startsWith("404 rejected");
        assertThat(service.batchBodies).hasSize(1);
    }

    @Test
    void aWholeBatchThatFailsForGoodFailsTheExchange() throws Exception {
        start(Map.of());
        service.batchStatus = 503;
        Exchange result = send("dataverse:accounts?area=a", batch(ready("K-1")));

        assertThat(result.getException()).isInstanceOf(ODataException.class)
                .hasMessageContaining("gave up on crm POST " + service.baseUrl() + "/api/data/v9.2/$batch")
                .hasMessageContaining("after 4 attempts; last: HTTP 503");
        assertThat(service.batchBodies).hasSize(4);
        assertThat(counter.get("a", "crm")).isEqualTo(5);
    }

    @Test
    void anUnreachableServiceFailsTheExchangeAfterRetries() throws Exception {
        start(Map.of());
        service.close(); // nothing listens any more: connection refused on every attempt
        Exchange result = send("dataverse:accounts?area=a", batch(ready("K-1")));

        assertThat(result.getException()).isInstanceOf(ODataException.class)
                .hasMessageContaining("after 4 attempts; last: ConnectException");
    }

    @Test
    void aBatchWithNothingReadySendsNothing() throws Exception {
        start(Map.of());
        Batch in = batch(Item.read("u", "U", Map.of()).unchanged());

        Batch out = send("dataverse:accounts?area=a", in).getMessage().getBody(Batch.class);

        assertThat(out).isEqualTo(in);
        assertThat(counter.get("a", "crm")).isZero();
    }

    @Test
    void onFnoARecordTheWriteCreatedIsReadBackForAnAreaWhoseTargetAssignsFieldsThoughThePageDidNotAsk()
            throws Exception {
        start(Map.of("K-2", 404));
        camel.getRegistry().bind("areas", new org.p2csync.sync.Areas() {
            @Override
            public org.p2csync.sync.ReadSpec readSpec(String area) {
                throw new IllegalArgumentException("no source here");
            }

            @Override
            public List<String> assignedFields(String area) {
                return List.of("PartyNumber");
            }
        });

        Batch out = send("fno:accounts?area=a", batch(ready("K-1"), ready("K-2"))).getMessage().getBody(Batch.class);

        assertThat(out.count(ItemStatus.WRITTEN)).isEqualTo(2);
        assertThat(out.readBack().found()).as("K-2 was created by POST; K-1 updated").containsOnlyKeys("K-2");
        assertThat(out.readBack().found().get("K-2")).as("this service has no such record to show").isEmpty();
        assertThat(service.readQueries).singleElement().satisfies(query -> assertThat(query)
                .contains("$select=accountnumber,PartyNumber", "$filter=accountnumber eq 'K-2'", "cross-company=true"));
    }

    private void start(Map<String, Integer> statuses) throws Exception {
        service = new FakeODataService(List.of(), Set.of(), statuses);
        camel = new DefaultCamelContext();
        camel.addComponent("dataverse", new ODataComponent(service.config(Dialect.DATAVERSE), counter));
        camel.addComponent("fno", new ODataComponent(service.config(Dialect.FNO), counter));
        camel.start();
    }

    private Exchange send(String uri, Batch batch) {
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            return template.send(uri, e -> e.getMessage().setBody(batch));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Item ready(String key) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountnumber", key);
        payload.put("name", "Name " + key);
        return Item.read("id-" + key, key, Map.of()).mapped(new TargetRecord(Map.of("accountnumber", key), payload),
                "hash-" + key);
    }

    /** A record with {@code lines} lines, each its own request in the document's change set. */
    private static Item document(String key, int lines) {
        Item header = ready(key);
        java.util.List<TargetRecord> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            rows.add(new TargetRecord("accounts", Map.of("accountnumber", key + "-L" + i),
                    Map.of("accountnumber", key + "-L" + i), List.of(), TargetRecord.Operation.UPSERT));
        }
        TargetRecord withLines = new TargetRecord(null, header.target().key(), header.target().payload(), rows,
                TargetRecord.Operation.UPSERT);
        return Item.read("id-" + key, key, Map.of()).mapped(withLines, "hash-" + key);
    }

    private static Item delete(String key) {
        Map<String, Object> k = Map.of("accountnumber", key);
        return Item.deletedAtSource("id-" + key, null).mapped(
                new TargetRecord(null, k, k, List.of(), TargetRecord.Operation.DELETE), "deleted-" + key);
    }

    private static Batch batch(Item... items) {
        return new Batch("a", "run-1", new ArrayList<>(List.of(items)), new Cursor.Watermark("2024-05-01T10:00:00Z"), false);
    }
}
