package org.p2csync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a seed-shaped row into the request body a Dataverse client sends for it: each lookup value
 * ({@code _x_value}) becomes a bind through the first writable navigation property that sets it
 * ({@code "x@odata.bind": "/<set>(<id>)"}), and read-only columns (owning business unit and team, which follow the
 * owner) are left out, as are columns the served set lacks (p2c_ columns the org has not created). The simulated
 * users write through the services like any client.
 */
final class RowBodies {
    private RowBodies() {}

    static Map<String, Object> requestBody(EntitySetDef set, Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            Property p = set.property(name).orElse(null);
            if (p == null) {
                return; // a column the org has not created: the user's form has no such field
            }
            if (p.isLookup()) {
                // no writable navigation: a lookup the service maintains (owning business unit, owning team)
                set.navigations().values().stream()
                        .filter(nav -> nav.lookupProperty().equals(name) && nav.writable() && !nav.targetSets().isEmpty())
                        .findFirst()
                        .ifPresent(n -> body.put(n.name() + "@odata.bind",
                                value == null ? null : "/" + n.targetSets().get(0) + "(" + value + ")"));
            } else if (p.access() == Property.Access.WRITABLE && !p.serverManaged()) {
                body.put(name, value);
            }
        });
        return body;
    }
}
