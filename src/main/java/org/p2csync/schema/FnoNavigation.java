package org.p2csync.schema;

/**
 * A navigation property of an F&amp;O entity set.
 *
 * @param targetEntitySet the entity set it leads to
 * @param collection true for a collection-valued property ({@code [many]}), false for a single-valued one
 */
public record FnoNavigation(String name, String targetEntitySet, boolean collection) {}
