package org.p2csync.sync;

/**
 * One property of an entity set as the service's $metadata declares it.
 *
 * @param type the EDM type, e.g. Edm.String, Edm.Decimal, Edm.DateTimeOffset
 * @param maxLength the declared MaxLength of a string, or null when unbounded
 */
public record FieldInfo(String name, String type, Integer maxLength) {}
