package org.p2csync.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * One simulated service: where it lives, its $metadata namespace, its entity sets and the paging and query rules in
 * which Dataverse and F&O differ.
 *
 * @param system short name used for the database file and stats (crm, erp)
 * @param rootPath service root path, with trailing slash
 * @param defaultPageSize rows per page without a Prefer: odata.maxpagesize
 * @param maxPageSize the largest page the service honours
 * @param skipAllowed F&O accepts $skip, Dataverse rejects it
 * @param defaultCompany the company reads return without cross-company=true, or null when the service has none
 */
record ServiceModel(
        String system,
        String rootPath,
        String namespace,
        String containerName,
        List<EntitySetDef> entitySets,
        int defaultPageSize,
        int maxPageSize,
        boolean skipAllowed,
        String defaultCompany) {

    ServiceModel {
        entitySets = List.copyOf(entitySets);
    }

    Optional<EntitySetDef> entitySet(String name) {
        return entitySets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    EntitySetDef requireEntitySet(String name) {
        return entitySet(name).orElseThrow(() -> ODataError.notFound(
                "Resource not found for the segment '" + name + "'"));
    }
}
