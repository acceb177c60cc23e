package org.p2csync.odata;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.TargetRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target side: upserts the READY items of a Batch in $batch requests and marks each WRITTEN or FAILED (stage
 * write, reason "status message"). Other items pass unchanged and in order. If a whole $batch fails for good the
 * exchange fails, so the run stops before its cursor moves: nothing is lost.
 */
final class ODataProducer extends DefaultProducer {
    private static final Logger LOG = LoggerFactory.getLogger(ODataProducer.class);

    private final ODataEndpoint endpoint;

    ODataProducer(ODataEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getMessage().getMandatoryBody(Batch.class);
        List<Item> items = new ArrayList<>(batch.items());
        List<Integer> ready = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).status() == ItemStatus.READY) {
                ready.add(i);
            }
        }
        for (int from = 0; from < ready.size(); from += endpoint.getBatchSize()) {
            List<Integer> chunk = ready.subList(from, Math.min(ready.size(), from + endpoint.getBatchSize()));
            List<TargetRecord> records = chunk.stream().map(i -> items.get(i).target()).toList();
            List<WriteResult> results = endpoint.client().upsert(endpoint.getArea(), endpoint.getEntitySet(), records);
            for (int r = 0; r < chunk.size(); r++) {
                Item item = items.get(chunk.get(r));
                WriteResult result = results.get(r);
                if (result.isSuccess()) {
                    items.set(chunk.get(r), item.written());
                } else {
                    items.set(chunk.get(r), item.failed("write", (result.status() + " " + result.message()).strip()));
                    rejected++;
                }
            }
        }
        if (!ready.isEmpty()) {
            LOG.info("{}: {} of {} records written to {}, {} rejected", endpoint.getArea(), ready.size() - rejected,
                    ready.size(), endpoint.getEntitySet(), rejected);
        }
        exchange.getMessage().setBody(batch.withItems(items));
    }
}
