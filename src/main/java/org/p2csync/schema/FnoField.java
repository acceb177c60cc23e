package org.p2csync.schema;

/**
 * One property of an F&amp;O entity set as its {@code $metadata} declares it. F&amp;O publishes no MaxLength.
 *
 * @param type the EDM type ({@code Edm.String}, {@code Edm.Decimal}, ...) or the qualified enum type name
 * @param key part of the entity set's key
 * @param nullable whether the property may be null; a non-nullable one the client leaves out gets the service's default
 * @param enumType the enum type when {@code type} names one, else null
 */
public record FnoField(String name, String type, boolean key, boolean nullable, EnumType enumType) {
    public boolean isEnum() {
        return enumType != null;
    }
}
