package org.p2csync.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2csync.mapping.MappingException;
import org.p2csync.mapping.Mappings;
import org.p2csync.sync.FieldCatalog;

/** The mappings folder as sync and setup read it: every problem of every file reported at once, as file:line. */
final class MappingFiles {
    private MappingFiles() {}

    /** Loads every mapping (syntax, value maps, lookups between areas). */
    static Mappings load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("mappings folder " + dir.toAbsolutePath() + " does not exist (set p2c.mappings)");
        }
        try {
            return Mappings.load(dir);
        } catch (MappingException e) {
            throw new ConfigurationException(String.join("\n", problems(e)));
        }
    }

    /** Checks every mapping against both services' $metadata, before any record moves. */
    static void validate(Mappings mappings, Map<String, FieldCatalog> catalogs) {
        List<String> problems = mappings.problems(catalogs);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
    }

    /** Every problem a failed load found, the other files' included, as file:line: message. */
    static List<String> problems(MappingException e) {
        List<String> all = new ArrayList<>(e.problems());
        for (Throwable other : e.getSuppressed()) {
            if (other instanceof MappingException m) {
                all.addAll(m.problems());
            }
        }
        return List.copyOf(all);
    }
}
