package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An F&amp;O enum type: its values travel in JSON as member names ({@code "Yes"}), never as numbers.
 *
 * @param name the qualified type name, e.g. Microsoft.Dynamics.DataEntities.NoYes
 * @param members member name -&gt; value, in the service's order
 */
public record EnumInfo(String name, Map<String, Long> members) {
    public EnumInfo {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The type name without its namespace, e.g. NoYes. */
    public String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public boolean hasMember(String member) {
        return members.containsKey(member);
    }
}
