package org.p2csync.odata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.p2csync.sync.Batch;
import org.p2csync.sync.ChangePlan;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.PlannedChange;
import org.p2csync.sync.TargetRecord;

/**
 * The target side of a dry run ({@code plan}): sends no write. The READY items of a page are compared, field by
 * field, with the target's current copies, read in bulk by key as the conflict check and the read-back of assigned
 * fields read them ({@link KeyedReader}: one GET per {@link KeyedReader#CHUNK} records, {@code $select} of the fields
 * written), and what a sync would do to each goes to the {@link ChangePlan} of the registry. Items pass on as they
 * came. Header fields only: a document's lines are counted, not compared.
 */
final class PlanningProducer extends DefaultProducer {
    private final ODataEndpoint endpoint;

    PlanningProducer(ODataEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getMessage().getMandatoryBody(Batch.class);
        ChangePlan plan = endpoint.getCamelContext().getRegistry().findSingleByType(ChangePlan.class);
        if (plan == null) {
            throw new IllegalStateException(endpoint.getEndpointUri() + " plans but finds no ChangePlan in the registry");
        }
        String area = endpoint.getArea();
        List<Item> items = batch.items();
        Map<String, List<Integer>> bySet = new LinkedHashMap<>();
        int budget = plan.toCompare(area);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.status() != ItemStatus.READY) {
                continue;
            }
            String set = setOf(item.target());
            if (budget <= 0) {
                plan.planned(change(item, set, PlannedChange.Kind.NOT_COMPARED, List.of(), List.of()));
                continue;
            }
            budget--;
            bySet.computeIfAbsent(set, s -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> set : bySet.entrySet()) {
            KeyedReader reader = new KeyedReader(endpoint.client(), area, set.getKey(), endpoint.isCrossCompany(),
                    endpoint.getPageSize());
            List<Integer> indexes = set.getValue();
            for (int from = 0; from < indexes.size(); from += KeyedReader.CHUNK) {
                List<TargetRecord> chunk = indexes.subList(from, Math.min(indexes.size(), from + KeyedReader.CHUNK))
                        .stream().map(i -> items.get(i).target()).toList();
                List<Map<String, Object>> copies = reader.readChunk(chunk.stream().map(TargetRecord::key).toList(),
                        compared(chunk));
                for (int c = 0; c < chunk.size(); c++) {
                    plan.planned(compare(items.get(indexes.get(from + c)), set.getKey(), copies.get(c)));
                }
            }
        }
        exchange.getMessage().setBody(batch);
    }

    /** The fields a read can select: every written one but references, which read back as another property. */
    private static Set<String> compared(List<TargetRecord> records) {
        Set<String> fields = new LinkedHashSet<>();
        records.forEach(r -> r.payload().keySet().stream().filter(f -> !f.contains("@")).forEach(fields::add));
        return fields;
    }

    private String setOf(TargetRecord target) {
        return target.entitySet() == null ? endpoint.getEntitySet() : target.entitySet();
    }

    private PlannedChange compare(Item item, String set, Map<String, Object> current) {
        TargetRecord target = item.target();
        List<String> references = target.payload().keySet().stream().filter(f -> f.contains("@")).toList();
        if (target.operation() == TargetRecord.Operation.DELETE) {
            return change(item, set, current == null ? PlannedChange.Kind.NOT_THERE : PlannedChange.Kind.DELETE,
                    List.of(), List.of());
        }
        if (current == null) {
            if (target.operation() == TargetRecord.Operation.UPDATE) {
                return change(item, set, PlannedChange.Kind.NOT_THERE, List.of(), List.of());
            }
            List<PlannedChange.Field> fields = new ArrayList<>();
            target.payload().forEach((field, value) -> fields.add(new PlannedChange.Field(field, null, value)));
            return change(item, set, PlannedChange.Kind.CREATE, fields, List.of());
        }
        List<PlannedChange.Field> changed = new ArrayList<>();
        target.payload().forEach((field, value) -> {
            if (!field.contains("@") && !FieldValues.same(current.get(field), value)) {
                changed.add(new PlannedChange.Field(field, current.get(field), value));
            }
        });
        return change(item, set, changed.isEmpty() ? PlannedChange.Kind.SAME : PlannedChange.Kind.UPDATE, changed,
                references);
    }

    private PlannedChange change(Item item, String set, PlannedChange.Kind kind,
            List<PlannedChange.Field> fields, List<String> notCompared) {
        return new PlannedChange(endpoint.getArea(), item.displayKey(), set, item.target().keyString(), kind, fields,
                notCompared, item.target().lines().size());
    }
}
