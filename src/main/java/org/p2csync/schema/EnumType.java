package org.p2csync.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An F&amp;O enum type, e.g. {@code Microsoft.Dynamics.DataEntities.SalesStatus}. Values travel in JSON as member
 * names ({@code "Invoiced"}) and in {@code $filter} as {@code Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'}.
 *
 * @param name the qualified type name
 * @param members member name -> value, in the service's order
 */
public record EnumType(String name, Map<String, Integer> members) {
    public EnumType {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The type name without its namespace, e.g. SalesStatus. */
    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The namespace, e.g. Microsoft.Dynamics.DataEntities. */
    public String namespace() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    public boolean hasMember(String member) {
        return members.containsKey(member);
    }

    /** The member a numeric value stands for (the first, where the service gives two names one value). */
    public Optional<String> memberOf(int value) {
        return members.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst();
    }
}
