/**
 * The real services' data model, as published (the files under {@code real-schemas/} in the jar, copied from the
 * project's {@code shared/real-schemas}, and p2c-sync's own columns in {@code p2c-columns.yaml}): F&amp;O entity sets
 * with their keys, typed fields and enums; Dataverse tables with their entity sets, columns (types, lengths, choices,
 * read-only), lookups and single-valued navigation properties.
 *
 * <p>The sandbox builds its simulated services from it, the mapping validator checks mappings against it offline, and
 * {@code setup} reads the p2c_ columns from it. Nothing here talks to a service.
 */
package org.p2csync.schema;
