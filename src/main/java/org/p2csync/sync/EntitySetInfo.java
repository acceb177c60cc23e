package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entity set of a service: its key, its properties and its single-valued navigation properties.
 *
 * @param keys the key fields in declaration order (F&amp;O: composite, with dataAreaId; Dataverse: the primary id);
 *     empty when the catalog does not know them
 * @param fields the properties by name, in declaration order
 * @param navigation the single-valued navigation properties by name; meaningful only when {@code navigationKnown}
 * @param navigationKnown false when the catalog says nothing about navigation (a $metadata that declares no
 *     navigation property at all, e.g. the sandbox's): then no reference can be checked against it
 */
public record EntitySetInfo(String name, List<String> keys, Map<String, FieldInfo> fields,
                            Map<String, NavigationInfo> navigation, boolean navigationKnown) {
    public EntitySetInfo {
        keys = List.copyOf(keys);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        navigation = Collections.unmodifiableMap(new LinkedHashMap<>(navigation));
    }

    /** A set known by its fields only: keys and navigation unknown. */
    public static EntitySetInfo ofFields(String name, Map<String, FieldInfo> fields) {
        return new EntitySetInfo(name, List.of(), fields, Map.of(), false);
    }

    public Optional<FieldInfo> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The navigation property of that name, or empty (also when navigation is unknown). */
    public Optional<NavigationInfo> navigation(String name) {
        return Optional.ofNullable(navigation.get(name));
    }
}
