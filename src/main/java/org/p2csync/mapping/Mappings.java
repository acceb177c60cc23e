package org.p2csync.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.p2csync.sync.Areas;
import org.p2csync.sync.ReadOnlyWhen;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.ReadSpec;

/**
 * Every mapping of a folder ({@code mappings/<area>.yaml}), by area. This is the {@link Areas} the application
 * registers in the Camel registry, and where a route's map step finds its {@link Mapping}.
 */
public final class Mappings implements Areas {
    private final Map<String, Mapping> byArea;

    private Mappings(Map<String, Mapping> byArea) {
        this.byArea = Collections.unmodifiableMap(byArea);
    }

    /**
     * Loads every {@code *.yaml} of {@code folder}. Each file's area must equal its file name, so that
     * {@code mappings/accounts.yaml} is always the accounts mapping. Their value maps may name the tables of
     * {@code folder/shared/value-maps.yaml}.
     *
     * @throws MappingException for the first file in error; the problems of the other files are attached as
     *     suppressed exceptions, so one start-up reports every broken file
     */
    public static Mappings load(Path folder) {
        Map<String, Mapping> byArea = new LinkedHashMap<>();
        List<MappingException> failures = new ArrayList<>();
        // a broken shared file stops here: every file using its tables would only add "unknown value map" noise
        MappingLoader loader = new MappingLoader(SharedValueMaps.load(folder));
        for (Path file : yamlFiles(folder)) {
            try {
                Mapping mapping = loader.load(file);
                String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                if (!mapping.area().equals(expected)) {
                    Problems problems = new Problems(file);
                    problems.add(mapping.areaLine(), "area '" + mapping.area() + "' does not match the file name; expected area: "
                            + expected);
                    problems.throwIfAny();
                }
                byArea.put(mapping.area(), mapping);
            } catch (MappingException e) {
                failures.add(e);
            }
        }
        for (Mapping mapping : byArea.values()) {
            try {
                checkLookups(mapping, byArea.keySet());
            } catch (MappingException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            MappingException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return new Mappings(byArea);
    }

    /** A lookup of an area that has no mapping would make its records wait forever: a start-up error instead. */
    private static void checkLookups(Mapping mapping, java.util.Set<String> areas) {
        Problems problems = new Problems(mapping.file());
        for (LookupRef lookup : mapping.lookups()) {
            if (!areas.contains(lookup.area())) {
                String hint = Suggestions.closest(lookup.area(), areas).map(a -> "; did you mean " + a + "?")
                        .orElse("; mapped areas: " + new java.util.TreeSet<>(areas));
                problems.add(mapping.lookupLine(lookup), "lookup of area '" + lookup.area() + "' (from "
                        + lookup.sourceField() + "): no mapping defines that area" + hint);
            }
        }
        problems.throwIfAny();
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list mapping folder " + folder, e);
        }
    }

    /** @throws IllegalArgumentException naming the area and the known ones when there is no such mapping */
    public Mapping mapping(String area) {
        Mapping mapping = byArea.get(area);
        if (mapping == null) {
            throw new IllegalArgumentException("no mapping for area '" + area + "'; mapped areas: " + byArea.keySet());
        }
        return mapping;
    }

    @Override
    public ReadSpec readSpec(String area) {
        return mapping(area).readSpec();
    }

    @Override
    public List<String> conflictFields(String area) {
        return mapping(area).conflictFields();
    }

    @Override
    public boolean actsOnDeletes(String area) {
        return mapping(area).onDelete().kind() != DeletePolicy.Kind.IGNORE;
    }

    @Override
    public List<String> assignedFields(String area) {
        return mapping(area).target().assigned();
    }

    @Override
    public ReadOnlyWhen readOnlyWhen(String area) {
        return mapping(area).target().readOnlyWhen();
    }

    /**
     * Checks every mapping against the catalogs of the systems it reads and writes ({@link Mapping#validate}): the
     * one check of the mappings against the services' $metadata, at start-up and in setup.
     *
     * @param catalogs by the system names mapping files use ("crm", "erp")
     * @return every problem as {@code file:line: message}, in file order; empty when every mapping validates
     */
    public List<String> problems(Map<String, FieldCatalog> catalogs) {
        List<String> problems = new ArrayList<>();
        for (Mapping mapping : byArea.values()) {
            FieldCatalog source = catalogs.get(mapping.source().system());
            FieldCatalog target = catalogs.get(mapping.target().system());
            if (source == null || target == null) {
                problems.add(mapping.file() + ": unknown system '" + (source == null ? mapping.source().system()
                        : mapping.target().system()) + "'; use one of " + new java.util.TreeSet<>(catalogs.keySet()));
                continue;
            }
            try {
                mapping.validate(source, target);
            } catch (MappingException e) {
                problems.addAll(e.problems());
            }
        }
        return List.copyOf(problems);
    }

    /** The mapped areas, in file-name order. */
    public List<String> areas() {
        return List.copyOf(byArea.keySet());
    }
}
