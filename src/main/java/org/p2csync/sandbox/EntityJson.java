package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes rows as OData JSON objects. A poisoned row gets one deliberately broken value (an unescaped quote and a
 * control character) in its first non-identifying selected property, the way a corrupt record breaks a real feed;
 * selecting only identifying fields serves it cleanly so a client can isolate it.
 */
final class EntityJson {
    private EntityJson() {}

    static void writeRow(JsonGenerator json, SimulatedService service, EntitySetDef set, List<Property> selected,
                         Map<String, Object> row) throws IOException {
        writeRow(json, service, set, selected, row, null);
    }

    /** Writes one entity; {@code context} (a single entity's @odata.context) goes first when not null. */
    static void writeRow(JsonGenerator json, SimulatedService service, EntitySetDef set, List<Property> selected,
                         Map<String, Object> row, String context) throws IOException {
        boolean poisoned = service.isPoisoned(set.name(), keyString(set, row));
        boolean broken = false;
        json.writeStartObject();
        if (context != null) {
            json.writeStringField("@odata.context", context);
        }
        for (Property p : selected) {
            json.writeFieldName(p.name());
            if (poisoned && !broken && !set.isIdentifying(p.name())) {
                json.writeRawValue("\"bad \u0001 \"quote\" " + p.name() + "\"");
                broken = true;
            } else {
                p.type().write(json, row.get(p.name()), service.dateTimeFormat());
            }
        }
        json.writeEndObject();
    }

    /** The key as one string: the id for single keys, parts joined by '|' for composite keys. */
    static String keyString(EntitySetDef set, Map<String, Object> row) {
        return set.key().stream().map(k -> String.valueOf(row.get(k))).collect(Collectors.joining("|"));
    }

    /** $select, or every property; keys are always served, as both services do. */
    static List<Property> selection(EntitySetDef set, QueryOptions options) {
        String select = options.get("$select");
        if (select == null || select.isBlank()) {
            return set.properties();
        }
        List<String> names = java.util.Arrays.stream(select.split(",")).map(String::trim).toList();
        names.stream().filter(n -> !n.isEmpty()).forEach(set::require);
        return set.properties().stream()
                .filter(p -> names.contains(p.name()) || set.key().contains(p.name()))
                .toList();
    }

    static String contextSelect(EntitySetDef set, QueryOptions options) {
        String select = options.get("$select");
        return select == null || select.isBlank() ? "" : "(" + select.replace(" ", "") + ")";
    }
}
