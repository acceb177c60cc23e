package org.p2csync.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Value maps every mapping file may use by name, from {@code <mappings>/shared/value-maps.yaml}: a currency, country
 * or unit table lives once instead of in each area that translates that value. A mapping's own {@code valueMaps:}
 * table of the same name is used instead of the shared one.
 *
 * @param file the shared file, or null when there is none
 */
record SharedValueMaps(Path file, Map<String, ValueMapCompiler.Loaded> tables) {
    static final SharedValueMaps NONE = new SharedValueMaps(null, Map.of());

    /** Where a mappings folder keeps its shared tables; {@code shared/} is not read as mapping files. */
    static Path fileIn(Path mappingsFolder) {
        return mappingsFolder.resolve("shared").resolve("value-maps.yaml");
    }

    SharedValueMaps {
        tables = Map.copyOf(tables);
    }

    /**
     * @throws MappingException naming the shared file and line of every problem in it
     */
    static SharedValueMaps load(Path mappingsFolder) {
        Path file = fileIn(mappingsFolder);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Problems problems = new Problems(file);
        Node root = MappingLoader.parse(file, problems);
        YamlMap top = YamlMap.of(root, "the shared value-map file", Set.of("valueMaps"), problems).orElse(null);
        problems.throwIfAny();
        if (!top.has("valueMaps")) {
            problems.add(top.line(), "missing key 'valueMaps' in the shared value-map file");
        }
        Map<String, ValueMapCompiler.Loaded> tables = new java.util.LinkedHashMap<>();
        top.entry("valueMaps").map(e -> new ValueMapCompiler(problems).compileAll(e.value()))
                .ifPresent(compiled -> compiled.forEach((name, table) -> tables.put(name, table.from(file))));
        problems.throwIfAny();
        return new SharedValueMaps(file, tables);
    }

    /** A mapping's tables: the shared ones, then its own, which win by name. */
    Map<String, ValueMapCompiler.Loaded> with(Map<String, ValueMapCompiler.Loaded> own) {
        Map<String, ValueMapCompiler.Loaded> all = new java.util.LinkedHashMap<>(tables);
        all.putAll(own);
        return all;
    }
}
