package org.p2csync.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.p2csync.schema.EnumType;

/**
 * One simulated service: which real service it imitates, where it lives, its $metadata namespace, its entity sets
 * and the paging and query rules in which Dataverse and F&amp;O differ.
 *
 * @param system short name used for the database file and stats (crm, erp)
 * @param rootPath service root path, with trailing slash
 * @param defaultPageSize rows per page without a Prefer: odata.maxpagesize
 * @param maxPageSize the largest page the service honours
 * @param skipAllowed F&amp;O accepts $skip, Dataverse rejects it
 * @param defaultCompany the company reads return without cross-company=true, or null when the service has none
 */
record ServiceModel(
        ServiceKind kind,
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

    /** The same service with other declarations of its sets (an org's customizations applied). */
    ServiceModel withEntitySets(List<EntitySetDef> sets) {
        return new ServiceModel(kind, system, rootPath, namespace, containerName, sets, defaultPageSize, maxPageSize,
                skipAllowed, defaultCompany);
    }

    Optional<EntitySetDef> entitySet(String name) {
        return entitySets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    EntitySetDef requireEntitySet(String name) {
        return entitySet(name).orElseThrow(() -> ODataError.noSuchSegment(name));
    }

    /** The enum types the served sets use, by name. */
    Collection<EnumType> enumTypes() {
        Map<String, EnumType> types = new TreeMap<>();
        entitySets.forEach(s -> s.properties().stream().filter(p -> p.type().isEnum())
                .forEach(p -> types.put(p.type().enumType().name(), p.type().enumType())));
        return types.values();
    }
}
