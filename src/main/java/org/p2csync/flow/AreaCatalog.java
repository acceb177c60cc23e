package org.p2csync.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.p2csync.mapping.Mapping;
import org.p2csync.sync.Areas;
import org.p2csync.sync.ReadSpec;

/** The compiled mapping of every configured area, by area name. */
public final class AreaCatalog implements Areas {
    private final Map<String, Mapping> mappings;

    public AreaCatalog(Map<String, Mapping> mappings) {
        this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    }

    public Mapping mapping(String area) {
        Mapping mapping = mappings.get(area);
        if (mapping == null) {
            throw new IllegalArgumentException(
                    "area '" + area + "' has no mapping: expected mappings/" + area + ".yaml (areas with mappings: "
                            + mappings.keySet() + ")");
        }
        return mapping;
    }

    public Set<String> areas() {
        return mappings.keySet();
    }

    @Override
    public ReadSpec readSpec(String area) {
        return mapping(area).readSpec();
    }
}
