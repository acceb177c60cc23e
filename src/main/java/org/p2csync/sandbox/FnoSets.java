package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.schema.EnumType;
import org.p2csync.schema.FnoEntity;
import org.p2csync.schema.FnoField;
import org.p2csync.schema.RealSchemas;

/**
 * Derives a served F&amp;O set from its real entity: every field with its EDM or enum type and nullability, the key
 * in the service's order, {@code dataAreaId} as the company column. No MaxLength (F&amp;O publishes none); the
 * lengths the sandbox refuses over are the caller's declaration. Each field gets the value F&amp;O stores when a
 * create leaves it out: non-nullable fields their type's empty value (0, 0.0, 1900-01-01T00:00:00Z, ""), enum fields
 * their member of value 0 (F&amp;O stores enums as integers, never null, though its $metadata declares them
 * nullable; for a type without a 0 member, its first member).
 */
final class FnoSets {
    static final String COMPANY = "dataAreaId";
    /** F&amp;O's empty date (its "no date"), 1900-01-01. */
    static final OffsetDateTime NO_DATE = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final RealSchemas schemas;

    FnoSets(RealSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param typeName the entity type name (the schema lists sets, not types: F&amp;O names the type after the
     *     singular public entity, e.g. CustomerV3 for CustomersV3)
     * @param lengths field -> the longest value the sandbox accepts (its assumption: F&amp;O refuses over-long
     *     values at write time but publishes no lengths)
     */
    EntitySetDef.Builder set(String entitySet, String typeName, Map<String, Integer> lengths) {
        FnoEntity entity = entity(entitySet);
        EntitySetDef.Builder b = EntitySetDef.builder(entitySet, typeName);
        for (FnoField f : entity.fields().values()) {
            EdmType type = f.isEnum() ? EdmType.enumOf(f.enumType()) : EdmType.primitive(f.type());
            Property p = Property.of(f.name(), type).withNullable(f.nullable() && !f.key());
            b.property(f.key() ? p : p.withDefault(defaultValue(type, f.nullable())));
        }
        lengths.forEach((field, length) -> b.change(field, p -> p.withMaxLength(length)));
        return b.key(entity.keys()).company(COMPANY);
    }

    /** Document lines: linked to their header by the header's key fields, which every line carries. */
    EntitySetDef.Builder lines(String entitySet, String typeName, Map<String, Integer> lengths, String headerSet) {
        Map<String, String> columns = new LinkedHashMap<>();
        entity(headerSet).keys().forEach(k -> columns.put(k, k));
        return set(entitySet, typeName, lengths).parent(headerSet, columns);
    }

    private FnoEntity entity(String entitySet) {
        return schemas.fnoEntity(entitySet).orElseThrow(() ->
                new IllegalArgumentException("real-schemas has no F&O entity set " + entitySet));
    }

    private static Object defaultValue(EdmType type, boolean nullable) {
        if (type.isEnum()) {
            EnumType e = type.enumType();
            return e.memberOf(0).orElse(e.members().keySet().iterator().next());
        }
        if (nullable) {
            return null;
        }
        return switch (type.kind()) {
            case STRING -> "";
            case INT32 -> 0;
            case INT64 -> 0L;
            case DECIMAL -> BigDecimal.ZERO;
            case DOUBLE -> 0.0d;
            case BOOLEAN -> false;
            case DATETIME -> NO_DATE;
            default -> null;
        };
    }

    /** {@code lengths("A", 20, "B", 60)}: a field -> length table in declaration order. */
    static Map<String, Integer> lengths(Object... pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return out;
    }

    /** The address lengths the sandbox enforces on sales documents and contact persons. */
    static Map<String, Integer> address(String prefix) {
        return lengths(prefix + "Street", 250, prefix + "City", 60, prefix + "ZipCode", 10, prefix + "StateId", 10,
                prefix + "CountryRegionId", 10);
    }

    @SafeVarargs
    static Map<String, Integer> all(Map<String, Integer>... parts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List.of(parts).forEach(out::putAll);
        return out;
    }
}
