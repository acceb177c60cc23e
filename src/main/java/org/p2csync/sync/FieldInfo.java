package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One property of an entity set as the service's $metadata (or the real schemas) declares it.
 *
 * @param type the EDM type, e.g. Edm.String, Edm.Decimal, Edm.DateTimeOffset, or the qualified name of an enum type
 * @param maxLength the declared MaxLength of a string, or null when unbounded or not published (F&amp;O publishes none)
 * @param nullable whether the property takes null (CSDL's default: true)
 * @param access whether a client may write it; {@link Access#UNKNOWN} when the source does not say
 * @param enumType the enum type of an F&amp;O enum property, else null
 * @param options a Dataverse choice's (or state's, status') option values -&gt; labels, else empty
 */
public record FieldInfo(String name, String type, Integer maxLength, boolean nullable, Access access,
                        EnumInfo enumType, Map<Long, String> options) {
    public FieldInfo {
        access = access == null ? Access.UNKNOWN : access;
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A property as a bare CSDL declaration gives it: nullable, access unknown, no enum, no options. */
    public FieldInfo(String name, String type, Integer maxLength) {
        this(name, type, maxLength, true, Access.UNKNOWN, null, Map.of());
    }

    public boolean isEnum() {
        return enumType != null;
    }

    /** True for a Dataverse choice, state or status: a number that must be one of {@link #options}. */
    public boolean isChoice() {
        return !options.isEmpty();
    }

    public FieldInfo withAccess(Access value) {
        return new FieldInfo(name, type, maxLength, nullable, value, enumType, options);
    }

    public FieldInfo withEnum(EnumInfo value) {
        return new FieldInfo(name, type, maxLength, nullable, access, value, options);
    }

    public FieldInfo withOptions(Map<Long, String> value) {
        return new FieldInfo(name, type, maxLength, nullable, access, enumType, value);
    }
}
