package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.schema.RealSchemas;

/**
 * The shipped mappings ({@code mappings/*.yaml} with {@code mappings/shared/value-maps.yaml}) name only what the real
 * Dataverse and F&amp;O have: the project's own validator runs on each against the real schemas (not the sandbox),
 * and every field, key, timestamp, enum value, choice value or navigation property the real service lacks is a
 * failure naming its file:line.
 */
class RealSchemaMappingsTest {
    @Test
    void everyShippedMappingPassesTheRealSchemas() {
        RealSchemas schemas = RealSchemas.shipped();
        List<String> problems = new ArrayList<>();
        Mappings mappings = null;
        try {
            mappings = Mappings.load(Path.of("mappings"));
        } catch (MappingException e) {
            problems.addAll(e.problems());
            for (Throwable other : e.getSuppressed()) {
                problems.addAll(((MappingException) other).problems());
            }
        }
        for (String area : mappings == null ? List.<String>of() : mappings.areas()) {
            Mapping mapping = mappings.mapping(area);
            try {
                mapping.validate(RealSchemaCatalog.of(schemas, mapping.source().system()),
                        RealSchemaCatalog.of(schemas, mapping.target().system()));
            } catch (MappingException e) {
                problems.addAll(e.problems());
            }
        }

        assertThat(problems)
                .withFailMessage(() -> problems.size() + " problems of the shipped mappings against the real schemas:"
                        + System.lineSeparator() + String.join(System.lineSeparator(), problems))
                .isEmpty();
    }
}
