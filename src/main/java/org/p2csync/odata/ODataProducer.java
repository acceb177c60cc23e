package org.p2csync.odata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.p2csync.sync.Areas;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadOnlyWhen;
import org.p2csync.sync.TargetRecord;
import org.p2csync.sync.WrittenPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target side: upserts the READY items of a Batch in $batch requests and marks each WRITTEN or FAILED (stage
 * write, reason "status message"; transiently for a status that stayed transient through the retries). Other items pass unchanged and in order. If a whole $batch fails for good the
 * exchange fails, so the run stops before its cursor moves: nothing is lost. For an area with
 * {@code conflicts: detect} the records written before are first compared with their target copies
 * ({@link ConflictDetector}); the conflicts of records then written travel on with the page. For an area whose target
 * assigns fields ({@code target.assigned}), the records the page asks for are read back after the writes
 * ({@link AssignedReader}); a read-back that fails for good fails the exchange too.
 */
final class ODataProducer extends DefaultProducer {
    private static final Logger LOG = LoggerFactory.getLogger(ODataProducer.class);

    private final ODataEndpoint endpoint;
    private ConflictDetector conflicts;
    private ReadOnlyTargets readOnly;
    private AssignedReader assigned;

    ODataProducer(ODataEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        conflicts = conflictDetector();
        readOnly = readOnlyTargets();
        assigned = assignedReader();
    }

    /** Null unless the area's mapping names target states that refuse updates ({@code target.readOnlyWhen}). */
    private ReadOnlyTargets readOnlyTargets() {
        Areas areas = endpoint.getCamelContext().getRegistry().findSingleByType(Areas.class);
        ReadOnlyWhen when = areas == null ? ReadOnlyWhen.NEVER : areas.readOnlyWhen(endpoint.getArea());
        return when.isNever() ? null : new ReadOnlyTargets(endpoint.client(), endpoint.getArea(),
                endpoint.getEntitySet(), endpoint.isCrossCompany(), endpoint.getPageSize(), when,
                conflicts == null ? List.of() : conflicts.fields());
    }

    /** Null unless the area's mapping names fields its target assigns. */
    private AssignedReader assignedReader() {
        Areas areas = endpoint.getCamelContext().getRegistry().findSingleByType(Areas.class);
        List<String> fields = areas == null ? List.of() : areas.assignedFields(endpoint.getArea());
        return fields.isEmpty() ? null : new AssignedReader(endpoint.client(), endpoint.getArea(),
                endpoint.getEntitySet(), endpoint.isCrossCompany(), endpoint.getPageSize(), fields);
    }

    /** Null unless the area's mapping says conflicts: detect (and the application keeps written payloads). */
    private ConflictDetector conflictDetector() {
        Areas areas = endpoint.getCamelContext().getRegistry().findSingleByType(Areas.class);
        WrittenPayloads payloads = endpoint.getCamelContext().getRegistry().findSingleByType(WrittenPayloads.class);
        List<String> fields = areas == null ? List.of() : areas.conflictFields(endpoint.getArea());
        if (fields.isEmpty() || payloads == null) {
            return null;
        }
        return new ConflictDetector(endpoint.client(), endpoint.getArea(), endpoint.getEntitySet(),
                endpoint.isCrossCompany(), endpoint.getPageSize(), fields, payloads);
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
        int limit = endpoint.getBatchSize();
        Map<String, Map<String, Object>> created = new LinkedHashMap<>();
        for (int i : List.copyOf(ready)) {
            int requests = requestsOf(items.get(i).target());
            if (requests > limit) {
                // a document that cannot fit one $batch cannot be written atomically at all: say so, by name
                items.set(i, items.get(i).failed("write", "the document needs " + requests + " requests (header and "
                        + (requests - 1) + " lines) but one $batch holds at most " + limit));
                ready.remove(Integer.valueOf(i));
                rejected++;
            }
        }
        Map<Integer, Map<String, Object>> copies = Map.of();
        int held = 0;
        if (readOnly != null && !ready.isEmpty()) {
            // a write the service refuses in the record's state would fail it every run: hold it instead, named
            ReadOnlyTargets.Found lockedOnes = readOnly.check(items, ready);
            for (Map.Entry<Integer, String> locked : lockedOnes.readOnly().entrySet()) {
                items.set(locked.getKey(), items.get(locked.getKey()).held(locked.getValue()));
                ready.remove(locked.getKey());
                held++;
            }
            copies = lockedOnes.copies();
        }
        Map<Integer, Conflict> found = conflicts == null || ready.isEmpty() ? Map.of()
                : conflicts.detect(items, ready, copies);
        for (List<Integer> chunk : chunks(ready, items, limit)) {
            List<TargetRecord> records = chunk.stream().map(i -> items.get(i).target()).toList();
            List<WriteResult> results = endpoint.client().upsert(endpoint.getArea(), endpoint.getEntitySet(), records);
            for (int r = 0; r < chunk.size(); r++) {
                Item item = items.get(chunk.get(r));
                WriteResult result = results.get(r);
                if (result.isSuccess()) {
                    items.set(chunk.get(r), item.written());
                    if (result.created()) {
                        created.put(item.target().stateKey(), result.returned());
                    }
                } else {
                    String why = (result.status() + " " + result.message()).strip();
                    // a status that stayed transient through every retry may pass by itself; a refusal would not
                    items.set(chunk.get(r), RetryPolicy.isTransient(result.status())
                            ? item.failedTransiently("write", why) : item.failed("write", why));
                    rejected++;
                }
            }
        }
        if (!ready.isEmpty()) {
            LOG.debug("{}: {} of {} records written to {}, {} rejected", endpoint.getArea(), ready.size() - rejected,
                    ready.size(), endpoint.getEntitySet(), rejected);
        }
        if (held > 0) {
            LOG.info("{}: {} records not written: read-only at {}", endpoint.getArea(), held, endpoint.getEntitySet());
        }
        Batch done = batch.withItems(items).withConflicts(written(batch, found, items));
        exchange.getMessage().setBody(assigned == null ? done : assigned.readBack(done, created));
    }

    /** A conflict counts once its record is written: a rejected one is tried, and compared, again next run. */
    private static List<Conflict> written(Batch batch, Map<Integer, Conflict> found, List<Item> items) {
        List<Conflict> all = new ArrayList<>(batch.conflicts());
        found.forEach((i, conflict) -> {
            if (items.get(i).status() == ItemStatus.WRITTEN) {
                all.add(conflict);
            }
        });
        return all;
    }

    /** Consecutive runs of records whose requests (a document: header and lines) add up to at most {@code limit}. */
    private static List<List<Integer>> chunks(List<Integer> ready, List<Item> items, int limit) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int requests = 0;
        for (int i : ready) {
            int needs = requestsOf(items.get(i).target());
            if (!current.isEmpty() && requests + needs > limit) {
                chunks.add(current);
                current = new ArrayList<>();
                requests = 0;
            }
            current.add(i);
            requests += needs;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static int requestsOf(TargetRecord record) {
        return 1 + record.lines().size();
    }
}
